//! File formats: bytes in, plan out, with errors that say what and where.

pub mod json;
mod locate;
