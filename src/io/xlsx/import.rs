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

use crate::io::csv::{neutralise, preview_records, CsvError, Encoding, Preview, Record, Separator};
use crate::model::decimal::Dec;
use crate::model::format::format_plain;
use crate::model::Plan;

use super::SUBTOTAL;

/// Files larger than this are refused before reading, as CSV files are.
const MAX_BYTES: usize = 50 * 1024 * 1024;

/// Reads the first sheet of an .xlsx against `plan`: each row needs a unit
/// column, as in [`crate::io::csv::preview`]. The preview says UTF-8 and
/// tabulation, since an .xlsx holds UTF-8 text in separate cells.
pub fn preview(bytes: &[u8], plan: &Plan) -> Result<Preview, CsvError> {
    let records = read_first_sheet(bytes)?;
    if records.iter().all(Record::is_blank) {
        return Err(CsvError::new("il primo foglio del file è vuoto"));
    }
    preview_records(&records, plan, None, Encoding::Utf8, Separator::Tab)
}

fn read_first_sheet(bytes: &[u8]) -> Result<Vec<Record>, CsvError> {
    if bytes.len() > MAX_BYTES {
        return Err(CsvError::new(format!("il file supera i {} MB", MAX_BYTES / (1024 * 1024))));
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(CsvError::new("è un file di Excel nel vecchio formato .xls: salvarlo da Excel come «Cartella di lavoro di Excel (.xlsx)» e riprovare"));
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(CsvError::new("non è un file Excel .xlsx: scegliere una cartella di lavoro di Excel (.xlsx), oppure importarlo come CSV"));
    }
    let not_readable = |_| CsvError::new("il file .xlsx è danneggiato o non è una cartella di lavoro di Excel (per i file .ods di LibreOffice: salvarli come .xlsx)");
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(not_readable)?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| CsvError::new("il file .xlsx non contiene fogli"))?
        .map_err(not_readable)?;
    let Some((end_row, end_col)) = range.end() else { return Ok(Vec::new()) };
    let mut records = Vec::with_capacity(end_row as usize + 1);
    for row in 0..=end_row {
        let cell = |col: u32| range.get_value((row, col)).unwrap_or(&Data::Empty);
        let is_subtotal = matches!(cell(0), Data::String(s) if s.starts_with(SUBTOTAL))
            && (1..=end_col).all(|col| !matches!(cell(col), Data::String(s) if !s.trim().is_empty()));
        if is_subtotal {
            continue;
        }
        let cells = (0..=end_col).map(|col| text_of(cell(col))).collect();
        records.push(Record { line: row as usize + 1, cells });
    }
    Ok(records)
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
    if x.is_finite() && rounded.abs() < 1e15 && (scaled - rounded).abs() <= 1e-6 * scaled.abs().max(1.0) {
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
