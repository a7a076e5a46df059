//! Any bytes into the reader of the Como table as published, then the plan
//! for every way of answering its questions: no panic; the plan round-trips.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| pesatura_fuzz::como_table(data));
