//! The pure model: organisation, criteria grid, objectives, the arithmetic of
//! weights and averages, validation and number formatting. No browser code
//! lives here, so all of it is tested natively with `cargo test`.

pub mod achievement;
pub mod chart;
pub mod compute;
pub mod decimal;
pub mod describe;
pub mod diff;
pub mod edit;
pub mod example;
pub mod format;
pub mod plan;
pub mod presets;
pub mod review;
pub mod sensitivity;
pub mod sort;
pub mod validate;

pub use compute::{compute, Results, Stats};
pub use decimal::Dec;
pub use plan::{Criterion, Ente, Grid, Objective, Plan, Unit};
pub use validate::{validate, Finding, Severity};
