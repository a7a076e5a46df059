//! Any bytes into the JSON loader (`json::load`, `json::load_checked`): no
//! panic; a plan that opens saves and opens again to the same plan, intact.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| pesatura_fuzz::json_load(data));
