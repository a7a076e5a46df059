//! A workbook's first sheet as rows of text, handed to the CSV import's
//! header matching and row checks, so that an .xlsx and a .csv of the same
//! table give the same preview and the same reasons.
//!
//! Cells become the text the CSV reader expects: numbers as written (4,5),
//! text as it is (neutralised first, because the CSV reader restores the
//! quote CSV exports put before "=": a text cell is never a formula, so it
//! must come back unchanged). Rows are numbered as Excel numbers them. The
//! closing rows that [`export`](super::export) writes after each unit are
//! skipped; any other row without a title is reported as the CSV import
//! reports it.

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};

use crate::io::csv::{neutralise, CsvError, Preview};
use crate::model::decimal::Dec;
use crate::model::format::format_plain;
use crate::model::Plan;
use crate::text::t;

use super::{check, preview_sheet, Sheet, SheetRow, SUBTOTAL};

/// Reads the first sheet of an .xlsx against `plan`: each row needs a unit
/// column, as in [`crate::io::csv::preview`]. The preview names the sheet.
pub fn preview(bytes: &[u8], plan: &Plan) -> Result<Preview, CsvError> {
    preview_sheet(&read_sheet(bytes)?, plan)
}

/// The first sheet of an .xlsx as rows of text, without the closing rows
/// [`export`](super::export) writes; what the worker sends to the page.
pub fn read_sheet(bytes: &[u8]) -> Result<Sheet, CsvError> {
    check(bytes)?;
    let not_readable = |_| CsvError::new(t().io.xlsx_damaged);
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(not_readable)?;
    let name = workbook.sheet_names().first().cloned().unwrap_or_default();
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| CsvError::new(t().io.xlsx_no_sheets))?
        .map_err(not_readable)?;
    let Some((end_row, end_col)) = range.end() else {
        return Ok(Sheet {
            name,
            rows: Vec::new(),
        });
    };
    let mut rows = Vec::with_capacity(end_row as usize + 1);
    for row in 0..=end_row {
        let cell = |col: u32| range.get_value((row, col)).unwrap_or(&Data::Empty);
        let is_subtotal = matches!(cell(0), Data::String(s) if s.starts_with(SUBTOTAL))
            && (1..=end_col)
                .all(|col| !matches!(cell(col), Data::String(s) if !s.trim().is_empty()));
        if is_subtotal {
            continue;
        }
        let cells = (0..=end_col).map(|col| text_of(cell(col))).collect();
        rows.push(SheetRow {
            line: row as usize + 1,
            cells,
        });
    }
    Ok(Sheet { name, rows })
}

/// What the CSV reader would have read in the cell's place.
fn text_of(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => neutralise(s.trim()),
        Data::Int(n) => n.to_string(),
        Data::Float(x) => number_text(*x),
        Data::Bool(b) => if *b { "VERO" } else { "FALSO" }.into(),
        Data::DateTime(d) => number_text(d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

/// A number as an Italian would type it (4,5): exactly, when it has at
/// most four decimals (binary noise such as 0.30000000000000004 from a sum
/// in the sheet is dropped); otherwise every digit, which the score check
/// then refuses as too precise.
fn number_text(x: f64) -> String {
    let scaled = x * Dec::SCALE as f64;
    let rounded = scaled.round();
    if x.is_finite()
        && rounded.abs() < 1e15
        && (scaled - rounded).abs() <= 1e-6 * scaled.abs().max(1.0)
    {
        format_plain(Dec::from_raw(rounded as i64))
    } else {
        x.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_typed() {
        assert_eq!(number_text(4.5), "4,5");
        assert_eq!(number_text(10.0), "10");
        assert_eq!(number_text(0.1 + 0.2), "0,3");
        assert_eq!(number_text(1234.25), "1234,25");
        assert_eq!(number_text(0.00001), "0.00001");
    }
}
