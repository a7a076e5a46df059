//! The grid's rules in words, as the screen and the printed annex state them.

use super::format::format_points;
use super::plan::{AverageRule, Grid, Method, Scale, SharedRule};

/// How an objective's weight is formed: "peso = (complessità + strategicità) × fattore tipologia".
pub fn formula(grid: &Grid) -> String {
    match grid.method {
        Method::Direct => "peso = percentuale assegnata direttamente; i pesi di ogni unità sommano a 100 (gli obiettivi prerequisito, «X», sono esclusi)".into(),
        Method::Criteria => {
            let terms: Vec<String> = grid.criteria.iter().map(|c| c.short.to_lowercase()).collect();
            let sum = terms.join(" + ");
            if grid.types.is_empty() {
                format!("peso = {sum} (massimo {} punti)", format_points(grid.max_points()))
            } else {
                let factors: Vec<String> = grid.types.iter().map(|t| format!("{} × {}", t.name, format_points(t.factor))).collect();
                let sum = if terms.len() > 1 { format!("({sum})") } else { sum };
                format!("peso = {sum} × fattore tipologia ({})", factors.join(", "))
            }
        }
    }
}

pub fn average_rule(rule: AverageRule) -> &'static str {
    match rule {
        AverageRule::Simple => "media semplice dei pesi degli obiettivi completi",
        AverageRule::PointsWeighted => {
            "media ponderata sui punti: somma dei pesi al quadrato divisa per la somma dei pesi"
        }
    }
}

pub fn shared_rule(rule: SharedRule) -> &'static str {
    match rule {
        SharedRule::Separate => "gli obiettivi comuni a più unità hanno una tabella propria e non entrano nelle medie delle unità",
        SharedRule::EachUnit => "gli obiettivi comuni a più unità contano in ciascuna delle loro unità, nella media e nei pesi relativi",
    }
}

/// The admitted values of a criterion: "da 0 a 10", "Bassa 1 · Media 2 · Alta 3".
pub fn scale(scale: &Scale) -> String {
    match scale {
        Scale::Range { min, max, step } if step.raw() == 10_000 => {
            format!("da {} a {}", format_points(*min), format_points(*max))
        }
        Scale::Range { min, max, step } => format!(
            "da {} a {}, passo {}",
            format_points(*min),
            format_points(*max),
            format_points(*step)
        ),
        Scale::Levels(levels) => levels
            .iter()
            .map(|l| format!("{} {}", l.name, format_points(l.points)))
            .collect::<Vec<_>>()
            .join(" · "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::presets::Preset;

    #[test]
    fn formulas_in_words() {
        assert_eq!(
            formula(&Preset::Como2024.grid()),
            "peso = complessità + rilevanza strategica + signif. finanziaria + impatto utenza (massimo 40 punti)"
        );
        assert_eq!(
            formula(&Preset::LevelsAndTypes.grid()),
            "peso = (complessità + strategicità + impatto esterno) × fattore tipologia (Mantenimento × 1, Miglioramento × 1,2, Sviluppo × 1,5)"
        );
        assert!(formula(&Preset::DirectPercent.grid())
            .starts_with("peso = percentuale assegnata direttamente"));
        assert_eq!(
            scale(&Preset::LevelsAndTypes.grid().criteria[0].scale),
            "Bassa 1 · Media 2 · Alta 3"
        );
    }
}
