//! The grid's rules in words, as the screen and the printed annex state them,
//! in the interface's language.

use super::plan::{AverageRule, Grid, Method, Scale, SharedRule};
use crate::text::{fill, points, t};

/// How an objective's weight is formed: "peso = (complessità + strategicità) × fattore tipologia".
pub fn formula(grid: &Grid) -> String {
    match grid.method {
        Method::Direct => t().model.formula_direct.into(),
        Method::Criteria => {
            let terms: Vec<String> = grid
                .criteria
                .iter()
                .map(|c| c.short.to_lowercase())
                .collect();
            let sum = terms.join(" + ");
            if grid.types.is_empty() {
                fill(
                    t().model.formula_sum,
                    &[("sum", &sum), ("max", &points(grid.max_points()))],
                )
            } else {
                let factors: Vec<String> = grid
                    .types
                    .iter()
                    .map(|k| format!("{} × {}", k.name, points(k.factor)))
                    .collect();
                let sum = if terms.len() > 1 {
                    format!("({sum})")
                } else {
                    sum
                };
                fill(
                    t().model.formula_sum_times_type,
                    &[("sum", &sum), ("factors", &factors.join(", "))],
                )
            }
        }
    }
}

pub fn average_rule(rule: AverageRule) -> &'static str {
    match rule {
        AverageRule::Simple => t().model.average_simple,
        AverageRule::PointsWeighted => t().model.average_points_weighted,
    }
}

pub fn shared_rule(rule: SharedRule) -> &'static str {
    match rule {
        SharedRule::Separate => t().model.shared_separate,
        SharedRule::EachUnit => t().model.shared_each_unit,
    }
}

/// The admitted values of a criterion: "da 0 a 10", "Bassa 1 · Media 2 · Alta 3".
pub fn scale(scale: &Scale) -> String {
    match scale {
        Scale::Range { min, max, step } if step.raw() == 10_000 => fill(
            t().model.scale_range,
            &[("min", &points(*min)), ("max", &points(*max))],
        ),
        Scale::Range { min, max, step } => fill(
            t().model.scale_range_step,
            &[
                ("min", &points(*min)),
                ("max", &points(*max)),
                ("step", &points(*step)),
            ],
        ),
        Scale::Levels(levels) => levels
            .iter()
            .map(|l| format!("{} {}", l.name, points(l.points)))
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
