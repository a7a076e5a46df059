//! Spreadsheets in and out as Excel workbooks (.xlsx), behind the `xlsx`
//! Cargo feature so that the default wasm bundle does not carry a zip
//! writer and reader.
//!
//! The Nucleo checks the weighting table in Excel, so [`export`] writes it
//! the way the PEG annex sets it out, with every figure Pesatura computes as
//! a live formula over the score cells (change a score in Excel and the
//! totals, shares and averages move) and, as the cached result, Pesatura's
//! own value. [`preview`] reads a workbook's first sheet into the same
//! [`Preview`] the CSV import gives, through the same header matching and
//! row checks, so both formats report the same rows and reasons.

mod export;
mod import;

pub use export::{export, file_name};
pub use import::preview;

/// The label that starts a table's closing row (its total and average), in
/// the first column; the importer skips these rows.
const SUBTOTAL: &str = "Totale e media — ";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::presets::new_plan;

    #[test]
    fn file_name_follows_the_json_one() {
        let mut plan = new_plan(2025);
        plan.ente.name = "Comune di Cantù".into();
        assert_eq!(file_name(&plan), "pesatura-comune-di-cantu-2025.xlsx");
    }

    #[test]
    fn empty_plan_round_trips_to_an_empty_preview() {
        let plan = new_plan(2025);
        let bytes = export(&plan).unwrap();
        let preview = preview(&bytes, &plan).unwrap();
        assert!(preview.rows.is_empty() && preview.rejected.is_empty(), "{preview:?}");
        assert!(preview.missing_criteria.is_empty());
    }
}
