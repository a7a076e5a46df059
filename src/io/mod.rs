//! File formats: bytes in, plan out, with errors that say what and where.

pub mod como_table;
pub mod csv;
pub mod json;
mod locate;
pub mod xlsx;
