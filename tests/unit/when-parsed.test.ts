import { describe, expect, it } from 'vitest';
import { PARSED_CHECK_MS, type ParseWatch, whenParsed } from '../../dock/when-parsed';

/** A page being parsed: its readyState, the window's DOMContentLoaded listeners and its timers, by hand. */
function loadingPage(readyState: DocumentReadyState = 'loading') {
  const listeners = new Set<{ listener: EventListener; capture: boolean }>();
  const timers = new Map<number, { run: () => void; delay: number }>();
  let nextTimer = 1;
  const document = { readyState };
  const window = {
    addEventListener: (type: string, listener: EventListener, options?: boolean | AddEventListenerOptions) => {
      if (type === 'DOMContentLoaded') listeners.add({ listener, capture: options === true || (typeof options === 'object' && !!options.capture) });
    },
    removeEventListener: (type: string, listener: EventListener) => {
      for (const entry of listeners) if (type === 'DOMContentLoaded' && entry.listener === listener) listeners.delete(entry);
    },
    setTimeout: (run: () => void, delay: number) => (timers.set(nextTimer, { run, delay }), nextTimer++),
    clearTimeout: (id: number) => void timers.delete(id),
  };
  return {
    page: { document, window } as unknown as ParseWatch,
    listeners,
    timers,
    /** The parser finishes and the browser fires DOMContentLoaded, or the page fires one of its own. */
    fire(isTrusted: boolean) {
      if (isTrusted) document.readyState = 'interactive';
      for (const { listener } of [...listeners]) listener({ isTrusted, type: 'DOMContentLoaded' } as Event);
    },
    /** Runs the timers that are due now, as the event loop would after their delay. */
    runTimers() {
      for (const [id, { run }] of [...timers]) {
        timers.delete(id);
        run();
      }
    },
    /** document.open(): every listener on the window goes. */
    reopen: () => listeners.clear(),
  };
}

describe('whenParsed: the dock starts once the page is parsed', () => {
  it('starts at once on a page already parsed (injected again after an update), with nothing left behind', () => {
    const loading = loadingPage('complete');
    let starts = 0;
    whenParsed(() => starts++, loading.page);
    expect({ starts, listeners: loading.listeners.size, timers: loading.timers.size }).toEqual({ starts: 1, listeners: 0, timers: 0 });
  });

  it('waits while the page parses, then starts on the browser’s DOMContentLoaded, heard in the capture phase, once', () => {
    const loading = loadingPage();
    let starts = 0;
    whenParsed(() => starts++, loading.page);
    loading.runTimers();
    expect(starts).toBe(0);
    expect([...loading.listeners].map((l) => l.capture)).toEqual([true]);
    loading.fire(true);
    loading.fire(true);
    loading.runTimers();
    expect({ starts, listeners: loading.listeners.size, timers: loading.timers.size }).toEqual({ starts: 1, listeners: 0, timers: 0 });
  });

  it('does not take a DOMContentLoaded the page dispatched itself while still parsing', () => {
    const loading = loadingPage();
    let starts = 0;
    whenParsed(() => starts++, loading.page);
    loading.fire(false);
    expect(starts).toBe(0);
    loading.fire(true);
    expect(starts).toBe(1);
  });

  it('starts within a check of the page being parsed when document.open() erased the listener', () => {
    const loading = loadingPage();
    let starts = 0;
    whenParsed(() => starts++, loading.page);
    loading.reopen();
    loading.runTimers();
    expect(starts).toBe(0);
    expect([...loading.timers.values()].map((t) => t.delay)).toEqual([PARSED_CHECK_MS]);
    loading.fire(true);
    expect(starts).toBe(0);
    loading.runTimers();
    expect({ starts, timers: loading.timers.size }).toEqual({ starts: 1, timers: 0 });
  });
});
