//! What a header means. People title their columns as they like
//! ("Complessità", "COMPLESSITA", "complessita'", "Complessità amministrativa
//! tecnica gestionale"), so headers are compared folded (see
//! [`fold`](super::text::fold)) against the grid's criteria, the hierarchy's
//! level names and a few words for the other columns.

use crate::model::plan::{Criterion, Grid, Method};
use crate::model::Plan;

use super::text::fold;

/// The meaning of one column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// The unit at this level of the hierarchy ("Area", "Settore").
    Level(usize),
    /// The objective's unit, by name or id.
    Unit,
    /// Every unit sharing the objective, lead first, separated by `|`.
    Shared,
    Title,
    Description,
    /// The objective type, when the grid has types.
    Type,
    /// The directly assigned percentage (or "X"), with the direct method.
    Direct,
    /// The score on this criterion (index into the grid's criteria).
    Criterion(usize),
    /// The achievement entered as a percentage.
    AchievementPercent,
    /// An indicator's target, the value found, and which way is better.
    Target,
    Actual,
    Direction,
    /// A figure Pesatura computes itself (total, relative weight, average), or
    /// the table it is worked out in.
    Computed,
    /// Not understood.
    Unknown,
}

const TITLE: &[&str] = &[
    "titolo",
    "titolo obiettivo",
    "titolo dell obiettivo",
    "obiettivo",
    "title",
];
const DESCRIPTION: &[&str] = &["descrizione", "descrizione obiettivo", "description"];
const UNIT: &[&str] = &["unita", "unita organizzativa", "struttura", "unit"];
const SHARED: &[&str] = &[
    "comune a",
    "obiettivo comune a",
    "comune a piu unita",
    "condiviso con",
    "intersettoriale",
    "shared with",
];
const TYPE: &[&str] = &["tipologia", "tipologia obiettivo", "tipo", "type"];
const DIRECT: &[&str] = &[
    "peso assegnato",
    "peso",
    "peso percentuale",
    "peso obiettivo",
    "weight",
];
const ACHIEVEMENT: &[&str] = &[
    "raggiungimento",
    "grado di raggiungimento",
    "percentuale di raggiungimento",
    "achievement",
];
const TARGET: &[&str] = &[
    "target",
    "target dell indicatore",
    "valore atteso",
    "valore obiettivo",
];
const ACTUAL: &[&str] = &[
    "valore rilevato",
    "rilevato",
    "valore raggiunto",
    "valore a consuntivo",
    "consuntivo",
    "actual",
    "actual value",
];
const DIRECTION: &[&str] = &["verso", "verso dell indicatore", "direction"];
const COMPUTED_PREFIXES: &[&str] = &[
    "raggiungimento che conta",
    "punteggio ponderato",
    "risultato",
    "achievement that counts",
    "weighted score",
    "result",
    "totale",
    "pesatura",
    "punti",
    "punteggio totale",
    "peso relativo",
    "media",
    "points",
    "relative weight",
    "average",
    "tabella",
];

/// The meaning of a header in files for `plan`.
pub fn column_of(header: &str, plan: &Plan) -> Column {
    let key = fold(header);
    if key.is_empty() {
        return Column::Unknown;
    }
    let grid = &plan.grid;
    if let Some(c) = match_criterion(header, grid) {
        return Column::Criterion(c);
    }
    let is = |names: &[&str]| names.contains(&key.as_str());
    if is(TITLE) {
        Column::Title
    } else if is(DESCRIPTION) {
        Column::Description
    } else if is(UNIT) {
        Column::Unit
    } else if is(SHARED) {
        Column::Shared
    } else if is(TYPE) && !grid.types.is_empty() {
        Column::Type
    } else if is(DIRECT) && grid.method == Method::Direct {
        Column::Direct
    } else if let Some(level) = plan.ente.levels.iter().position(|l| fold(l) == key) {
        Column::Level(level)
    } else if is(ACHIEVEMENT) {
        Column::AchievementPercent
    } else if is(TARGET) {
        Column::Target
    } else if is(ACTUAL) {
        Column::Actual
    } else if is(DIRECTION) {
        Column::Direction
    } else if COMPUTED_PREFIXES
        .iter()
        .any(|p| key == *p || key.starts_with(&format!("{p} ")))
    {
        Column::Computed
    } else {
        Column::Unknown
    }
}

/// The criterion a header names: by id, short label or full name, folded;
/// failing that, the one criterion whose full name starts with the header
/// ("Complessità amministrativa" for "Complessità amministrativa tecnica
/// gestionale"). `None` when no criterion, or more than one, fits.
pub fn match_criterion(header: &str, grid: &Grid) -> Option<usize> {
    let key = fold(header);
    if key.is_empty() {
        return None;
    }
    let only = |fits: &dyn Fn(&Criterion) -> bool| {
        let mut found = grid
            .criteria
            .iter()
            .enumerate()
            .filter(|(_, c)| fits(c))
            .map(|(i, _)| i);
        match (found.next(), found.next()) {
            (Some(i), None) => Some(i),
            _ => None,
        }
    };
    let starts = |name: &str| fold(name).starts_with(&format!("{key} "));
    only(&|c| fold(&c.id) == key)
        .or_else(|| only(&|c| fold(&c.short) == key))
        .or_else(|| only(&|c| fold(&c.name) == key))
        .or_else(|| only(&|c| starts(&c.name)))
        .or_else(|| only(&|c| starts(&c.short)))
}

/// The criterion an unread header was most likely meant for: one whose
/// column the file lacks (`lacking`), whose label, name or name's first
/// word is at most two letters away from the header ("Complesita" for
/// «Complessità»), and the only such one.
pub fn likely_criterion(
    header: &str,
    grid: &Grid,
    lacking: impl Fn(usize) -> bool,
) -> Option<usize> {
    let key = fold(header);
    if key.chars().count() < 4 {
        return None;
    }
    let near = |name: &str| {
        let name = fold(name);
        let first = name.split(' ').next().unwrap_or_default().to_string();
        [name, first]
            .iter()
            .any(|n| n.chars().count() >= 4 && edit_distance(&key, n) <= 2)
    };
    let mut found = grid
        .criteria
        .iter()
        .enumerate()
        .filter(|(i, c)| lacking(*i) && (near(&c.short) || near(&c.name) || near(&c.id)))
        .map(|(i, _)| i);
    match (found.next(), found.next()) {
        (Some(i), None) => Some(i),
        _ => None,
    }
}

/// Letters to insert, delete or change to turn `a` into `b` (Levenshtein).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::presets::{como_2024_grid, new_plan};

    #[test]
    fn a_header_two_letters_off_is_the_criterion_it_was_meant_for() {
        let grid = como_2024_grid();
        let every = |_| true;
        assert_eq!(edit_distance("complesita", "complessita"), 1);
        assert_eq!(likely_criterion("Complesita", &grid, every), Some(0));
        assert_eq!(likely_criterion("Rilevansa", &grid, every), Some(1));
        assert_eq!(likely_criterion("Impatto utensa", &grid, every), Some(3));
        // Only criteria the file lacks, and nothing for a header far from all.
        assert_eq!(likely_criterion("Complesita", &grid, |i| i != 0), None);
        assert_eq!(likely_criterion("Colore", &grid, every), None);
        assert_eq!(likely_criterion("Note", &grid, every), None);
    }

    #[test]
    fn criteria_by_name_short_or_id_in_any_case() {
        let plan = new_plan(2025);
        for header in [
            "complessità",
            "COMPLESSITA",
            "Complessita'",
            "Complessità amministrativa tecnica gestionale",
            "complessita",
            "Complessità amministrativa",
        ] {
            assert_eq!(column_of(header, &plan), Column::Criterion(0), "{header}");
        }
        assert_eq!(
            column_of("Signif. finanziaria", &plan),
            Column::Criterion(2)
        );
        assert_eq!(column_of("Impatto", &plan), Column::Criterion(3));
    }

    #[test]
    fn other_columns() {
        let plan = new_plan(2025);
        assert_eq!(column_of("TITOLO", &plan), Column::Title);
        assert_eq!(column_of("Settore", &plan), Column::Level(1));
        assert_eq!(column_of("Unità", &plan), Column::Unit);
        assert_eq!(column_of("Peso relativo (%)", &plan), Column::Computed);
        assert_eq!(column_of("Media dell'unità", &plan), Column::Computed);
        assert_eq!(column_of("Pesatura obiettivo (*)", &plan), Column::Computed);
        assert_eq!(
            column_of("Peso", &plan),
            Column::Unknown,
            "no direct weights on the Como grid"
        );
        assert_eq!(column_of("Colore", &plan), Column::Unknown);
        assert_eq!(
            column_of("Raggiungimento (%)", &plan),
            Column::AchievementPercent
        );
        assert_eq!(
            column_of("Raggiungimento che conta (%)", &plan),
            Column::Computed
        );
        assert_eq!(column_of("Target dell'indicatore", &plan), Column::Target);
        assert_eq!(column_of("Valore rilevato", &plan), Column::Actual);
        assert_eq!(column_of("Verso dell'indicatore", &plan), Column::Direction);
        assert_eq!(
            column_of("Risultato della tabella", &plan),
            Column::Computed
        );
    }
}
