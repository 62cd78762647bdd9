import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../utils/session/limits';
import { DEFAULT_PREFERENCES, applyPreferenceCommand } from '../../utils/session/preferences';
import { PREP_CHECKLIST, PREP_QUESTIONS, applyPrepCommand, prepTitle, type Preparation } from '../../utils/session/preparation';
import { T0 } from './conversation';

const ID = 'prep-0000-0001';

function created(label = 'Sam'): Preparation {
  const prep = applyPrepCommand(undefined, 0, { type: 'prep-create', prepId: ID, label }, T0);
  if (!prep || typeof prep === 'string') throw new Error('not created');
  return prep;
}

describe('a preparation', () => {
  it('holds the guide’s four checklist points and three sample questions', () => {
    expect(PREP_CHECKLIST.map((item) => item.id)).toEqual(['relationship', 'goals', '360', 'outcome']);
    expect(PREP_QUESTIONS).toHaveLength(3);
    expect(PREP_QUESTIONS.join(' ')).toMatch(/supported/);
  });

  it('is created empty, once: a retried create changes nothing', () => {
    const prep = created('  Sam  ');
    expect(prep).toEqual({ id: ID, label: 'Sam', checked: [], outcome: '', notes: '', createdAt: T0, updatedAt: T0 });
    expect(applyPrepCommand(prep, 1, { type: 'prep-create', prepId: ID, label: 'Other' }, T0 + 1)).toBe(prep);
  });

  it('stores text within its limits and ticks items in the checklist’s order, each once', () => {
    let prep = created();
    prep = applyPrepCommand(prep, 1, { type: 'prep-text', prepId: ID, field: 'notes', text: 'x'.repeat(LIMITS.prepNotes + 5) }, T0 + 1) as Preparation;
    expect(prep.notes).toHaveLength(LIMITS.prepNotes);
    expect(prep.updatedAt).toBe(T0 + 1);
    for (const item of ['outcome', 'relationship', 'outcome'] as const) {
      prep = applyPrepCommand(prep, 1, { type: 'prep-check', prepId: ID, item, checked: true }, T0) as Preparation;
    }
    expect(prep.checked).toEqual(['relationship', 'outcome']);
    prep = applyPrepCommand(prep, 1, { type: 'prep-check', prepId: ID, item: 'relationship', checked: false }, T0) as Preparation;
    expect(prep.checked).toEqual(['outcome']);
  });

  it('is deleted, and a retried delete is harmless; editing a deleted one says so', () => {
    expect(applyPrepCommand(created(), 1, { type: 'prep-delete', prepId: ID }, T0)).toBeNull();
    expect(applyPrepCommand(undefined, 0, { type: 'prep-delete', prepId: ID }, T0)).toBeNull();
    expect(applyPrepCommand(undefined, 0, { type: 'prep-text', prepId: ID, field: 'notes', text: 'x' }, T0)).toMatch(/deleted/);
  });

  it('stops at the limit of preparations kept', () => {
    expect(applyPrepCommand(undefined, LIMITS.preparations, { type: 'prep-create', prepId: ID, label: '' }, T0)).toMatch(/delete an old one/);
  });

  it('is named by its label, or by its date', () => {
    expect(prepTitle(created('Sam'))).toBe('Sam');
    expect(prepTitle(created(''), 'en-US')).toBe(`Preparation of ${new Date(T0).toLocaleDateString('en-US')}`);
  });
});

describe('preferences', () => {
  it('start with notes shown, no chime, plain text', () => {
    expect(DEFAULT_PREFERENCES).toEqual({ hideNotes: false, chime: false, format: 'plain', panelPosition: 'right', compactDock: false });
  });

  it('set a value, and the shortcut toggles hiding notes', () => {
    const hidden = applyPreferenceCommand(DEFAULT_PREFERENCES, { type: 'toggle-hide-notes' });
    expect(hidden.hideNotes).toBe(true);
    expect(applyPreferenceCommand(hidden, { type: 'toggle-hide-notes' }).hideNotes).toBe(false);
    expect(applyPreferenceCommand(DEFAULT_PREFERENCES, { type: 'preference', name: 'format', value: 'markdown' }).format).toBe('markdown');
  });
});
