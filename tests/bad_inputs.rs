//! The bad-input catalogue (`tests/fixtures/bad/catalogo.json`): every file a
//! user might feed Pesatura by mistake, and what must happen — refused with an
//! Italian message that says what and where, accepted and flagged in the
//! findings, or accepted and shown as text. The same catalogue is run through
//! the interface by `tests/e2e/bad-inputs.test.mjs`.

use pesatura::io::{csv, json};
use pesatura::model::validate;
use serde_json::Value;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bad");

fn catalogue() -> Vec<Value> {
    let text = std::fs::read_to_string(format!("{DIR}/catalogo.json")).unwrap();
    serde_json::from_str::<Value>(&text)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn every_case_of_the_catalogue() {
    let como = json::load(include_bytes!("../examples/como-peg-2024.json")).unwrap();
    let cases = catalogue();
    assert!(cases.len() >= 25, "at least 25 cases");
    for case in cases {
        let file = case["file"].as_str().unwrap();
        let expected = case["message"].as_str().unwrap();
        let bytes = std::fs::read(format!("{DIR}/{file}")).unwrap();
        match (
            case["loader"].as_str().unwrap(),
            case["outcome"].as_str().unwrap(),
        ) {
            ("json", "refused") => {
                let e = json::load(&bytes).expect_err(file).to_string();
                assert!(
                    e.starts_with("Il file non è un piano di Pesatura valido: "),
                    "{file}: {e}"
                );
                assert!(e.contains(expected), "{file}: «{expected}» not in «{e}»");
            }
            ("json", "flagged") => {
                let plan = json::load(&bytes).unwrap_or_else(|e| panic!("{file}: {e}"));
                let findings = validate(&plan);
                assert!(
                    findings
                        .iter()
                        .any(|f| f.message.contains(expected) && f.place.objective.is_some()),
                    "{file}: {findings:?}"
                );
            }
            ("json", "accepted") => {
                let plan = json::load(&bytes).unwrap_or_else(|e| panic!("{file}: {e}"));
                assert_eq!(
                    json::load(json::save(&plan).as_bytes()).unwrap(),
                    plan,
                    "{file} round trips"
                );
            }
            ("csv", "refused") => {
                let e = csv::preview(&bytes, &como).expect_err(file).to_string();
                assert!(e.contains(expected), "{file}: «{expected}» not in «{e}»");
            }
            ("csv", "rows") => {
                let preview = csv::preview(&bytes, &como).unwrap_or_else(|e| panic!("{file}: {e}"));
                assert!(preview.rows.is_empty(), "{file}");
                let reasons: Vec<String> = preview.rejected.iter().map(|r| r.to_string()).collect();
                assert!(
                    reasons
                        .iter()
                        .any(|r| r.contains(expected) && r.starts_with("Riga 2")),
                    "{file}: {reasons:?}"
                );
            }
            ("csv", "imported") => {
                let preview = csv::preview(&bytes, &como).unwrap_or_else(|e| panic!("{file}: {e}"));
                assert_eq!(preview.rows.len(), 1, "{file}");
                assert_eq!(preview.rows[0].title, expected);
            }
            other => panic!("{file}: unknown case {other:?}"),
        }
    }
}
