// Starts Pesatura. A file of its own rather than an inline script, so that
// the page runs under a strict Content-Security-Policy (script-src 'self').
// Where the wasm cannot load or start, the page says so in place of the app:
// at once where it fails, after a minute where its download has not ended
// (where this script cannot load, main.css says it after 15 seconds).
import init from './pesatura.js';

const failed = document.getElementById('pesatura-avvio-fallito');
failed?.classList.add('script');
const late = setTimeout(() => failed?.classList.add('now'), 60_000);

init().then(() => clearTimeout(late), (error) => {
  failed?.classList.add('now');
  throw error;
});

// While the wasm downloads and compiles, the browser loads the page's
// storage, which its first use waits for: the app reads the language there
// as it starts.
try {
  localStorage.getItem('pesatura.language');
} catch {
  // Blocked storage: the app starts without it.
}
