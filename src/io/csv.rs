//! Spreadsheets in and out as CSV.
//!
//! Every comune keeps its weighting table in Excel or LibreOffice, so
//! Pesatura must hand the table back in a form they open without a wizard,
//! and take one in without retyping:
//!
//! - [`export`] writes one row per objective, either for Italian Excel
//!   (`;`, decimal comma, UTF-8 with BOM) or plain (`,`, decimal point), with
//!   any text a spreadsheet would run as a formula neutralised;
//! - [`preview`] reads objectives and scores from a CSV (any separator, any
//!   decimal mark, UTF-8 or Windows-1252) into a [`Preview`] that lists what
//!   would be imported and every row that would not, with the line and the
//!   reason; only [`apply`] changes the plan.
//!
//! Parsing is the `csv` crate's; this module decides what the cells mean.

mod columns;
pub(crate) mod export;
mod import;
mod text;

use std::fmt;

use crate::text::{fill, t};

pub use export::{export, file_name, Dialect};
pub use import::{
    apply, preview, preview_for_unit, Applied, Existing, ImportRow, Preview, Reason, Rejected,
    UnitPath, WithUnits,
};
pub use text::Encoding;

pub(crate) use columns::match_criterion;
pub(crate) use import::add_shared_at_end;
pub(crate) use import::preview_sheet_records;
#[cfg(feature = "xlsx")]
pub(crate) use text::neutralise;
pub(crate) use text::{decode, detect_separator, fold};

/// Why a whole file cannot be read (a single bad row is a [`Rejected`] row
/// of the preview instead).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvError {
    pub message: String,
    /// Line of the file (from 1), when the problem is on one line.
    pub line: Option<usize>,
}

impl CsvError {
    pub(crate) fn new(message: impl Into<String>) -> CsvError {
        CsvError {
            message: message.into(),
            line: None,
        }
    }

    pub(crate) fn at_line(line: usize, message: impl Into<String>) -> CsvError {
        CsvError {
            message: message.into(),
            line: Some(line),
        }
    }
}

impl CsvError {
    /// The error said of cells pasted into the page rather than of a file.
    pub fn of_pasted_cells(&self) -> String {
        let texts = &t().io;
        self.said(texts.csv_pasted_refused, texts.csv_pasted_refused_at_line)
    }

    fn said(&self, refused: &str, refused_at_line: &str) -> String {
        let message = self.message.trim_end_matches('.');
        match self.line {
            Some(line) => fill(refused_at_line, &[("message", &message), ("line", &line)]),
            None => fill(refused, &[("message", &message)]),
        }
    }
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let texts = &t().io;
        f.write_str(&self.said(texts.csv_refused, texts.csv_refused_at_line))
    }
}

/// The character between the fields of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    /// `;`: Excel in Italian, where the comma is the decimal mark.
    Semicolon,
    /// `,`: the English convention and most other tools.
    Comma,
    /// A tab: cells copied from a spreadsheet, or a published table.
    Tab,
}

impl Separator {
    pub fn byte(self) -> u8 {
        match self {
            Separator::Semicolon => b';',
            Separator::Comma => b',',
            Separator::Tab => b'\t',
        }
    }

    /// Its name in the interface's language ("punto e virgola", "semicolon").
    pub fn label(self) -> &'static str {
        let texts = &t().io;
        match self {
            Separator::Semicolon => texts.separator_semicolon,
            Separator::Comma => texts.separator_comma,
            Separator::Tab => texts.separator_tab,
        }
    }
}

/// One row of a file: the line it starts on (from 1) and its cells, trimmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Record {
    pub line: usize,
    pub cells: Vec<String>,
}

impl Record {
    /// The cell in column `i`, empty when the row is shorter.
    pub fn cell(&self, i: usize) -> &str {
        self.cells.get(i).map_or("", String::as_str)
    }

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(String::is_empty)
    }
}

/// Splits decoded text into records with the `csv` crate: rows may have any
/// number of fields, quoted fields may hold separators and line breaks.
pub(crate) fn read_records(text: &str, separator: Separator) -> Result<Vec<Record>, CsvError> {
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(separator.byte())
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    // Lines from byte offsets, since the crate's own count leaves out blank
    // lines; a record's offset may point at the blank lines before it.
    let bytes = text.as_bytes();
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(at, _)| at + 1))
        .collect();
    let line_at = |position: Option<&::csv::Position>| {
        position.map_or(0, |p| {
            let mut at = p.byte() as usize;
            while matches!(bytes.get(at), Some(b'\r' | b'\n')) {
                at += 1;
            }
            line_starts.partition_point(|&start| start <= at)
        })
    };
    let mut out = Vec::new();
    for record in reader.records() {
        let record =
            record.map_err(|e| CsvError::at_line(line_at(e.position()), t().io.csv_unreadable))?;
        out.push(Record {
            line: line_at(record.position()),
            cells: record.iter().map(|c| c.trim().to_string()).collect(),
        });
    }
    Ok(out)
}
