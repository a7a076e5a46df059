// Starts Pesatura. A file of its own rather than an inline script, so that
// the page runs under a strict Content-Security-Policy (script-src 'self').
import init from './pesatura.js';

init();
