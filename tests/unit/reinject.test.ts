import { describe, expect, it } from 'vitest';
import { dockIntoOpenTabs, type OpenTab, type ReinjectDeps } from '../../entrypoints/background/reinject';

const MEET = { js: ['content-scripts/meet.js'], matches: ['https://meet.google.com/*'] };

/** Tabs by id: whether a live copy of our script answers in each, now and once it has loaded. */
interface FakeTab {
  status?: string;
  answers: boolean;
  answersOnceLoaded?: boolean;
  closes?: boolean;
}

function world(tabs: Record<number, FakeTab>) {
  const tab = (id: number): FakeTab => tabs[id] ?? { answers: false };
  const injected: number[] = [];
  const loadedWaits: number[] = [];
  const deps: ReinjectDeps = {
    openTabs: async () => Object.entries(tabs).map(([id, { status }]): OpenTab => ({ id: Number(id), status })),
    answers: async (id) => tab(id).answers,
    loaded: async (id) => {
      loadedWaits.push(id);
      tab(id).answers = tab(id).answersOnceLoaded ?? tab(id).answers;
    },
    inject: async (id) => {
      if (tab(id).closes) throw new Error('No tab with id');
      injected.push(id);
    },
  };
  return { deps, injected, loadedWaits };
}

describe('docking into meetings open when the extension installs or updates', () => {
  it('injects where no live copy answers (an update orphaned it) and leaves a tab whose copy answers alone', async () => {
    const { deps, injected } = world({ 1: { status: 'complete', answers: false }, 2: { status: 'complete', answers: true } });
    await dockIntoOpenTabs([MEET], deps);
    expect(injected).toEqual([1]);
  });

  it('waits for a loading tab: the manifest’s own copy that ran meanwhile is left alone, a tab without one gets ours', async () => {
    const { deps, injected, loadedWaits } = world({
      3: { status: 'loading', answers: false, answersOnceLoaded: true },
      4: { status: 'loading', answers: false, answersOnceLoaded: false },
    });
    await dockIntoOpenTabs([MEET], deps);
    expect(loadedWaits.sort()).toEqual([3, 4]);
    expect(injected).toEqual([4]);
  });

  it('docks every other platform while one tab never finishes loading', async () => {
    const injected: number[] = [];
    const teams = { js: ['content-scripts/teams.js'], matches: ['https://teams.microsoft.com/*'] };
    // Never settles: the Meet tab is still loading.
    void dockIntoOpenTabs([MEET, teams], {
      openTabs: async (matches) => (matches === MEET.matches ? [{ id: 1, status: 'loading' }] : [{ id: 2, status: 'complete' }]),
      answers: async () => false,
      loaded: () => new Promise(() => {}),
      inject: async (id) => {
        injected.push(id);
      },
    });
    await expect.poll(() => injected).toEqual([2]);
  });

  it('leaves a tab that went elsewhere on the host while it loaded', async () => {
    const { deps, injected } = world({ 7: { status: 'loading', answers: false, answersOnceLoaded: false } });
    let loaded = false;
    await dockIntoOpenTabs([MEET], {
      ...deps,
      openTabs: async (matches) => (loaded ? [] : deps.openTabs(matches)),
      loaded: async (id) => {
        await deps.loaded(id);
        loaded = true;
      },
    });
    expect(injected).toEqual([]);
  });

  it('goes on to the other tabs when one closes mid-way, and skips scripts without files or matches', async () => {
    const { deps, injected } = world({ 5: { answers: false, closes: true }, 6: { answers: false } });
    await dockIntoOpenTabs([{ js: [], matches: MEET.matches }, { js: MEET.js }, MEET], deps);
    expect(injected).toEqual([6]);
  });
});
