//! Spreadsheets in and out as Excel workbooks (.xlsx).
//!
//! The Nucleo checks the weighting table in Excel, so [`export`] writes it
//! the way the PEG annex sets it out, with every figure Pesatura computes as
//! a live formula over the score cells (change a score in Excel and the
//! totals, shares, averages and weighted scores move) and, as the cached
//! result, Pesatura's own value. [`read_sheet`] reads a workbook's first
//! sheet into rows of text, and [`preview_sheet`] gives those rows the CSV
//! import's header matching and row checks, so both formats report the same
//! rows and reasons; [`preview`] does both.
//!
//! Writing and reading a workbook takes a zip writer and reader (about
//! 440 KB of gzipped wasm), so they are behind the `xlsx` Cargo feature and
//! the default bundle does not carry them. In the browser they run in a Web
//! Worker of their own (`src/bin/xlsx_worker.rs`), loaded on first use; what
//! the page itself needs — the file name, telling a workbook from a CSV,
//! the checks that need no unzipping, and the preview of the rows the worker
//! sends back — is here, outside the feature.

#[cfg(feature = "xlsx")]
mod export;
#[cfg(feature = "xlsx")]
mod import;

#[cfg(feature = "xlsx")]
pub use export::export;
#[cfg(feature = "xlsx")]
pub use import::{preview, read_sheet};

use crate::io::csv::{preview_sheet_records, CsvError, Preview, Record};
use crate::io::json;
use crate::model::Plan;
use crate::text::{fill, t};

/// The label that starts a table's closing row (its total and average), in
/// the first column; the importer skips these rows.
#[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
const SUBTOTAL: &str = "Totale e media — ";

/// Files larger than this are refused before reading, as CSV files are.
const MAX_BYTES: usize = 50 * 1024 * 1024;

/// The MIME type of an .xlsx download.
pub const MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A workbook's first sheet as text: what the worker hands back to the page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sheet {
    /// The sheet's name, as the workbook's tab shows it.
    pub name: String,
    pub rows: Vec<SheetRow>,
}

/// One row of a sheet: Excel's row number (from 1) and its cells, each as
/// the CSV reader would have read it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SheetRow {
    pub line: usize,
    pub cells: Vec<String>,
}

/// The name of the downloaded file: `pesatura-comune-di-como-2024.xlsx`.
pub fn file_name(plan: &Plan) -> String {
    let name = json::file_name(plan);
    format!("{}.xlsx", name.strip_suffix(".json").unwrap_or(&name))
}

/// Whether a file chosen for import is an Excel workbook (or an old .xls,
/// which [`check`] then refuses with the way out) rather than CSV text: by
/// its first bytes, a zip or an OLE file, or else by an .xlsx or .xlsm name.
/// Text named .xls, as some programs export their tables, is read as CSV.
pub fn is_workbook(name: &str, bytes: &[u8]) -> bool {
    let name = name.to_ascii_lowercase();
    bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(b"\xD0\xCF\x11\xE0")
        || [".xlsx", ".xlsm"].iter().any(|ext| name.ends_with(ext))
}

/// What can be refused without opening the workbook: too large, the old
/// .xls format, not a zip at all.
pub fn check(bytes: &[u8]) -> Result<(), CsvError> {
    if bytes.len() > MAX_BYTES {
        return Err(CsvError::new(fill(
            t().io.file_too_large,
            &[("limit", &(MAX_BYTES / (1024 * 1024)))],
        )));
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(CsvError::new(t().io.xlsx_old_format));
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(CsvError::new(t().io.xlsx_not_xlsx));
    }
    Ok(())
}

/// The preview of a sheet's rows against `plan`: each row needs a unit
/// column, as in [`crate::io::csv::preview`]. The preview names the sheet.
pub fn preview_sheet(sheet: &Sheet, plan: &Plan) -> Result<Preview, CsvError> {
    let records: Vec<Record> = sheet
        .rows
        .iter()
        .map(|r| Record {
            line: r.line,
            cells: r.cells.clone(),
        })
        .collect();
    if records.iter().all(Record::is_blank) {
        return Err(CsvError::new(fill(
            t().io.xlsx_sheet_empty,
            &[("sheet", &sheet.name)],
        )));
    }
    let mut preview = preview_sheet_records(records, plan)?;
    preview.sheet = Some(sheet.name.clone());
    Ok(preview)
}

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
    fn workbooks_told_from_csv() {
        assert!(
            is_workbook("tabella.csv", b"PK\x03\x04rest"),
            "a zip, whatever its name"
        );
        assert!(is_workbook("Tabella.XLSX", b""), "by extension");
        assert!(is_workbook(
            "vecchio.dat",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"
        ));
        assert!(!is_workbook("tabella.csv", "Titolo;Complessità".as_bytes()));
        assert!(!is_workbook("xlsx.txt", b"Titolo"));
        assert!(
            !is_workbook("esportazione.xls", "Titolo;Complessità".as_bytes()),
            "text named .xls is CSV"
        );
    }

    #[test]
    fn empty_sheet_is_refused_by_name() {
        let sheet = Sheet {
            name: "Foglio1".into(),
            rows: vec![SheetRow {
                line: 1,
                cells: vec![String::new()],
            }],
        };
        let err = preview_sheet(&sheet, &new_plan(2025)).unwrap_err();
        assert!(
            err.to_string()
                .contains("il foglio «Foglio1» del file è vuoto"),
            "{err}"
        );
    }

    #[test]
    fn sheet_rows_preview_like_csv_and_name_the_sheet() {
        let plan = new_plan(2025);
        let row = |line, cells: &[&str]| SheetRow {
            line,
            cells: cells.iter().map(|c| c.to_string()).collect(),
        };
        let sheet = Sheet {
            name: "Pesatura".into(),
            rows: vec![
                row(1, &["Pesatura 2025", "", "", "", ""]),
                row(
                    3,
                    &[
                        "Titolo",
                        "Complessità",
                        "Rilevanza strategica",
                        "Significatività finanziaria",
                        "Impatto sulla utenza esterna",
                    ],
                ),
                row(4, &["Sportello unico", "4", "7", "2", "5"]),
                row(5, &["Troppo", "11", "7", "2", "5"]),
            ],
        };
        let preview = preview_sheet(&sheet, &plan).unwrap();
        assert_eq!(preview.sheet.as_deref(), Some("Pesatura"));
        assert_eq!(preview.header_line, 3);
        assert_eq!(preview.rows.len(), 1);
        assert_eq!(preview.rows[0].line, 4);
        assert_eq!(preview.rejected.len(), 1);
        assert_eq!(preview.rejected[0].line, 5, "Excel's row number");
    }

    #[test]
    fn checks_before_unzipping() {
        assert!(check(b"PK\x03\x04").is_ok());
        assert!(check(b"\xD0\xCF\x11\xE0")
            .unwrap_err()
            .to_string()
            .contains("vecchio formato .xls"));
        assert!(check(b"Titolo;Complessit\xe0")
            .unwrap_err()
            .to_string()
            .contains("non è un file Excel .xlsx"));
    }
}

#[cfg(all(test, feature = "xlsx"))]
mod workbook_tests {
    use super::*;
    use crate::model::presets::new_plan;

    #[test]
    fn empty_plan_round_trips_to_an_empty_preview() {
        let plan = new_plan(2025);
        let bytes = export(&plan).unwrap();
        let preview = preview(&bytes, &plan).unwrap();
        assert!(
            preview.rows.is_empty() && preview.rejected.is_empty(),
            "{preview:?}"
        );
        assert!(preview.missing_criteria.is_empty());
        assert_eq!(preview.sheet.as_deref(), Some("Pesatura"));
    }
}
