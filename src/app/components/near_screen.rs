//! Drawing near the screen: a long plan (thousands of objectives and units)
//! draws its parts — unit sections, tables, summary rows — only when they
//! come within a screen or two of the viewport, so that opening it and
//! editing it lay out and paint only what the user can see. Everything is
//! drawn before printing.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// From this many objectives on, parts of the page are drawn only when they
/// come near the screen. Smaller plans are drawn whole, so that the
/// browser's find-in-page sees every title.
pub const DRAW_NEAR_SCREEN_FROM: usize = 300;

/// The window event that asks every part to draw itself (before printing).
pub const DRAW_ALL_EVENT: &str = "pesatura-disegna-tutto";

/// Whether printing (the print button or the browser's own) asked for
/// everything to be drawn; once asked, it stays so.
#[hook]
pub fn use_draw_all() -> bool {
    let draw_all = use_state(|| false);
    {
        let draw_all = draw_all.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn()>::new(move || draw_all.set(true));
            let window = web_sys::window();
            if let Some(w) = &window {
                for event in ["beforeprint", DRAW_ALL_EVENT] {
                    let _ = w
                        .add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
                }
            }
            move || {
                if let Some(w) = &window {
                    for event in ["beforeprint", DRAW_ALL_EVENT] {
                        let _ = w.remove_event_listener_with_callback(
                            event,
                            listener.as_ref().unchecked_ref(),
                        );
                    }
                }
            }
        });
    }
    *draw_all
}

/// Whether a part is drawn, and how to draw it at once (a button in its
/// placeholder, a link that leads into it).
pub struct NearScreen {
    pub drawn: bool,
    pub draw: Callback<()>,
}

/// Draws a part once its element comes within 1,500 pixels of the screen,
/// when `lazy`; at once otherwise. With `undraw`, a drawn part that goes
/// farther than that (and holds no focus) turns back into its placeholder, so
/// that however far the user scrolls, the page holds only what is near the
/// screen: the state keeps every entry, refused ones included. `element`
/// must be on the placeholder and, with `undraw`, on the drawn part too.
/// The placeholder is as tall as the part was when drawn, or `height_rem`
/// before that, so that the page does not jump; its height is set through
/// the style object, not a style attribute, which a strict CSP
/// (`style-src 'self'`) refuses. A part that starts above the screen and ends
/// above its bottom, and changes height as it is drawn or undrawn, scrolls
/// the page by that change, so that what the user sees (and may be about to
/// click) stays where it is; the browser's own scroll anchoring is off
/// (`overflow-anchor`), as it missed changes in tables' row groups and would
/// add its own.
///
/// Both happen before the browser shows the change: yew may hand the page
/// back to the browser between drawing a part and running its effects, and a
/// placeholder without its height for that moment pulled what followed it
/// thousands of pixels up, under the user and out of reach. So the
/// placeholder gets its height before it is drawn, and the scroll is made
/// when the page's elements change (a mutation observer); the effects,
/// after those of the parts inside (a table placeholder's height), scroll by
/// whatever changed since.
#[hook]
pub fn use_near_screen(
    lazy: bool,
    element: &NodeRef,
    height_rem: usize,
    undraw: bool,
) -> NearScreen {
    let drawn_here = use_state(|| !lazy);
    let drawn = *drawn_here || !lazy;
    let measured = use_mut_ref(|| None::<f64>);
    // What to measure, and its height when the part was asked to change, if
    // the part started above the screen and ended above its bottom: what
    // follows it keeps its place.
    let above: Above = use_mut_ref(|| None);
    let watcher = use_mut_ref(|| None::<Watcher>);
    // Drawn or not as last asked: the observer's callback can come again
    // before the page is drawn as asked.
    let requested = use_mut_ref(|| drawn);
    *requested.borrow_mut() = drawn;
    {
        // When the plan shrinks below the threshold (or before printing)
        // every part is drawn, so that one added back does not turn into a
        // placeholder under the user.
        let drawn_here = drawn_here.clone();
        use_effect_with(lazy, move |&lazy| {
            if !lazy && !*drawn_here {
                drawn_here.set(true);
            }
        });
    }
    {
        let (element, measured, above) = (element.clone(), measured.clone(), above.clone());
        let watcher = watcher.clone();
        use_effect_with((drawn, height_rem), move |&(drawn, rem)| {
            if let Some(element) = element.cast::<web_sys::HtmlElement>() {
                let height = match *measured.borrow() {
                    Some(px) => format!("{px}px"),
                    None => format!("{rem}rem"),
                };
                show_as(&element, drawn, &height);
            }
            // The change asked is on the page: no need to watch for it.
            let done = matches!(&*watcher.borrow(), Some((_, _, expected)) if *expected == drawn);
            if done {
                if let Some((observer, _, _)) = watcher.borrow_mut().take() {
                    observer.disconnect();
                }
            }
            keep_in_place(&above, drawn, false);
        });
    }
    {
        let (drawn_here, element, above) = (drawn_here.clone(), element.clone(), above.clone());
        let (watcher, requested) = (watcher.clone(), requested.clone());
        let watching = lazy && (!drawn || undraw);
        // Observed afresh at every change: the observer's first callback says
        // where the part is now.
        use_effect_with((watching, drawn), move |&(watching, _)| {
            let observer = watching
                .then(|| {
                    let target = element.clone();
                    observe(&element, move |near| {
                        let Some(part) = target.cast::<web_sys::HtmlElement>() else {
                            return;
                        };
                        let rect = part.get_bounding_client_rect();
                        // Above the screen, or across its top with what
                        // follows it on screen. A part that spans the whole
                        // screen keeps its top where it is: the reader is in it.
                        let (_, screen) = screen_size();
                        let starts_above = rect.top() < 0.0 && rect.bottom() < screen;
                        // A drawn part that stays is measured itself; one
                        // that replaces its placeholder, through what holds it.
                        let measure = if undraw {
                            Some(web_sys::Element::from(part.clone()))
                        } else {
                            part.parent_element()
                        };
                        let before = measure
                            .filter(|_| starts_above)
                            .map(|m| (m.get_bounding_client_rect().height(), m));
                        let drawn = *requested.borrow();
                        if near && !drawn {
                            *requested.borrow_mut() = true;
                            *above.borrow_mut() = before.map(|(h, m)| (m, h, true));
                            watch_render(&target, &watcher, &above, None);
                            drawn_here.set(true);
                        } else if !near && drawn && !holds_focus(&target) {
                            *requested.borrow_mut() = false;
                            let height = format!("{}px", rect.height());
                            *measured.borrow_mut() = Some(rect.height());
                            *above.borrow_mut() = before.map(|(h, m)| (m, h, false));
                            // The placeholder that takes its place is as tall.
                            show_as(&part, false, &height);
                            watch_render(&target, &watcher, &above, Some(height));
                            drawn_here.set(false);
                        }
                    })
                })
                .flatten();
            move || {
                if let Some((observer, _callback)) = observer {
                    observer.disconnect();
                }
            }
        });
    }
    {
        // A part taken off the page stops watching it.
        use_effect_with((), move |_| {
            move || {
                if let Some((observer, _, _)) = watcher.borrow_mut().take() {
                    observer.disconnect();
                }
            }
        });
    }
    let draw = {
        let drawn_here = drawn_here.clone();
        Callback::from(move |()| drawn_here.set(true))
    };
    NearScreen { drawn, draw }
}

/// A part of the page whose height changes while it is above the screen
/// (the findings, after an edit further down) scrolls the page by that
/// change, so that what the user sees, and may be about to click, stays
/// where it is: the browser's own anchoring is off (see [`use_near_screen`]).
/// Yew runs the effect in the same task as the change that redrew the part,
/// before the browser lays the page out again.
#[hook]
pub fn use_steady_below(element: &NodeRef) {
    let height = use_mut_ref(|| None::<f64>);
    let element = element.clone();
    use_effect(move || {
        let Some(part) = element.cast::<web_sys::Element>() else {
            return;
        };
        let rect = part.get_bounding_client_rect();
        let Some(before) = height.borrow_mut().replace(rect.height()) else {
            return;
        };
        let change = rect.height() - before;
        // Wholly above the screen as it was: its old bottom above the top.
        if change.abs() >= 0.5 && rect.top() + before <= 0.0 {
            if let Some(window) = web_sys::window() {
                window.scroll_by_with_x_and_y(0.0, change);
            }
        }
    });
}

/// The element whose height to keep, its height before a change, and
/// whether the change draws the part (or undraws it).
type Above = std::rc::Rc<std::cell::RefCell<Option<(web_sys::Element, f64, bool)>>>;

/// A mutation observer waiting for a part to be drawn (`true`) or undrawn.
type Watcher = (
    web_sys::MutationObserver,
    Closure<dyn Fn(js_sys::Array, web_sys::MutationObserver)>,
    bool,
);

/// Shows `element` drawn (its own height) or as a placeholder `height` tall.
/// A table's row group or row takes `height` as its least height; a block,
/// `min-height`.
fn show_as(element: &web_sys::HtmlElement, drawn: bool, height: &str) {
    let style = element.style();
    if drawn {
        let _ = style.remove_property("height");
        let _ = style.remove_property("min-height");
        return;
    }
    let tag = element.tag_name().to_ascii_lowercase();
    let property = if tag == "tr" || tag == "tbody" {
        "height"
    } else {
        "min-height"
    };
    let _ = style.set_property(property, height);
}

/// Scrolls the page by the change in height of what was measured before a
/// part above the screen was drawn (`drawn`) or undrawn, if that is the
/// change waiting; with `again`, what is measured now is kept, for the
/// effects to scroll by what changes after (the heights of the parts
/// inside), else the first caller takes it.
fn keep_in_place(above: &Above, drawn: bool, again: bool) {
    let waiting = above.borrow_mut().take();
    let Some((measure, before, expected)) = waiting else {
        return;
    };
    if expected != drawn {
        *above.borrow_mut() = Some((measure, before, expected));
        return;
    }
    let now = measure.get_bounding_client_rect().height();
    let change = now - before;
    if change.abs() >= 0.5 {
        if let Some(window) = web_sys::window() {
            window.scroll_by_with_x_and_y(0.0, change);
        }
    }
    if again {
        *above.borrow_mut() = Some((measure, now, expected));
    }
}

/// Once the part in `target` has been drawn (`placeholder` is `None`) or
/// turned into its placeholder of that height, as seen by the page's
/// elements changing: gives it its height and keeps what follows in place.
/// A mutation observer's callback comes before the browser lays out or
/// paints the change, and before any other task; the effects may come after.
fn watch_render(
    target: &NodeRef,
    watcher: &std::rc::Rc<std::cell::RefCell<Option<Watcher>>>,
    above: &Above,
    placeholder: Option<String>,
) {
    if let Some((observer, _, _)) = watcher.borrow_mut().take() {
        observer.disconnect();
    }
    let Some(node) = target.get() else {
        return;
    };
    let Some(parent) = node.parent_node() else {
        return;
    };
    // The part is drawn or undrawn when its element is another one, or the
    // same one with another class (placeholders have their own).
    let class = |node: &web_sys::Node| {
        node.dyn_ref::<web_sys::Element>()
            .map(|e| e.class_name())
            .unwrap_or_default()
    };
    let before_class = class(&node);
    let (target, above, observed) = (target.clone(), above.clone(), node.clone());
    let drawn = placeholder.is_none();
    let callback = Closure::<dyn Fn(js_sys::Array, web_sys::MutationObserver)>::new(
        move |_records: js_sys::Array, observer: web_sys::MutationObserver| {
            let now = target.get();
            let changed = match &now {
                Some(now) => !now.is_same_node(Some(&node)) || class(now) != before_class,
                None => true,
            };
            if !changed {
                return;
            }
            observer.disconnect();
            if let Some(element) = now.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
                match &placeholder {
                    Some(height) => show_as(&element, false, height),
                    None => show_as(&element, true, ""),
                }
            }
            keep_in_place(&above, drawn, true);
        },
    );
    let Ok(observer) = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    // The part's element replaced (its parent's children), or its class changed.
    let children = web_sys::MutationObserverInit::new();
    children.set_child_list(true);
    let class_change = web_sys::MutationObserverInit::new();
    class_change.set_attribute_filter(&js_sys::Array::of1(&"class".into()));
    if observer.observe_with_options(&parent, &children).is_ok()
        && observer
            .observe_with_options(&observed, &class_change)
            .is_ok()
    {
        *watcher.borrow_mut() = Some((observer, callback, drawn));
    }
}

/// The button of a placeholder, labelled `text` (and `label` for screen
/// readers, when given). Pressed, or only reached by the keyboard (the part
/// would otherwise be drawn under the focus), it draws the part and, once
/// drawn, calls `focus_into`, which moves the focus into it.
pub fn draw_button(
    near: &NearScreen,
    text: String,
    label: Option<String>,
    focus_into: impl Fn() + 'static,
) -> Html {
    let focus_into = std::rc::Rc::new(focus_into);
    let draw = near.draw.clone();
    let on_draw = Callback::from(move |()| {
        draw.emit(());
        let focus_into = focus_into.clone();
        crate::app::files::after_render(move || focus_into());
    });
    html! {
        <button type="button" class="btn btn-outline-primary btn-xs" onclick={on_draw.reform(|_| ())}
            onfocus={on_draw.reform(|_| ())} aria-label={label}>{ text }</button>
    }
}

/// Whether the focus is inside the element (a part being edited stays drawn).
fn holds_focus(element: &NodeRef) -> bool {
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    match (element.cast::<web_sys::Node>(), active) {
        (Some(el), Some(active)) => el.contains(Some(&active)),
        _ => false,
    }
}

type Observer = (
    web_sys::IntersectionObserver,
    Closure<dyn Fn(js_sys::Array, web_sys::IntersectionObserver)>,
);

/// The viewport's width and height, in CSS pixels.
fn screen_size() -> (f64, f64) {
    let Some(window) = web_sys::window() else {
        return (0.0, 0.0);
    };
    let px = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    (px(window.inner_width()), px(window.inner_height()))
}

/// How near the screen a part is drawn, in pixels above and below it.
const NEAR_PX: f64 = 1500.0;

/// Calls `then(near)` when the element comes within `NEAR_PX` of the screen
/// (`true`) or goes farther (`false`), and once at the start. Whether it is
/// near is read from where the element is now: an entry can be a frame old
/// after a jump and a change of the page's height (a part across the screen
/// was seen as far). Where the entry and the page disagree, the element is
/// observed afresh, so that the observer, which speaks only of changes,
/// measures it again at the next frame.
fn observe(target: &NodeRef, then: impl Fn(bool) + 'static) -> Option<Observer> {
    let element = target.cast::<web_sys::Element>()?;
    let callback = Closure::<dyn Fn(js_sys::Array, web_sys::IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            let Some(last) = entries.iter().last() else {
                return;
            };
            let entry = last.unchecked_into::<web_sys::IntersectionObserverEntry>();
            let target = entry.target();
            let (width, height) = screen_size();
            let rect = target.get_bounding_client_rect();
            let near = rect.bottom() > -NEAR_PX
                && rect.top() < height + NEAR_PX
                && rect.right() >= 0.0
                && rect.left() <= width;
            if near != entry.is_intersecting() {
                observer.unobserve(&target);
                observer.observe(&target);
            }
            then(near);
        },
    );
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin(&format!("{NEAR_PX}px 0px"));
    let observer = web_sys::IntersectionObserver::new_with_options(
        callback.as_ref().unchecked_ref(),
        &options,
    )
    .ok()?;
    observer.observe(&element);
    Some((observer, callback))
}
