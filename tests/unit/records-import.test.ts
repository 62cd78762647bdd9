import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../utils/session/preferences';
import { buildBackup, type Backup } from '../../utils/records/backup';
import { conversationId } from '../../utils/records/conversation';
import { importCounts, importStatus, planImport, type ExistingRecords } from '../../utils/records/import';
import type { Preparation } from '../../utils/session/preparation';
import type { Session } from '../../utils/session/session';
import { T0 } from './conversation';
import { DAY, preparation, recorded } from './records-fixtures';


function backupOf(conversations: Session[], preparations: Preparation[] = []): Backup {
  return buildBackup({ conversations, preparations, settings: { ...DEFAULT_PREFERENCES, keepFor: '1y' } }, T0);
}

function existing(conversations: Session[] = [], preparations: Preparation[] = [], overrides: Partial<ExistingRecords> = {}): ExistingRecords {
  return {
    conversationIds: new Set(conversations.map(conversationId)),
    currentKeys: new Set(conversations.map((c) => c.key)),
    preparationIds: new Set(preparations.map((p) => p.id)),
    keepFor: '1y',
    ...overrides,
  };
}

describe('planning an import', () => {
  it('adds what is new, skips and counts what is already here, and never lists a record twice', () => {
    const here = recorded({ startedAt: T0 });
    const older = recorded({ startedAt: T0 - 30 * DAY });
    const other = recorded({ key: 'zoom:123456789', startedAt: T0 - 2 * DAY });
    const sam = preparation('prep-sam-0001', 'Sam');
    const kim = preparation('prep-kim-0001', 'Kim');
    const result = planImport(backupOf([here, older, other, other], [sam, kim]), existing([here], [sam]), T0);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // This meeting already has a current conversation: the older one is archived. The other meeting had none.
    expect(result.plan.current).toEqual([other]);
    expect(result.plan.archived).toEqual([older]);
    expect(result.plan.preparations).toEqual([kim]);
    expect(result.plan.skipped).toBe(3);
    expect(importCounts(result.plan)).toEqual({ conversations: 2, preparations: 1, skipped: 3, expiring: 0 });
  });

  it('makes the newest conversation of a meeting with none current, so rejoining it resumes', () => {
    const first = recorded({ startedAt: T0 - 90 * DAY });
    const second = recorded({ startedAt: T0 - DAY });
    const result = planImport(backupOf([first, second]), existing(), T0);
    expect(result).toMatchObject({ ok: true, plan: { current: [second], archived: [first] } });
  });

  it('refuses the whole file when it would take preparations past the limit', () => {
    const here = Array.from({ length: 45 }, (_, i) => preparation(`prep-here-${String(i).padStart(3, '0')}`, `H${i}`));
    const incoming = Array.from({ length: 6 }, (_, i) => preparation(`prep-new-${String(i).padStart(3, '0')}`, `N${i}`));
    expect(planImport(backupOf([], incoming), existing([], here), T0)).toEqual({
      ok: false,
      reason: 'Nothing was imported: this backup would bring your preparations to 51, more than the 50 you can keep.',
    });
    // Those already here do not count twice.
    expect(planImport(backupOf([], [...here.slice(0, 5), ...incoming.slice(0, 5)]), existing([], here), T0).ok).toBe(true);
  });

  it('counts new records already past the retention period', () => {
    const old = recorded({ startedAt: T0 - 100 * DAY });
    const recent = recorded({ key: 'zoom:123456789', startedAt: T0 - DAY });
    const stale = preparation('prep-old-0001', 'Old', { updatedAt: T0 - 95 * DAY });
    const plan = planImport(backupOf([old, recent], [stale]), existing([], [], { keepFor: '90d' }), T0);
    expect(plan.ok && plan.plan.expiring).toBe(2);
    const forever = planImport(backupOf([old, recent], [stale]), existing([], [], { keepFor: 'forever' }), T0);
    expect(forever.ok && forever.plan.expiring).toBe(0);
  });

  it('hands the settings on for the store to write where none are stored', () => {
    const plan = planImport(backupOf([]), existing(), T0);
    expect(plan.ok && plan.plan.settings).toEqual({ ...DEFAULT_PREFERENCES, keepFor: '1y' });
  });
});

describe('the status sentence', () => {
  it('says what was imported and what was already here', () => {
    expect(importStatus({ conversations: 12, preparations: 5, skipped: 3, expiring: 0 })).toBe('Imported 12 conversations and 5 preparations; 3 already here.');
    expect(importStatus({ conversations: 1, preparations: 1, skipped: 0, expiring: 0 })).toBe('Imported 1 conversation and 1 preparation.');
    expect(importStatus({ conversations: 2, preparations: 0, skipped: 0, expiring: 1 })).toBe(
      'Imported 2 conversations and 0 preparations; 1 older than you keep records, so the next clean-up removes it.',
    );
    expect(importStatus({ conversations: 0, preparations: 0, skipped: 7, expiring: 0 })).toBe('Nothing new: all 7 records in this backup are already here.');
    expect(importStatus({ conversations: 0, preparations: 0, skipped: 1, expiring: 0 })).toBe('Nothing new: the one record in this backup is already here.');
    expect(importStatus({ conversations: 0, preparations: 0, skipped: 0, expiring: 0 })).toBe('This backup holds no conversations or preparations.');
  });
});
