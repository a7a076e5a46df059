//! From bytes to text, and the small text rules CSV files need.
//!
//! Spreadsheets save CSV as UTF-8, with or without a BOM, or (older Italian
//! Excel, "CSV (delimitato dal separatore di elenco)") as Windows-1252: an
//! accented title must survive either. Bytes that are not valid UTF-8 are
//! read as Windows-1252 through a small table, so the wasm bundle carries no
//! general encoding library. UTF-16 ("Testo Unicode") and spreadsheet files
//! are refused with a way out, rather than read as garbage.

use super::{CsvError, Separator};
use crate::model::edit::without_accent;
use crate::text::{fill, t};

/// The encoding a file was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-8 starting with a byte order mark, as Excel writes it.
    Utf8WithBom,
    /// Windows-1252 (which includes Latin-1), for files that are not UTF-8.
    Windows1252,
}

impl Encoding {
    /// Its name in the interface's language ("UTF-8 con BOM", "UTF-8 with BOM").
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8WithBom => t().io.encoding_utf8_bom,
            Encoding::Windows1252 => "Windows-1252",
        }
    }
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Files larger than this are refused before reading.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

/// `template`, whose `{way_out}` says what to do instead when the file is
/// not CSV text.
fn with_way_out(template: &str) -> String {
    fill(template, &[("way_out", &t().io.csv_save_as_csv)])
}

/// Reads bytes as text: UTF-8 (a BOM is dropped) or, failing that,
/// Windows-1252.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), CsvError> {
    if bytes.len() > MAX_BYTES {
        return Err(CsvError::new(fill(
            t().io.file_too_large,
            &[("limit", &(MAX_BYTES / (1024 * 1024)))],
        )));
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(CsvError::new(with_way_out(t().io.csv_utf16)));
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(CsvError::new(with_way_out(t().io.csv_spreadsheet)));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        let message = with_way_out(if looks_like_utf16(bytes) {
            t().io.csv_looks_utf16
        } else {
            t().io.csv_nul
        });
        return Err(CsvError::at_line(line, message));
    }
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return match std::str::from_utf8(rest) {
            Ok(text) => Ok((text.to_string(), Encoding::Utf8WithBom)),
            Err(e) => {
                let line = rest[..e.valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
                    + 1;
                Err(CsvError::at_line(line, t().io.csv_bad_bom))
            }
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_string(), Encoding::Utf8)),
        Err(_) => Ok((
            bytes.iter().map(|&b| windows_1252(b)).collect(),
            Encoding::Windows1252,
        )),
    }
}

/// Every other byte NUL, as in ASCII text written as UTF-16 without a BOM.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(4096)];
    let nul_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let half = sample.len() / 2;
    half > 0 && (nul_at(0) * 10 >= half * 8 || nul_at(1) * 10 >= half * 8)
}

/// One Windows-1252 byte as a character. 0x80–0x9F hold the typographic
/// characters Word and Excel put in titles (’ “ ” – € …); the rest is
/// Latin-1. The five bytes Windows-1252 leaves undefined map to the control
/// character of the same value, as browsers do.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[(byte - 0x80) as usize],
        _ => char::from(byte),
    }
}

/// Guesses the separator from the first lines: the one of `;`, `,` and tab
/// that occurs most often outside quotes (a tab wins ties, then `;`, since
/// commas also occur inside Italian numbers and titles).
pub fn detect_separator(text: &str) -> Separator {
    let candidates = [Separator::Tab, Separator::Semicolon, Separator::Comma];
    let mut counts = [0usize; 3];
    for line in text.lines().filter(|l| !l.trim().is_empty()).take(50) {
        let mut quoted = false;
        for ch in line.chars() {
            match ch {
                '"' => quoted = !quoted,
                _ if quoted => {}
                '\t' => counts[0] += 1,
                ';' => counts[1] += 1,
                ',' => counts[2] += 1,
                _ => {}
            }
        }
    }
    let best = (0..3).fold(0, |best, i| if counts[i] > counts[best] { i } else { best });
    candidates[best]
}

/// A name reduced to what people mean by it, to compare headers and unit
/// names: lowercase, accents dropped (also the apostrophe typed for one,
/// "Complessita'"), notes in parentheses dropped, punctuation as spaces.
/// "Complessità", "COMPLESSITA" and "Complessita'" all give "complessita".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut pending_space = false;
    for ch in text.chars().flat_map(char::to_lowercase) {
        match ch {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            _ => {
                let base = without_accent(ch);
                if base.is_alphanumeric() {
                    if pending_space && !out.is_empty() {
                        out.push(' ');
                    }
                    pending_space = false;
                    out.push(base);
                } else {
                    pending_space = true;
                }
            }
        }
    }
    out
}

/// Characters that make a spreadsheet read a cell as a formula (OWASP, CSV
/// injection): `=`, `+`, `-`, `@`, tab and carriage return.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell made safe to open in a spreadsheet: if it starts like a
/// formula, a single quote in front makes Excel and LibreOffice show it as
/// text ("=HYPERLINK(…)" → "'=HYPERLINK(…)"). Cells are read back trimmed,
/// so leading spaces are not written: the quote then always sits where
/// [`restore`] looks for it (" '=" would otherwise come back as "="). Tab and
/// carriage return are formula starts themselves and stay, quoted.
pub fn neutralise(text: &str) -> String {
    if text.trim().is_empty() {
        return String::new(); // read back trimmed: nothing
    }
    let text = text.trim_start_matches(|c: char| c.is_whitespace() && c != '\t' && c != '\r');
    // A text that already starts with a quote before a formula character
    // gets one more, so that [`restore`] gives it back as it was.
    let quoted_formula = text
        .strip_prefix('\'')
        .is_some_and(|rest| rest.trim_start_matches('\'').starts_with(FORMULA_STARTS));
    if text.starts_with(FORMULA_STARTS) || quoted_formula {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The inverse of [`neutralise`] on import, so that a title exported as
/// "'=…" comes back as "=…".
pub fn restore(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(FORMULA_STARTS) => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutralise_then_restore_gives_back_the_text() {
        // Found by the property tests: a title that already starts with a quote before "=".
        assert_eq!(neutralise("'="), "''=");
        for text in ["=SUM(A1)", "'=", "''+1", "-3", "@x", "'ciao", "normale", ""] {
            assert_eq!(restore(&neutralise(text)), text);
        }
    }

    #[test]
    fn folds_case_accents_and_typed_accents() {
        assert_eq!(fold("Complessità"), "complessita");
        assert_eq!(fold("COMPLESSITA"), "complessita");
        assert_eq!(fold("Complessita'"), "complessita");
        assert_eq!(fold("  Peso relativo (%) "), "peso relativo");
        assert_eq!(fold("Media dell'unità"), "media dell unita");
        assert_eq!(
            fold("SETTORE 8: SERVIZI PUBBLICI LOCALI A RETE - IGIENE URBANA"),
            fold("Settore 8 servizi pubblici locali a rete igiene urbana")
        );
    }

    #[test]
    fn windows_1252_high_bytes() {
        assert_eq!(windows_1252(0x80), '€');
        assert_eq!(windows_1252(0x92), '’');
        assert_eq!(windows_1252(0xE0), 'à');
        assert_eq!(windows_1252(0x41), 'A');
    }

    #[test]
    fn separators_outside_quotes_count() {
        assert_eq!(detect_separator("a;b;c\n1;2,5;3\n"), Separator::Semicolon);
        assert_eq!(detect_separator("\"a;b;c\",d,e\n"), Separator::Comma);
        assert_eq!(detect_separator("a\tb, c\n"), Separator::Tab);
    }

    #[test]
    fn neutralise_and_restore_are_inverse() {
        for text in [
            "=1+1",
            "+39 031",
            "-x",
            "@SUM(A1)",
            "\tcmd",
            "\rcmd",
            "Qualità",
            "'già citato",
            " '=",
            " \t=x",
            " ''+1 ",
            "\t '=",
            " \t",
            "\t",
        ] {
            assert_eq!(restore(neutralise(text).trim()).trim(), text.trim());
        }
        assert_eq!(neutralise("\t=cmd"), "'\t=cmd");
        assert_eq!(neutralise(" '="), "''=");
        assert_eq!(neutralise("=1+1"), "'=1+1");
        assert_eq!(neutralise("Qualità"), "Qualità");
    }
}
