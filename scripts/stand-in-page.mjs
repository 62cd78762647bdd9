// What every stand-in meeting page shares, for the end-to-end tests and the benchmark alike: the
// platforms' kind of strict Content-Security-Policy, and a page-wide key logger (the panel's keys
// must never reach it).

/**
 * Nonce scripts only, frames from the page's own origin, Trusted Types required, as Meet, Zoom and
 * Teams do. `framesExtensions` lets a hostile page frame extension pages itself (it sets its own CSP).
 */
export function strictCsp(nonce, { framesExtensions = false } = {}) {
  return [
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    framesExtensions ? "frame-src 'self' chrome-extension: moz-extension:" : "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types fixture',
  ].join('; ');
}

export const KEY_LOGGER = `
  window.__pageSawKeys = [];
  for (const target of [window, document]) {
    for (const type of ['keydown', 'keyup', 'keypress']) {
      target.addEventListener(type, (event) => window.__pageSawKeys.push(type + ':' + event.key), true);
    }
  }`;
