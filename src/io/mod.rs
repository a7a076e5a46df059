//! File formats: bytes in, plan out, with errors that say what and where.

pub mod como_table;
pub mod csv;
pub mod json;
mod locate;
pub mod xlsx;

use crate::text::{with_lang, Lang};

/// Runs `write` with the texts in Italian, whatever the interface's
/// language, and then puts the language back: what Pesatura writes into a
/// file (the findings and descriptions of an Excel workbook) does not depend
/// on the language of the interface.
#[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
pub(crate) fn in_italian<T>(write: impl FnOnce() -> T) -> T {
    with_lang(Lang::It, write)
}

#[cfg(test)]
mod tests {
    use super::como_table::{self, DuplicateChoice};
    use super::csv::{self, Encoding, Separator};
    use super::json;
    use crate::model::presets::new_plan;
    use crate::text::{with_lang, Lang};

    /// Runs `check` with the interface in English, then back in Italian.
    fn in_english(check: impl FnOnce()) {
        with_lang(Lang::En, check)
    }

    #[test]
    fn json_errors_come_out_in_english() {
        in_english(|| {
            assert_eq!(
                json::load(b"  ").unwrap_err().to_string(),
                "The file is not a valid Pesatura plan: the file is empty."
            );
            let error = json::load(b"{\"schema_version\": 4,}").unwrap_err();
            assert_eq!(
                error.to_string(),
                "The file is not a valid Pesatura plan: the text is not valid JSON \
                 (there is one comma too many) (line 1, column 22)."
            );
            let error = json::load(b"{\"schema_version\": 9}").unwrap_err();
            assert!(
                error.to_string().contains(
                    "it was written with version 9 of the format, newer than the one this \
                     version of Pesatura can read (4); update Pesatura (field “schema_version”"
                ),
                "{error}"
            );
        });
    }

    #[test]
    fn json_type_errors_name_the_kinds_in_english() {
        let mut text = json::save(&new_plan(2025));
        text = text.replacen("\"year\": 2025", "\"year\": \"duemila\"", 1);
        in_english(|| {
            let error = json::load(text.as_bytes()).unwrap_err();
            assert!(
                error.message.starts_with(
                    "invalid type: found the text \"duemila\", expected a whole number"
                ),
                "{error}"
            );
            assert!(
                error.to_string().contains("(field “ente.year”, line "),
                "{error}"
            );
        });
    }

    #[test]
    fn csv_errors_and_rejected_rows_come_out_in_english() {
        let plan = new_plan(2025);
        in_english(|| {
            assert_eq!(
                csv::preview(b"", &plan).unwrap_err().to_string(),
                "The file cannot be imported: the file is empty."
            );
            let error = csv::preview("Complessità;Note\n4;x\n".as_bytes(), &plan).unwrap_err();
            assert!(
                error
                    .to_string()
                    .starts_with("The file cannot be imported: the header row cannot be found"),
                "{error}"
            );
            let text = "Settore;Titolo;Complessità\n\
                        Settore 1;Troppe;4;5\n\
                        Settore 1;Una\n\
                        Nessuno;Riscossione;4\n";
            let preview = csv::preview(text.as_bytes(), &plan).unwrap();
            let rejected: Vec<String> = preview.rejected.iter().map(|r| r.to_string()).collect();
            assert_eq!(
                rejected,
                [
                    "Line 2 (“Troppe”): the row has 4 columns, the header (line 1) has 3",
                    "Line 3 (“Una”): the row has 2 columns, the header (line 1) has 3",
                    "Line 4 (“Riscossione”): column “Settore”: the unit “Nessuno” is not in the plan: \
                     add it with the import (above), or import into the plan the file was exported \
                     from",
                ]
            );
            assert_eq!(Separator::Semicolon.label(), "semicolon");
            assert_eq!(Encoding::Utf8WithBom.label(), "UTF-8 with BOM");
            assert_eq!(
                csv::preview(b"\xFF\xFEa", &plan).unwrap_err().to_string(),
                "The file cannot be imported: the file is in UTF-16 (“Unicode Text”): save it \
                 from the spreadsheet as “CSV UTF-8” or “CSV (Comma delimited)” and try again."
            );
        });
        assert_eq!(Separator::Semicolon.label(), "punto e virgola");
    }

    #[test]
    fn the_como_table_reports_in_english_with_english_numbers() {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/csv/como-3-2.txt"
        ))
        .unwrap();
        in_english(|| {
            let table = como_table::read(&bytes).unwrap();
            assert_eq!(
                table.disagreements[0].to_string(),
                "SETTORE 3: COMMERCIO - SUAP - SUEVCO - PATRIMONIO: published average 17.67, \
                 recomputed 26.50 (line 25). The published average also counts the empty row \
                 (line 24), which is not an objective."
            );
            assert!(
                table.notes[0]
                    .to_string()
                    .starts_with("Line 24: empty row with total 0 in “SETTORE 3"),
                "{}",
                table.notes[0]
            );
            assert!(
                table.duplicates[0]
                    .to_string()
                    .ends_with("with the same objectives and scores. Which one should be kept?"),
                "{}",
                table.duplicates[0]
            );
            assert_eq!(DuplicateChoice::KeepBoth.label(), "Keep both");
            assert_eq!(
                como_table::read(b"nothing here").unwrap_err().to_string(),
                "The file cannot be imported: the table cannot be found: it needs the header row \
                 “SETTORE, TITOLO, …” followed by the objectives' rows."
            );
        });
    }

    #[test]
    fn workbook_checks_come_out_in_english() {
        in_english(|| {
            assert_eq!(
                super::xlsx::check(b"\xD0\xCF\x11\xE0")
                    .unwrap_err()
                    .to_string(),
                "The file cannot be imported: it is an Excel file in the old .xls format: save it \
                 from Excel as “Excel Workbook (.xlsx)” and try again."
            );
        });
    }

    #[cfg(feature = "xlsx")]
    #[test]
    fn the_workbook_is_written_in_italian_whatever_the_language() {
        use crate::text::set_lang;
        use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/como-peg-2024.json"
        ))
        .unwrap();
        let plan = json::load(&bytes).unwrap();
        set_lang(Lang::En);
        let workbook = super::xlsx::export(&plan).unwrap();
        assert_eq!(crate::text::lang(), Lang::En, "the language is put back");
        set_lang(Lang::It);
        let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(workbook)).unwrap();
        let findings = book.worksheet_range("Rilievi").unwrap();
        let severity = findings.get_value((3, 0)).cloned().unwrap_or(Data::Empty);
        assert!(
            matches!(&severity, Data::String(s) if ["Errore", "Avviso", "Nota"].contains(&s.as_str())),
            "{severity:?}"
        );
    }
}
