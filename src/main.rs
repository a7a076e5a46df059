//! Mounts Pesatura in the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    pesatura::app::crash::install();
    yew::Renderer::<pesatura::app::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Pesatura runs in the browser: start it with `make serve`.");
}
