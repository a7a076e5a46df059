//! Any bytes into the CSV import preview, against the Como example and the
//! three presets' new plans (chosen by the first byte), then applied: no
//! panic; every accepted row has scores the grid admits.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some((&selector, csv)) = data.split_first() {
        pesatura_fuzz::csv_import(csv, selector);
    }
});
