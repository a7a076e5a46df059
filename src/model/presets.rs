//! Grids Pesatura offers ready-made, selectable when creating a plan. Each is
//! a complete method; any of them can then be edited in the app.

use super::decimal::Dec;
use super::plan::{AverageRule, Criterion, Grid, Method, ObjectiveType, Plan, SharedRule};

/// A ready-made grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// Comune di Como, PEG 2024: four criteria in points, weight = their sum.
    Como2024,
    /// Three criteria on Bassa/Media/Alta levels, times the objective type's factor.
    LevelsAndTypes,
    /// Percentages assigned directly, summing to 100 per unit.
    DirectPercent,
}

impl Preset {
    pub const ALL: [Preset; 3] = [
        Preset::Como2024,
        Preset::LevelsAndTypes,
        Preset::DirectPercent,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Preset::Como2024 => "como-2024",
            Preset::LevelsAndTypes => "livelli-tipologia",
            Preset::DirectPercent => "pesi-diretti",
        }
    }

    pub fn from_key(key: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.key() == key)
    }

    /// The preset's name in the interface's language.
    pub fn label(self) -> &'static str {
        let t = &crate::text::t().model;
        match self {
            Preset::Como2024 => t.preset_como_2024,
            Preset::LevelsAndTypes => t.preset_levels_and_types,
            Preset::DirectPercent => t.preset_direct_percent,
        }
    }

    pub fn grid(self) -> Grid {
        match self {
            Preset::Como2024 => como_2024_grid(),
            Preset::LevelsAndTypes => levels_and_types_grid(),
            Preset::DirectPercent => direct_percent_grid(),
        }
    }
}

/// The Comune di Como's grid, PEG 2024 (section 3.2): four criteria, weight =
/// their sum, at most 40 points; simple average per settore; objectives
/// common to several settori in a table of their own.
pub fn como_2024_grid() -> Grid {
    Grid {
        name: "Comune di Como, PEG 2024".into(),
        method: Method::Criteria,
        criteria: vec![
            Criterion::integer(
                "complessita",
                "Complessità amministrativa tecnica gestionale",
                "Complessità",
                0,
                10,
            ),
            Criterion::integer(
                "rilevanza",
                "Rilevanza strategica rispetto al programma di mandato",
                "Rilevanza strategica",
                0,
                15,
            ),
            Criterion::integer(
                "finanziaria",
                "Significatività finanziaria",
                "Signif. finanziaria",
                0,
                5,
            ),
            Criterion::integer(
                "utenza",
                "Impatto sulla utenza esterna",
                "Impatto utenza",
                0,
                10,
            ),
        ],
        types: Vec::new(),
        average: AverageRule::Simple,
        shared: SharedRule::Separate,
        expected_objectives: Some(3),
        bands: None,
    }
}

/// Levels and objective types: complessità, strategicità and impatto
/// esterno each Bassa 1 / Media 2 / Alta 3; the sum times the type's factor
/// (Mantenimento 1, Miglioramento 1,2, Sviluppo 1,5). Shared objectives count
/// in each of their units.
pub fn levels_and_types_grid() -> Grid {
    let bma = [
        ("Bassa", Dec::from_int(1)),
        ("Media", Dec::from_int(2)),
        ("Alta", Dec::from_int(3)),
    ];
    let tenths = |n: i64| Dec::from_raw(n * Dec::SCALE / 10);
    Grid {
        name: "Livelli e tipologia di obiettivo".into(),
        method: Method::Criteria,
        criteria: vec![
            Criterion::levels(
                "complessita",
                "Complessità tecnica e gestionale",
                "Complessità",
                &bma,
            ),
            Criterion::levels(
                "strategicita",
                "Strategicità rispetto al programma di mandato",
                "Strategicità",
                &bma,
            ),
            Criterion::levels(
                "impatto",
                "Impatto esterno su cittadini e imprese",
                "Impatto esterno",
                &bma,
            ),
        ],
        types: vec![
            ObjectiveType {
                id: "mantenimento".into(),
                name: "Mantenimento".into(),
                factor: Dec::from_int(1),
            },
            ObjectiveType {
                id: "miglioramento".into(),
                name: "Miglioramento".into(),
                factor: tenths(12),
            },
            ObjectiveType {
                id: "sviluppo".into(),
                name: "Sviluppo".into(),
                factor: tenths(15),
            },
        ],
        average: AverageRule::Simple,
        shared: SharedRule::EachUnit,
        expected_objectives: None,
        bands: None,
    }
}

/// Direct percentages: each unit's objectives sum to 100; prerequisite
/// objectives ("X") are allowed and excluded.
pub fn direct_percent_grid() -> Grid {
    Grid {
        name: "Pesi percentuali diretti".into(),
        method: Method::Direct,
        criteria: Vec::new(),
        types: Vec::new(),
        average: AverageRule::Simple,
        shared: SharedRule::EachUnit,
        expected_objectives: None,
        bands: None,
    }
}

/// The plan "Nuovo piano" starts from: the preset's grid, Area → Settore, one settore.
pub fn new_plan_with(year: i32, preset: Preset) -> Plan {
    Plan::empty(
        crate::text::t().model.new_ente_name,
        year,
        vec!["Area".into(), "Settore".into()],
        preset.grid(),
    )
}

/// A new plan on the Como grid.
pub fn new_plan(year: i32) -> Plan {
    new_plan_with(year, Preset::Como2024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn como_grid_tops_at_40() {
        assert_eq!(como_2024_grid().max_points(), Dec::from_int(40));
    }

    #[test]
    fn presets_have_distinct_keys() {
        for p in Preset::ALL {
            assert_eq!(Preset::from_key(p.key()), Some(p));
        }
    }
}
