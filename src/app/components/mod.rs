//! One component per part of the page.

pub mod add_unit;
pub mod findings;
pub mod grid;
pub mod header;
pub mod notice;
pub mod objective_row;
pub mod summary;
pub mod toolbar;
pub mod units;
