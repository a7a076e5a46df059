//! Mounts Pesatura in the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    pesatura::app::crash::install();
    if let Some(lang) = pesatura::app::storage::load_language() {
        pesatura::text::set_lang(lang);
    }
    let document = web_sys::window().and_then(|w| w.document());
    // The band index.html shows while the app loads gives it its place, and
    // the message it keeps for an app that does not start goes.
    for id in ["pesatura-avvio", "pesatura-avvio-fallito"] {
        if let Some(element) = document.as_ref().and_then(|d| d.get_element_by_id(id)) {
            element.remove();
        }
    }
    // A host page can give Pesatura its place: an element with id "pesatura".
    let host = document.and_then(|d| d.get_element_by_id("pesatura"));
    match host {
        Some(root) => yew::Renderer::<pesatura::app::App>::with_root(root).render(),
        None => yew::Renderer::<pesatura::app::App>::new().render(),
    };
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Pesatura runs in the browser: start it with `make serve`.");
}
