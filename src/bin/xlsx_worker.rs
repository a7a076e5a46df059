//! The Excel worker: writes and reads .xlsx workbooks in a Web Worker, so
//! that the zip writer and reader (`pesatura::io::xlsx`, feature `xlsx`) stay
//! out of the page's wasm. Trunk builds it from `index.html`
//! (`data-type="worker"`); `assets/xlsx_worker_loader.js` starts it, and the
//! page creates it on first use (`src/app/xlsx.rs`).
//!
//! Messages, each a plain object:
//! - page → worker: `{id, lang, kind: "export", plan}` with the plan as
//!   Pesatura JSON; `{id, lang, kind: "import", bytes}` with the file as a
//!   `Uint8Array`; `lang` is the code of the interface's language ("it",
//!   "en"), in which the worker writes its messages (the worker is another
//!   thread, whose language would otherwise stay Italian);
//! - worker → page: `{kind: "ready"}` once running; then for each request
//!   `{id, bytes}` (the workbook, its buffer transferred), `{id, sheet,
//!   lines, rows}` (the first sheet's name, and its rows as Excel's row
//!   numbers and arrays of cell texts: a [`pesatura::io::xlsx::Sheet`]) or
//!   `{id, error, line}` (a message in the request's language, the line
//!   when there is one).

#[cfg(target_arch = "wasm32")]
fn main() {
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use pesatura::io::{json, xlsx};
    use pesatura::text::{fill, set_lang, t, Lang};
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    fn set(target: &Object, key: &str, value: &JsValue) {
        let _ = Reflect::set(target, &JsValue::from_str(key), value);
    }

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let get =
            |key: &str| Reflect::get(&data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
        set_lang(
            get("lang")
                .as_string()
                .and_then(|code| Lang::from_code(&code))
                .unwrap_or_default(),
        );
        let reply = Object::new();
        set(&reply, "id", &get("id"));
        let transfer = Array::new();
        let fail = |message: String, line: Option<usize>| {
            set(&reply, "error", &JsValue::from_str(&message));
            if let Some(line) = line {
                set(&reply, "line", &JsValue::from_f64(line as f64));
            }
        };
        match get("kind").as_string().as_deref() {
            Some("export") => {
                let text = get("plan").as_string().unwrap_or_default();
                let workbook = json::load(text.as_bytes())
                    .map_err(|e| fill(t().io.xlsx_worker_plan_unreadable, &[("error", &e)]))
                    .and_then(|plan| xlsx::export(&plan));
                match workbook {
                    Ok(bytes) => {
                        let array = Uint8Array::from(&bytes[..]);
                        transfer.push(&array.buffer());
                        set(&reply, "bytes", &array);
                    }
                    Err(message) => fail(message, None),
                }
            }
            Some("import") => {
                let bytes = get("bytes")
                    .dyn_into::<Uint8Array>()
                    .map(|a| a.to_vec())
                    .unwrap_or_default();
                match xlsx::read_sheet(&bytes) {
                    Ok(sheet) => {
                        let (lines, rows) = (Array::new(), Array::new());
                        for row in &sheet.rows {
                            lines.push(&JsValue::from_f64(row.line as f64));
                            rows.push(
                                &row.cells
                                    .iter()
                                    .map(|c| JsValue::from_str(c))
                                    .collect::<Array>(),
                            );
                        }
                        set(&reply, "sheet", &JsValue::from_str(&sheet.name));
                        set(&reply, "lines", &lines);
                        set(&reply, "rows", &rows);
                    }
                    Err(e) => fail(e.message, e.line),
                }
            }
            other => fail(
                fill(
                    t().io.xlsx_worker_unknown_request,
                    &[("request", &format!("{other:?}"))],
                ),
                None,
            ),
        }
        let _ = replies.post_message_with_transfer(&reply, &transfer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let ready = Object::new();
    set(&ready, "kind", &JsValue::from_str("ready"));
    let _ = scope.post_message(&ready);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Excel worker runs in the browser, started by Pesatura's page: build it with `trunk build`.");
}
