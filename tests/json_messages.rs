//! Syntax slips in a plan edited by hand are named for what they are, at the
//! place to fix: a comma before `}` or `]`, a decimal written with a comma.
//! serde_json, skipping the fields it does not read, names both as a field's
//! name without quotes, which sent users looking for quotes (user test).

use pesatura::io::json::{self, LoadError};
use pesatura::text::{with_lang, Lang};

fn como_text() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/como-peg-2024.json"
    ))
    .unwrap()
}

/// Como's plan with the first `from` replaced by `to`, and the line and
/// column (from 1, in characters) of the byte `at` of `to` in the result.
fn edited(from: &str, to: &str, at: usize) -> (String, usize, usize) {
    let text = como_text();
    let start = text.find(from).expect("the text to edit is in the example");
    let edited = text.replacen(from, to, 1);
    let before = &edited[..start + at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (edited, line, column)
}

fn refused(text: &str) -> LoadError {
    json::load(text.as_bytes()).expect_err("the file must be refused")
}

/// Asserts the refusal says `cause` at `line` and `column`, and not the
/// misleading words about quotes.
fn assert_says(error: &LoadError, cause: &str, line: usize, column: usize) {
    let message = error.to_string();
    assert!(message.contains(cause), "«{cause}» not in «{message}»");
    assert!(!message.contains("virgolette"), "{message}");
    assert_eq!(
        (error.line, error.column),
        (Some(line), Some(column)),
        "{message}"
    );
    assert!(
        message.ends_with(&format!("(riga {line}, colonna {column}).")),
        "{message}"
    );
}

#[test]
fn a_comma_before_the_end_of_an_object_is_named_at_the_comma() {
    // The user test: "max": 10, then } on the next line.
    let (text, line, column) = edited("\"max\": 10\n", "\"max\": 10,\n", 9);
    assert_eq!((line, column), (23, 18), "the comma of the user test");
    let error = refused(&text);
    assert_says(
        &error,
        "c'è una virgola di troppo prima di «}»: dopo l'ultimo valore la virgola non va messa",
        line,
        column,
    );
    assert_eq!(
        error.to_string(),
        "Il file non è un piano di Pesatura valido: il testo non è JSON valido \
         (c'è una virgola di troppo prima di «}»: dopo l'ultimo valore la virgola \
         non va messa) (riga 23, colonna 18)."
    );
}

#[test]
fn a_comma_before_the_end_of_a_list_is_named_at_the_comma() {
    // The levels of the ente: ["Area", "Settore",]
    let (text, line, column) = edited("\"Settore\"\n", "\"Settore\",\n", 9);
    assert_says(
        &refused(&text),
        "c'è una virgola di troppo prima di «]»",
        line,
        column,
    );
    // A list of objects deep in the file: the last indicator of the first
    // organisational objective.
    let (text, line, column) = edited(
        "previsioni 24-26\"\n        }\n      ]",
        "previsioni 24-26\"\n        },\n      ]",
        27,
    );
    assert_says(
        &refused(&text),
        "c'è una virgola di troppo prima di «]»",
        line,
        column,
    );
}

#[test]
fn a_comma_after_the_last_field_of_the_file_still_names_the_comma() {
    // serde_json's own "trailing comma": the message it always had, at the brace.
    let text = como_text();
    let end = text.trim_end().strip_suffix("\n}").unwrap();
    let error = refused(&format!("{end},\n}}\n"));
    let message = error.to_string();
    assert!(message.contains("c'è una virgola di troppo"), "{message}");
    assert!(!message.contains("virgolette"), "{message}");
    assert_eq!(error.line, Some(text.trim_end().lines().count()));
}

#[test]
fn a_decimal_comma_is_named_with_the_number_as_json_wants_it() {
    // A score in the middle of the scores: "complessita": 4,5,
    let (text, line, column) = edited("\"complessita\": 4,", "\"complessita\": 4,5,", 16);
    assert_eq!(line, 188);
    assert_says(
        &refused(&text),
        "in un file JSON i decimali si scrivono con il punto: «4.5», non «4,5»",
        line,
        column,
    );
    // The last score, before the brace.
    let (text, line, column) = edited("\"utenza\": 7\n", "\"utenza\": 7,25\n", 11);
    assert_says(
        &refused(&text),
        "i decimali si scrivono con il punto: «7.25», non «7,25»",
        line,
        column,
    );
    // A field of the grid.
    let (text, line, column) = edited("\"max\": 15", "\"max\": 12,5", 9);
    assert_says(
        &refused(&text),
        "i decimali si scrivono con il punto: «12.5», non «12,5»",
        line,
        column,
    );
}

#[test]
fn a_name_without_quotes_still_says_so() {
    let (text, line, _) = edited(
        "\"name\": \"Comune di Como\"",
        "name: \"Comune di Como\"",
        0,
    );
    let error = refused(&text);
    assert!(
        error
            .to_string()
            .contains("il nome di un campo deve stare tra virgolette"),
        "{error}"
    );
    assert_eq!(error.line, Some(line));
}

#[test]
fn the_slips_are_named_in_english_too() {
    let (comma, line, column) = edited("\"max\": 10\n", "\"max\": 10,\n", 9);
    let (decimal, _, _) = edited("\"complessita\": 4,", "\"complessita\": 4,5,", 16);
    with_lang(Lang::En, || {
        assert_eq!(
            refused(&comma).to_string(),
            format!(
                "The file is not a valid Pesatura plan: the text is not valid JSON \
                 (there is one comma too many before “}}”: no comma goes after the last \
                 value) (line {line}, column {column})."
            )
        );
        let message = refused(&decimal).to_string();
        assert!(
            message.contains("in a JSON file decimals are written with a point: “4.5”, not “4,5”"),
            "{message}"
        );
    });
}
