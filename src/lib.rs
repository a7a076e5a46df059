#[cfg(target_arch = "wasm32")]
pub mod app;
pub mod io;
pub mod model;
pub mod text;
