pub mod model;
pub mod io;
#[cfg(target_arch = "wasm32")]
pub mod app;
