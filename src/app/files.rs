//! Browser glue for files: a save becomes a download, a chosen file is read
//! into bytes; nothing leaves the browser.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::{read_as_bytes, FileReader};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlInputElement, Url};
use yew::{Callback, Event, TargetCast};

use crate::app::state::Action;
use crate::app::Dispatch;

/// Where a file input keeps its read: the reader cancels the read when
/// dropped, so it is kept until the next file.
pub type Reader = Rc<RefCell<Option<FileReader>>>;

/// A file input's change handler: reads the chosen file and hands its name
/// and bytes to `take`; a read that fails becomes a notice. With `ask`, the
/// question is asked first (see [`confirm_then`]), and a «No» reads nothing.
/// The input is emptied, so that the same file can be chosen again.
pub fn read_chosen_file(
    dispatch: &Dispatch,
    reader: &Reader,
    ask: Option<&'static str>,
    take: Rc<dyn Fn(String, Vec<u8>)>,
) -> Callback<Event> {
    let (dispatch, reader) = (dispatch.clone(), reader.clone());
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        let (dispatch, reader, take) = (dispatch.clone(), reader.clone(), take.clone());
        confirm_then(ask.is_some(), ask.unwrap_or_default(), move || {
            let file = gloo::file::File::from(file);
            let name = file.name();
            let task = read_as_bytes(&file, move |result| match result {
                Ok(bytes) => take(name, bytes),
                Err(e) => dispatch.dispatch(Action::OpenFailed {
                    name,
                    reason: e.to_string(),
                }),
            });
            *reader.borrow_mut() = Some(task);
        });
    })
}

/// Offers `text` as a download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    download_parts(name, mime, &js_sys::Array::of1(&JsValue::from_str(text)))
}

/// Offers `parts` (strings, or bytes such as a `Uint8Array`) as a download
/// named `name`.
pub fn download_parts(name: &str, mime: &str, parts: &js_sys::Array) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let anchor: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.set_hidden(true);
    document.body().ok_or("no body")?.append_child(&anchor)?;
    anchor.click();
    anchor.remove();
    // Revoke later: revoking at once can cancel the download in some browsers.
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)?;
    Ok(())
}

/// Runs `yes` at once when `ask` is false, else once the user confirms
/// `message`. The browser's own question is used; where it answers at once
/// without showing it (a frame without `allow-modals`, or a user who told the
/// browser to stop this page's dialogs), the question is asked in the page,
/// so that what needs a confirmation is never silently refused.
pub fn confirm_then(ask: bool, message: &str, yes: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window().filter(|_| ask) else {
        return yes();
    };
    let now = || {
        window
            .performance()
            .map_or_else(js_sys::Date::now, |p| p.now())
    };
    let asked_at = now();
    if window.confirm_with_message(message).unwrap_or(false) {
        return yes();
    }
    // Nobody reads and answers a question in a twentieth of a second.
    if now() - asked_at < 50.0 {
        ask_in_page(message, yes);
    }
}

/// A modal `<dialog>` with the question and two buttons, «No» focused.
fn ask_in_page(message: &str, yes: impl FnOnce() + 'static) {
    let document = web_sys::window().and_then(|w| w.document());
    let Some((document, body)) = document.and_then(|d| Some((d.clone(), d.body()?))) else {
        return;
    };
    let build = || -> Result<web_sys::HtmlDialogElement, JsValue> {
        let dialog: web_sys::HtmlDialogElement = document.create_element("dialog")?.dyn_into()?;
        dialog.set_class_name("confirm-dialog");
        dialog.set_attribute("role", "alertdialog")?;
        dialog.set_attribute("aria-labelledby", "conferma-domanda")?;
        let question = document.create_element("p")?;
        question.set_id("conferma-domanda");
        question.set_text_content(Some(message));
        let buttons = document.create_element("p")?;
        for (label, class, answer) in [
            (
                crate::text::t().app.confirm_no,
                "btn btn-outline-primary btn-xs",
                "no",
            ),
            (
                crate::text::t().app.confirm_yes,
                "btn btn-primary btn-xs",
                "yes",
            ),
        ] {
            let button = document.create_element("button")?;
            button.set_attribute("type", "button")?;
            button.set_class_name(class);
            button.set_attribute("value", answer)?;
            if answer == "no" {
                button.set_attribute("autofocus", "")?;
            }
            button.set_text_content(Some(label));
            buttons.append_child(&button)?;
        }
        dialog.append_child(&question)?;
        dialog.append_child(&buttons)?;
        body.append_child(&dialog)?;
        Ok(dialog)
    };
    let Ok(dialog) = build() else { return };
    // One listener for both buttons; Escape closes the dialog as «No». On
    // closing, the dialog goes, and with it `yes` and the listener.
    let yes = Rc::new(RefCell::new(Some(yes)));
    let on_click = Closure::<dyn FnMut(web_sys::Event)>::new({
        let (dialog, yes) = (dialog.clone(), yes.clone());
        move |e: web_sys::Event| {
            let answer = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.get_attribute("value"));
            match answer.as_deref() {
                Some("yes") => {
                    dialog.close();
                    let yes = yes.borrow_mut().take();
                    if let Some(yes) = yes {
                        yes();
                    }
                }
                Some("no") => dialog.close(),
                _ => {}
            }
        }
    });
    let _ = dialog.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    let listener = Rc::new(RefCell::new(Some(on_click)));
    let on_close = Closure::once_into_js({
        let dialog = dialog.clone();
        move || {
            dialog.remove();
            yes.borrow_mut().take();
            listener.borrow_mut().take();
        }
    });
    let _ = dialog.add_event_listener_with_callback("close", on_close.unchecked_ref());
    let _ = dialog.show_modal();
}

/// The page's element with `id`, if it is an HTML element.
fn html_element(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Moves keyboard focus to the element with `id`, scrolling it into view.
pub fn focus(id: &str) {
    if let Some(element) = html_element(id) {
        element.scroll_into_view();
        let _ = element.focus();
    }
}

/// Clicks the button with this id, as a keyboard shortcut does.
pub fn click(id: &str) {
    if let Some(element) = html_element(id) {
        element.click();
    }
}

/// A string safe to use in an HTML id: letters, digits, `-` and `_` kept,
/// everything else written as `.xx` hex codes.
pub fn dom_id(prefix: &str, parts: &[&str]) -> String {
    let mut out = String::from(prefix);
    for part in parts {
        out.push('-');
        for b in part.bytes() {
            if b.is_ascii_alphanumeric() || b == b'_' {
                out.push(b as char);
            } else {
                out.push_str(&format!(".{b:02x}"));
            }
        }
    }
    out
}

/// Runs `f` after the current render has reached the page.
pub fn after_render(f: impl FnOnce() + 'static) {
    if let Some(window) = web_sys::window() {
        let callback = Closure::once_into_js(f);
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
    }
}

/// Runs `f` once the page has been painted: after the next animation frame,
/// or after a tenth of a second where no frame comes (a hidden tab or frame
/// gets none), whichever is first.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let once = std::rc::Rc::new(std::cell::Cell::new(Some(f)));
    let run = {
        let once = once.clone();
        move || {
            if let Some(f) = once.take() {
                f()
            }
        }
    };
    let after_frame = Closure::once_into_js(move || after_render(run));
    let _ = window.request_animation_frame(after_frame.unchecked_ref());
    let fallback = Closure::once_into_js(move || {
        if let Some(f) = once.take() {
            f()
        }
    });
    let _ =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(fallback.unchecked_ref(), 100);
}

/// Runs `then` once `ready()` holds, checking every `every_ms` at most
/// `tries` times; `then` gets whether it held (long plans draw their tables
/// a moment after they are asked for).
pub fn when_ready(
    ready: impl Fn() -> bool + 'static,
    then: impl FnOnce(bool) + 'static,
    every_ms: i32,
    tries: u32,
) {
    if ready() || tries == 0 {
        return then(ready());
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let again = Closure::once_into_js(move || when_ready(ready, then, every_ms, tries - 1));
    let _ = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(again.unchecked_ref(), every_ms);
}

/// Whether the page has an element matching `selector`.
pub fn exists(selector: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .is_some()
}

/// Focuses the element `id` if it is a control (button, field, panel),
/// else the first control inside it.
pub fn focus_first_control(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id));
    if let Some(element) = element {
        focus_first_in(&element);
    }
}

/// Keeps the keyboard's place when the element `id`, among the elements
/// `siblings` selects inside the element `list`, is about to be deleted: once the
/// page is drawn again, the focus goes to the one after it, or else the one
/// before (its first control), or else to `fallback`. Called before the
/// deletion, so that the focus does not fall back to the page's top.
pub fn refocus_after_removal(list: &str, siblings: &str, id: &str, fallback: &str) {
    let document = web_sys::window().and_then(|w| w.document());
    let neighbour = document
        .as_ref()
        .and_then(|d| d.get_element_by_id(list))
        .and_then(|c| c.query_selector_all(siblings).ok())
        .and_then(|list| {
            let ids: Vec<String> = (0..list.length())
                .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
                .map(|e| e.id())
                .collect();
            let at = ids.iter().position(|i| i == id)?;
            ids.get(at + 1)
                .or_else(|| at.checked_sub(1).and_then(|p| ids.get(p)))
                .cloned()
        });
    let fallback = fallback.to_string();
    after_render(move || match neighbour {
        Some(id) => focus_first_control(&id),
        None => focus_first_control(&fallback),
    });
}

/// Keeps the keyboard's place in a list whose item holding `from` (its
/// delete button) is about to leave: once the page is drawn again, the focus
/// goes to the first control of the item now in its place, or else of the
/// list's last item, or else of the list itself. `item` selects the list's
/// items (`li.indicator`, `fieldset`).
pub fn refocus_in_list(from: &web_sys::Element, item: &'static str) {
    let Some(own) = from.closest(item).ok().flatten() else {
        return;
    };
    let Some(list) = own.parent_element() else {
        return;
    };
    let items =
        move |list: &web_sys::Element| list.query_selector_all(&format!(":scope > {item}")).ok();
    let at = items(&list).and_then(|all| {
        (0..all.length()).position(|i| all.item(i).is_some_and(|n| n.is_same_node(Some(&own))))
    });
    after_render(move || {
        let target = items(&list)
            .and_then(|all| {
                let index = at.unwrap_or(0).min(all.length().saturating_sub(1) as usize);
                all.item(index as u32)
            })
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            .unwrap_or(list);
        focus_first_in(&target);
    });
}

/// Keeps the focus on a moved item's control: the first of `ids` that is on
/// the page and enabled once it is drawn again (the button pressed, or its
/// twin when the item reached the end of its list).
pub fn refocus_first_enabled(ids: Vec<String>) {
    after_render(move || {
        let document = web_sys::window().and_then(|w| w.document());
        let control = ids.iter().find_map(|id| {
            let element = document.as_ref()?.get_element_by_id(id)?;
            (!element.has_attribute("disabled")).then_some(element)
        });
        if let Some(control) = control.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = control.focus();
        }
    });
}

/// Focuses `element` if it is a control, else the first control inside it.
fn focus_first_in(element: &web_sys::Element) {
    const CONTROLS: &str = "summary, button, input, textarea, select, a[href]";
    let control = match element.matches(CONTROLS) {
        Ok(true) => Some(element.clone()),
        _ => element.query_selector(CONTROLS).ok().flatten(),
    };
    if let Some(control) = control.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = control.focus();
    }
}

/// Once the page is drawn again, focuses the last element `selector` finds:
/// the field of what was just added to the end of a list.
pub fn focus_last(selector: String) {
    after_render(move || {
        let last = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector_all(&selector).ok())
            .and_then(|all| all.item(all.length().checked_sub(1)?))
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(last) = last {
            let _ = last.focus();
        }
    });
}
