import { describe, expect, it } from 'vitest';
import { libraryWithPending, sessionWithPending, type Pending } from '../../utils/session/optimistic';
import { DEFAULT_PREFERENCES } from '../../utils/session/preferences';
import { isStoredSession } from '../../utils/session/stored-records';
import { MIN, T0, conversation } from './conversation';

const KEY = 'meet:abc-defg-hij';
const next = (id: string, at = T0 + MIN): Pending => ({ id, at, kind: 'command', key: KEY, command: { type: 'next' } });

describe('what the panel shows while commands are on their way', () => {
  it('the last stored state with the pending commands applied, in order', () => {
    const c = conversation(KEY);
    c.do({ type: 'start', minutes: 30 }, T0, 'start-0001');
    const shown = sessionWithPending(c.session, KEY, [next('next-0001'), next('next-0002')]);
    expect(shown?.current).toBe(2);
    expect(c.session.current).toBe(0);
  });

  it('a start pressed before anything was stored shows the conversation at once', () => {
    const shown = sessionWithPending(null, KEY, [{ id: 'start-0001', at: T0, kind: 'command', key: KEY, command: { type: 'start', minutes: 45, template: 'closing' } }]);
    expect(shown).toMatchObject({ templateId: 'closing', meetingMinutes: 45, current: 0 });
    expect(isStoredSession(shown)).toBe(true);
  });

  it('never applies a command twice once the stored state has it, and skips what would be refused', () => {
    const c = conversation(KEY);
    c.do({ type: 'start', minutes: 30 }, T0, 'start-0001');
    c.do({ type: 'next' }, T0 + MIN, 'next-0001');
    expect(sessionWithPending(c.session, KEY, [next('next-0001')])?.current).toBe(1);
    const previousAtStart: Pending = { id: 'prev-0001', at: T0, kind: 'command', key: KEY, command: { type: 'previous' } };
    expect(sessionWithPending(c.session, KEY, [previousAtStart, previousAtStart])?.current).toBe(0);
  });

  it('ignores commands for another meeting', () => {
    const c = conversation(KEY);
    c.do({ type: 'start', minutes: 30 }, T0);
    const elsewhere: Pending = { id: 'next-0001', at: T0, kind: 'command', key: 'zoom:123456789', command: { type: 'next' } };
    expect(sessionWithPending(c.session, KEY, [elsewhere])).toBe(c.session);
  });

  it('hides private notes at once, before the background has stored it', () => {
    const stored = { preparations: [], preferences: DEFAULT_PREFERENCES };
    const view = libraryWithPending(stored, [{ id: 'pref-0001', at: T0, kind: 'library', command: { type: 'preference', name: 'hideNotes', value: true } }]);
    expect(view.preferences.hideNotes).toBe(true);
    // Applied again on a stored state that already has it: still hidden, never flipped back.
    expect(libraryWithPending(view, [{ id: 'pref-0001', at: T0, kind: 'library', command: { type: 'preference', name: 'hideNotes', value: true } }]).preferences.hideNotes).toBe(true);
  });

  it('shows a new preparation first, edits it, and removes a deleted one', () => {
    const prepId = 'prep-0000-0001';
    const view = libraryWithPending({ preparations: [], preferences: DEFAULT_PREFERENCES }, [
      { id: 'lib-0001', at: T0, kind: 'library', command: { type: 'prep-create', prepId, label: 'Sam' } },
      { id: 'lib-0002', at: T0 + 1, kind: 'library', command: { type: 'prep-text', prepId, field: 'outcome', text: 'Backing' } },
    ]);
    expect(view.preparations).toMatchObject([{ id: prepId, label: 'Sam', outcome: 'Backing' }]);
    expect(libraryWithPending(view, [{ id: 'lib-0003', at: T0, kind: 'library', command: { type: 'prep-delete', prepId } }]).preparations).toEqual([]);
  });
});
