// Starts the Excel worker (src/bin/xlsx_worker.rs) inside the Web Worker the
// page creates on first use of an .xlsx. A file of its own, like init.js, so
// that it runs under a strict Content-Security-Policy (script-src 'self'
// 'wasm-unsafe-eval'). Once running, the worker posts {kind: "ready"}; if its
// wasm cannot start, this posts {kind: "failed"} with the reason, so that the
// page can say so instead of waiting. (Trunk's own data-loader-shim would
// pass the wasm's path the deprecated way, which wasm-bindgen warns about, and
// would leave a failed start unreported.)
importScripts('./xlsx_worker.js');
wasm_bindgen({ module_or_path: './xlsx_worker_bg.wasm' }).catch((e) => {
  postMessage({ kind: 'failed', message: String((e && e.message) || e) });
});
