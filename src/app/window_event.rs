//! A listener on the browser window that stops listening when dropped, so
//! that an effect's clean-up is dropping what it started.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

pub struct WindowListener {
    window: web_sys::Window,
    kind: &'static str,
    callback: Closure<dyn Fn(web_sys::Event)>,
}

impl WindowListener {
    /// Calls `on_event` at each `kind` event of the window; `None` without a window.
    pub fn new(kind: &'static str, on_event: impl Fn(web_sys::Event) + 'static) -> Option<Self> {
        let window = web_sys::window()?;
        let callback = Closure::<dyn Fn(web_sys::Event)>::new(on_event);
        window
            .add_event_listener_with_callback(kind, callback.as_ref().unchecked_ref())
            .ok()?;
        Some(WindowListener {
            window,
            kind,
            callback,
        })
    }
}

impl Drop for WindowListener {
    fn drop(&mut self) {
        let _ = self
            .window
            .remove_event_listener_with_callback(self.kind, self.callback.as_ref().unchecked_ref());
    }
}
