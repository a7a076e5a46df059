//! Grids and plans Pesatura offers ready-made.

use super::plan::{Criterion, Grid, Plan};

/// The Comune di Como's grid, PEG 2024 (section 3.2): four criteria, weight =
/// their sum, at most 40 points.
pub fn como_2024_grid() -> Grid {
    Grid {
        name: "Comune di Como, PEG 2024".into(),
        criteria: vec![
            Criterion::integer("complessita", "Complessità amministrativa tecnica gestionale", "Complessità", 0, 10),
            Criterion::integer("rilevanza", "Rilevanza strategica rispetto al programma di mandato", "Rilevanza strategica", 0, 15),
            Criterion::integer("finanziaria", "Significatività finanziaria", "Signif. finanziaria", 0, 5),
            Criterion::integer("utenza", "Impatto sulla utenza esterna", "Impatto utenza", 0, 10),
        ],
    }
}

/// The plan "Nuovo piano" starts from: Como's grid and levels, one settore.
pub fn new_plan(year: i32) -> Plan {
    Plan::empty("Nuovo ente", year, vec!["Area".into(), "Settore".into()], como_2024_grid())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::decimal::Dec;

    #[test]
    fn como_grid_tops_at_40() {
        assert_eq!(como_2024_grid().max_points(), Dec::from_int(40));
    }
}
