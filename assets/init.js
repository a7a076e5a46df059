// Starts Pesatura. A file of its own rather than an inline script, so that
// the page runs under a strict Content-Security-Policy (script-src 'self').
// Where the wasm cannot load or start, the page says so in place of the app.
import init from './pesatura.js';

init().catch((error) => {
  const failed = document.getElementById('pesatura-avvio-fallito');
  if (failed) failed.hidden = false;
  throw error;
});
