//! No panic reaches the user as a dead page: a panic hook puts up a panel
//! that says what happened and offers the last good state of the plan as a
//! file to download. The panel is plain DOM with a `blob:` link, so it works
//! even though the app itself has stopped.

use std::cell::RefCell;
use std::rc::Rc;

use crate::io::json;
use crate::model::Plan;

use wasm_bindgen::JsValue;
use web_sys::{Blob, BlobPropertyBag, Url};

thread_local! {
    /// The last plan known good, written out only if a crash comes.
    static LAST_GOOD: RefCell<Option<Rc<Plan>>> = const { RefCell::new(None) };
}

/// Remembers the plan as it is now, for the panel to offer after a crash.
pub fn remember(plan: Rc<Plan>) {
    LAST_GOOD.with(|slot| *slot.borrow_mut() = Some(plan));
}

/// Installs the hook; the panic message also goes to the console for support.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&info.to_string()));
        show_panel(&info.to_string());
    }));
}

/// Puts up the crash panel (also used by tests).
pub fn show_panel(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_id("errore-interno");
    panel.set_class_name("crash-panel");
    let _ = panel.set_attribute("role", "alertdialog");
    let _ = panel.set_attribute("aria-labelledby", "errore-interno-titolo");
    let texts = &crate::text::t().app;
    let mut html = format!(
        "<h2 id=\"errore-interno-titolo\">{}</h2><p>{}</p>",
        escape(texts.crash_title),
        escape(texts.crash_body)
    );
    let saved = LAST_GOOD
        .with(|slot| slot.borrow().clone())
        .map(|plan| (json::file_name(&plan), json::save(&plan)));
    let link = saved.and_then(|(name, json)| {
        let parts = js_sys::Array::of1(&JsValue::from_str(&json));
        let options = BlobPropertyBag::new();
        options.set_type("application/json");
        let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        Some((name, Url::create_object_url_with_blob(&blob).ok()?))
    });
    if let Some((name, url)) = link {
        html.push_str(&format!(
            "<p><a class=\"btn btn-primary\" id=\"errore-interno-salva\" href=\"{url}\" download=\"{}\">{}</a> \
             <a class=\"btn\" href=\"\">{}</a></p>",
            escape(&name),
            escape(texts.crash_save),
            escape(texts.crash_reload)
        ));
    } else {
        html.push_str(&format!(
            "<p><a class=\"btn\" href=\"\">{}</a></p>",
            escape(texts.crash_reload)
        ));
    }
    html.push_str(&format!(
        "<details><summary>{}</summary><pre>{}</pre></details>",
        escape(texts.crash_details),
        escape(detail)
    ));
    panel.set_inner_html(&html);
    let _ = body.append_child(&panel);
}

/// Text made safe to place in HTML.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
