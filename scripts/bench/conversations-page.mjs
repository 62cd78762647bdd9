/**
 * The Conversations page with 1,000 stored conversations: list shown, search, Export all. The
 * records are copies of the full conversation the storage run left in IndexedDB (so they pass
 * the page's checks as real ones do), each with its own meeting, date, goals and preparation.
 *
 * - list shown: navigation start → first frame after the newest rows are in the list (reload);
 * - search: a whole query typed at once → first frame showing the new list;
 * - Export all: the press of `Export all (JSON)` → the file handed to the browser.
 */
import { summary } from './stats.mjs';

const CONVERSATIONS = 1_000;
const PREPARATIONS = 50;
/** At least this long from one press of `Export all` to the next. */
const EXPORT_PACE_MS = 250;

export async function measureConversationsPage(context, extensionId, { samples = 20 } = {}) {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const seeded = await page.evaluate(seed, { conversations: CONVERSATIONS, preparations: PREPARATIONS });
    if (seeded !== CONVERSATIONS) throw new Error(`Seeded ${seeded} conversations, not ${CONVERSATIONS}.`);
    await page.addInitScript(listProbe);
    const shown = [];
    for (let i = 0; i < samples; i++) {
      await page.reload();
      await page.waitForFunction(() => window.__list?.frame !== undefined);
      shown.push(await page.evaluate(() => window.__list.frame));
    }
    const searched = [];
    for (let i = 0; i < samples; i++) searched.push(await page.evaluate(timeSearch, i % 2 ? '' : `coachee ${i}`));
    const exported = [];
    for (let i = 0; i < samples; i++) {
      const pressed = Date.now();
      const [download, elapsed] = await Promise.all([page.waitForEvent('download'), page.evaluate(timeExportAll)]);
      exported.push(elapsed);
      // The file saved, and the presses paced like a person's: Chromium drops a download, without
      // a word, when a page starts about ten in a second (tried: every 11th at 8 ms apart, none at
      // 100 ms). The time measured ends at the press's link click, before any of this.
      await download.path();
      await page.waitForTimeout(Math.max(0, EXPORT_PACE_MS - (Date.now() - pressed)));
    }
    return { conversations: CONVERSATIONS, listShown: summary(shown), search: summary(searched), exportAll: summary(exported) };
  } finally {
    await page.close();
  }
}

/** In the page: 1,000 copies of the stored conversation and 50 preparations, written in one go. */
function seed({ conversations, preparations }) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('alignment-companion');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const read = db.transaction('sessions').objectStore('sessions').getAll();
      read.onsuccess = () => {
        const model = read.result.find((s) => s.key.startsWith('meet:'));
        if (!model) return reject(new Error('No stored conversation to copy: run the storage measure first.'));
        const tx = db.transaction(['sessions', 'preparations'], 'readwrite');
        const day = 24 * 60 * 60_000;
        const now = Date.now();
        for (let i = 0; i < preparations; i++) {
          const id = `prep-bench-${String(i).padStart(4, '0')}`;
          tx.objectStore('preparations').put({ id, label: `Coachee ${i}`, checked: [], outcome: '', notes: `Notes ${i}`, createdAt: now - 400 * day, updatedAt: now - day });
        }
        for (let i = 0; i < conversations; i++) {
          const startedAt = now - i * 7 * 60 * 60_000;
          tx.objectStore('sessions').put({
            ...model,
            key: `zoom:${100000000 + i}`,
            templateId: i % 3 ? 'kickoff' : 'closing',
            startedAt,
            updatedAt: startedAt + 40 * 60_000,
            runningSince: null,
            endedAt: startedAt + 40 * 60_000,
            preparationId: `prep-bench-${String(i % preparations).padStart(4, '0')}`,
            capture: { ...model.capture, goals: `Goal ${i}: delegate, coach the team, speak up` },
            parked: [{ id: `topic-bench-${i}`, text: `Topic ${i}` }],
          });
        }
        tx.oncomplete = () => {
          db.close();
          resolve(conversations);
        };
        tx.onerror = () => reject(tx.error);
      };
      read.onerror = () => reject(read.error);
    };
  });
}

function listProbe() {
  const probe = {};
  window.__list = probe;
  const observer = new MutationObserver(() => {
    if (document.querySelectorAll('ul[aria-label="Conversations"] > li').length === 0) return;
    observer.disconnect();
    requestAnimationFrame(() => (probe.frame = performance.now()));
  });
  observer.observe(document, { childList: true, subtree: true });
}

function timeSearch(query) {
  const input = document.querySelector('#conversation-search');
  const list = document.querySelector('ul[aria-label="Conversations"]');
  return new Promise((resolve) => {
    const started = performance.now();
    new MutationObserver((_, observer) => {
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - started));
    }).observe(list, { childList: true });
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function timeExportAll() {
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Export all (JSON)');
  const click = HTMLAnchorElement.prototype.click;
  return new Promise((resolve) => {
    const started = performance.now();
    HTMLAnchorElement.prototype.click = function () {
      HTMLAnchorElement.prototype.click = click;
      resolve(performance.now() - started);
      click.call(this);
    };
    button.click();
  });
}
