//! Panels (`<details>`) whose content is built only while open: a closed
//! one costs the page nothing, which counts once per objective or unit.

use yew::prelude::*;

/// Whether a `<details>` is open, starting from `initially`, and the
/// `ontoggle` callback that keeps it so.
#[hook]
pub fn use_details_open(initially: bool) -> (bool, Callback<Event>) {
    let open = use_state(|| initially);
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            open.set(
                e.target_unchecked_into::<web_sys::HtmlDetailsElement>()
                    .open(),
            )
        })
    };
    (*open, on_toggle)
}
