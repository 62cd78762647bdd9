/**
 * Code the benchmark puts into the pages it measures. None of it ships: Playwright injects it,
 * and it only notes times in the page's own clock so no round trip to node is ever timed.
 * Each function is serialised by Playwright, so it may use nothing from this module's scope.
 */

/**
 * Init script for the startup runs, in the main world of the meeting page and of the panel
 * frame (a page's init scripts reach its out-of-process frames too).
 * - Meeting page: when the dock's host element is attached, and the first animation frame after
 *   that (the dock is painted in that frame).
 * - Panel frame: when `Start conversation` is in the DOM and enabled (its handler is attached in
 *   the same render, so it is interactive), on the shared wall clock: timeOrigin + now.
 */
export function startupProbe() {
  const probe = (window.__benchStartup = {});
  const afterFrame = (key) => requestAnimationFrame(() => (probe[key] = performance.now()));
  if (location.protocol === 'https:') {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('alignment-companion-dock')) return;
      observer.disconnect();
      probe.dockAttached = performance.now();
      afterFrame('dockFrame');
    });
    observer.observe(document, { childList: true, subtree: true });
  } else if (location.pathname === '/panel.html') {
    const ready = () =>
      [...document.querySelectorAll('button')].some(
        (b) => b.textContent.trim() === 'Start conversation' && !b.disabled && b.getAttribute('aria-disabled') !== 'true',
      );
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      probe.interactiveEpoch = performance.timeOrigin + performance.now();
      requestAnimationFrame(() => (probe.interactiveFrameEpoch = performance.timeOrigin + performance.now()));
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true });
  }
}

/**
 * Installed in each panel frame for the latency runs: notes every change of the current step's
 * title and every press of a step button, on the shared wall clock (timeOrigin + now). A click's
 * time is the input event's own timestamp, so input queueing counts against us.
 */
export function watchSteps() {
  const bench = (window.__benchSteps = { changes: [], clicks: [] });
  const title = () => document.getElementById('step-title')?.textContent ?? null;
  let last = title();
  new MutationObserver(() => {
    const now = title();
    if (now === last) return;
    last = now;
    bench.changes.push({ title: now, at: performance.timeOrigin + performance.now() });
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
  document.addEventListener(
    'click',
    (event) => {
      const name = event.target instanceof Element ? event.target.closest('button')?.textContent.trim() : '';
      bench.clicks.push({ name, at: performance.timeOrigin + event.timeStamp });
    },
    true,
  );
}

/** How many step changes and clicks a panel has noted so far. */
export function stepCounts() {
  const bench = window.__benchSteps;
  return { changes: bench.changes.length, clicks: bench.clicks.length, title: document.getElementById('step-title')?.textContent ?? null };
}
