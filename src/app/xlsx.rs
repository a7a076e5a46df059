//! The Excel worker seen from the page. Writing and reading .xlsx files
//! needs a zip writer and reader that the page's own wasm does not carry:
//! they run in a Web Worker (`src/bin/xlsx_worker.rs`, messages described
//! there), created on the first Excel export or import — never at start-up,
//! so a page that does not use Excel never fetches it — and kept for the
//! next ones. A worker that fails to load, or stops, answers every waiting
//! request with a message in the interface's language and is replaced at
//! the next request. Each request carries the interface's language, in
//! which the worker writes its own messages.

use std::cell::{Cell, RefCell};

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{MessageEvent, Worker};

use crate::io::csv::CsvError;
use crate::io::xlsx::{Sheet, SheetRow};
use crate::text::{fill, lang, t};

/// The worker's start script, next to `pesatura.js` in `dist/`.
const LOADER: &str = "xlsx_worker_loader.js";

#[wasm_bindgen]
extern "C" {
    type ImportMeta;
    /// `import.meta` of `pesatura.js`: the worker is found next to it, also
    /// when a host page at another path mounts Pesatura.
    #[wasm_bindgen(thread_local_v2, js_namespace = import, js_name = meta)]
    static IMPORT_META: ImportMeta;
    #[wasm_bindgen(method, getter)]
    fn url(this: &ImportMeta) -> String;
}

type Done = Box<dyn FnOnce(Result<JsValue, String>)>;

struct Client {
    worker: Worker,
    /// The worker has said it is running: requests go straight to it.
    ready: bool,
    /// It failed to load or stopped: the next request replaces it.
    failed: bool,
    /// Requests made before it was ready, with what they transfer.
    waiting: Vec<(Object, Array)>,
    /// Requests sent and not answered, by id (a few at most).
    pending: Vec<(u32, Done)>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

/// Why the worker is not there, with the browser's words if any.
fn not_loaded_message(detail: Option<&str>) -> String {
    let message = t().io.xlsx_not_loaded;
    match detail {
        Some(detail) => format!("{message} [{detail}]"),
        None => message.to_string(),
    }
}

impl Client {
    fn start() -> Result<Client, String> {
        let not_loaded = |e: JsValue| {
            not_loaded_message(Some(
                &e.as_string()
                    .or_else(|| get(&e, "message").as_string())
                    .unwrap_or_default(),
            ))
        };
        let base = IMPORT_META.with(ImportMeta::url);
        let url = web_sys::Url::new_with_base(LOADER, &base)
            .map_err(not_loaded)?
            .href();
        let worker = Worker::new(&url).map_err(not_loaded)?;
        let on_message =
            Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| on_message(event.data()));
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
            event.prevent_default();
            let detail = get(&event, "message").as_string().filter(|m| !m.is_empty());
            fail_all(|ready| match (ready, &detail) {
                (false, d) => not_loaded_message(d.as_deref()),
                (true, None) => t().io.xlsx_stopped.to_string(),
                (true, Some(d)) => format!("{} [{d}]", t().io.xlsx_stopped),
            });
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Client {
            worker,
            ready: false,
            failed: false,
            waiting: Vec::new(),
            pending: Vec::new(),
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// The request `id` waits for, taken out of the waiting list.
    fn take(&mut self, id: u32) -> Option<Done> {
        let at = self.pending.iter().position(|(i, _)| *i == id)?;
        Some(self.pending.swap_remove(at).1)
    }

    fn post(&self, message: &Object, transfer: &Array) -> Result<(), String> {
        self.worker
            .post_message_with_transfer(message, transfer)
            .map_err(|e| {
                fill(
                    t().io.xlsx_not_passed,
                    &[(
                        "detail",
                        &get(&e, "message").as_string().unwrap_or_default(),
                    )],
                )
            })
    }
}

/// Every waiting request fails with the message `why(ready)` gives; the
/// worker is stopped, to be replaced at the next request.
fn fail_all(why: impl Fn(bool) -> String) {
    let failed: Vec<(Done, String)> = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        let Some(client) = c.as_mut() else {
            return Vec::new();
        };
        client.failed = true;
        client.worker.terminate();
        client.waiting.clear();
        let message = why(client.ready);
        client
            .pending
            .drain(..)
            .map(|(_, done)| (done, message.clone()))
            .collect()
    });
    for (done, message) in failed {
        done(Err(message));
    }
}

fn on_message(data: JsValue) {
    match get(&data, "kind").as_string().as_deref() {
        Some("ready") => {
            let refused: Vec<(Done, String)> = CLIENT.with(|c| {
                let mut c = c.borrow_mut();
                let Some(client) = c.as_mut() else {
                    return Vec::new();
                };
                client.ready = true;
                let waiting = std::mem::take(&mut client.waiting);
                waiting
                    .into_iter()
                    .filter_map(|(message, transfer)| {
                        let error = client.post(&message, &transfer).err()?;
                        let id = get(&message, "id").as_f64()? as u32;
                        Some((client.take(id)?, error))
                    })
                    .collect()
            });
            for (done, error) in refused {
                done(Err(error));
            }
        }
        Some("failed") => {
            let detail = get(&data, "message").as_string().unwrap_or_default();
            fail_all(|_| not_loaded_message(Some(&detail)));
        }
        _ => {
            let Some(id) = get(&data, "id").as_f64() else {
                return;
            };
            let done = CLIENT.with(|c| {
                c.borrow_mut()
                    .as_mut()
                    .and_then(|client| client.take(id as u32))
            });
            if let Some(done) = done {
                done(Ok(data));
            }
        }
    }
}

/// Sends a request, starting the worker if there is none (or the last one
/// failed); `done` gets the worker's reply or why there is none.
fn request(message: Object, transfer: Array, done: Done) {
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    });
    set(&message, "id", &JsValue::from_f64(id as f64));
    set(&message, "lang", &JsValue::from_str(lang().code()));
    let refused: Option<(Done, String)> = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        if c.as_ref().is_none_or(|client| client.failed) {
            match Client::start() {
                Ok(client) => *c = Some(client),
                Err(error) => return Some((done, error)),
            }
        }
        let client = c.as_mut().expect("just started");
        if client.ready {
            if let Err(error) = client.post(&message, &transfer) {
                return Some((done, error));
            }
        } else {
            client.waiting.push((message, transfer));
        }
        client.pending.push((id, done));
        None
    });
    if let Some((done, error)) = refused {
        done(Err(error));
    }
}

/// The error of a reply, if it is one.
fn error_of(reply: &JsValue) -> Option<CsvError> {
    let message = get(reply, "error").as_string()?;
    Some(CsvError {
        message,
        line: get(reply, "line").as_f64().map(|l| l as usize),
    })
}

/// The plan's workbook, from the plan as Pesatura JSON: `done` gets its
/// bytes, or a message in the interface's language.
pub fn export(plan_json: String, done: impl FnOnce(Result<Uint8Array, String>) + 'static) {
    let message = Object::new();
    set(&message, "kind", &JsValue::from_str("export"));
    set(&message, "plan", &JsValue::from_str(&plan_json));
    request(
        message,
        Array::new(),
        Box::new(move |reply| {
            done(reply.and_then(|reply| {
                match error_of(&reply) {
                    Some(error) => Err(error.message),
                    None => get(&reply, "bytes")
                        .dyn_into::<Uint8Array>()
                        .map_err(|_| t().io.xlsx_no_file_back.to_string()),
                }
            }))
        }),
    );
}

/// The first sheet of a workbook as rows of text: `done` gets them, or why
/// the file cannot be read.
pub fn read(bytes: &[u8], done: impl FnOnce(Result<Sheet, CsvError>) + 'static) {
    let array = Uint8Array::from(bytes);
    let message = Object::new();
    set(&message, "kind", &JsValue::from_str("import"));
    set(&message, "bytes", &array);
    request(
        message,
        Array::of1(&array.buffer()),
        Box::new(move |reply| {
            done(
                reply
                    .map_err(CsvError::new)
                    .and_then(|reply| match error_of(&reply) {
                        Some(error) => Err(error),
                        None => {
                            sheet_of(&reply).ok_or_else(|| CsvError::new(t().io.xlsx_no_rows_back))
                        }
                    }),
            )
        }),
    );
}

/// The sheet in a reply: its name, Excel's row numbers, the rows' cells.
fn sheet_of(reply: &JsValue) -> Option<Sheet> {
    let name = get(reply, "sheet").as_string()?;
    let lines: Array = get(reply, "lines").dyn_into().ok()?;
    let rows: Array = get(reply, "rows").dyn_into().ok()?;
    let rows = lines
        .iter()
        .zip(rows.iter())
        .map(|(line, cells)| {
            let cells: Array = cells.dyn_into().ok()?;
            Some(SheetRow {
                line: line.as_f64()? as usize,
                cells: cells
                    .iter()
                    .map(|c| c.as_string().unwrap_or_default())
                    .collect(),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Sheet { name, rows })
}
