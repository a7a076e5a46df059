// Starts Pesatura. A file of its own rather than an inline script, so that
// the page runs under a strict Content-Security-Policy (script-src 'self').
// Where the wasm cannot load or start, the page says so in place of the app
// at once (where this script cannot load, main.css says it after a while).
import init from './pesatura.js';

init().catch((error) => {
  document.getElementById('pesatura-avvio-fallito')?.classList.add('now');
  throw error;
});
