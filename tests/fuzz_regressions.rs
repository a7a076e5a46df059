//! Every input the fuzz targets (`fuzz/`, `make fuzz`) found failing, kept
//! under `tests/fuzz-regressions/<target>/` and replayed here through the
//! very checks the targets run (`fuzz/src/lib.rs`, included by path), on
//! stable Rust and without the fuzz crate:
//!
//! - `json_load/`: any file; it must not panic, and if it opens it must save
//!   and open again to the same plan;
//! - `json_migrations/`: files of schema versions 1 to 3 that the generator
//!   built by their version's rules: they must open, and round-trip; those
//!   named `mutated-*` were altered after (down to not being an object at
//!   all): `json::migrate` must only not panic on them, from any version;
//! - `csv_import/`: the first byte picks the plan (0 the Como example, 1, 2, 3
//!   the new plans of the three presets), the rest is the CSV;
//! - `como_table/`: the published table's text.
#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod checks;

use std::path::PathBuf;

use pesatura::io::json;

/// The inputs kept for a target, by file name, each with its name.
fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

/// Runs `check` on each input, naming the one that fails.
fn replay(target: &str, check: impl Fn(&[u8])) {
    for (name, bytes) in inputs(target) {
        if let Err(panic) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&bytes)))
        {
            let why = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()));
            panic!("{target}/{name}: {}", why.unwrap_or_default());
        }
    }
}

#[test]
fn json_load() {
    replay("json_load", checks::json_load);
}

#[test]
fn json_migrations() {
    for (name, bytes) in inputs("json_migrations") {
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        // `migrate` is public: any value, from any version, without a panic.
        for from in 0..=json::SCHEMA_VERSION + 1 {
            let migrated = std::panic::catch_unwind(|| json::migrate(value.clone(), from).is_ok());
            assert!(
                migrated.is_ok(),
                "json_migrations/{name}: migrate from version {from} panics"
            );
        }
    }
    replay("json_migrations", |bytes| {
        checks::json_load(bytes);
    });
    // Files the generator built by their version's rules (not mutated afterwards) open.
    for (name, bytes) in inputs("json_migrations")
        .into_iter()
        .filter(|(name, _)| !name.starts_with("mutated-"))
    {
        let version =
            serde_json::from_slice::<serde_json::Value>(&bytes).unwrap()["schema_version"].as_u64();
        assert!(
            version.is_some_and(|v| (1..json::SCHEMA_VERSION).contains(&v)),
            "json_migrations/{name}: an older version"
        );
        if let Err(e) = json::load(&bytes) {
            panic!(
                "json_migrations/{name}: a well-formed version {version:?} file is refused: {e}"
            );
        }
    }
}

#[test]
fn csv_import() {
    replay("csv_import", |bytes| {
        let (&selector, csv) = bytes.split_first().expect("a selector byte");
        checks::csv_import(csv, selector);
    });
}

#[test]
fn como_table() {
    replay("como_table", checks::como_table);
}

/// The fixtures the corpora were seeded from pass the same checks.
#[test]
fn fixtures_pass_the_same_checks() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let read = |path: &str| std::fs::read(root.join(path)).unwrap();
    checks::json_load(checks::COMO);
    for version in 1..=3 {
        checks::json_load(&read(&format!(
            "tests/fixtures/como-2024-schema-v{version}.json"
        )));
    }
    let table = read("tests/fixtures/csv/como-3-2.txt");
    checks::como_table(&table);
    for selector in 0..4 {
        checks::csv_import(&table, selector);
        checks::csv_import(
            &pesatura::io::csv::export(
                &checks::import_plan(0),
                pesatura::io::csv::Dialect::ExcelItalian,
            ),
            selector,
        );
    }
    for entry in std::fs::read_dir(root.join("tests/fixtures/bad")).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        match path.extension().and_then(|e| e.to_str()) {
            Some("csv") => (0..4).for_each(|selector| checks::csv_import(&bytes, selector)),
            _ => checks::json_load(&bytes),
        }
    }
}
