import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../utils/session/preferences';
import {
  BACKUP_MAX_BYTES,
  backupFilename,
  backupSizeProblem,
  buildBackup,
  parseBackup,
  serializeBackup,
  type Backup,
  type BackupSettings,
} from '../../utils/records/backup';
import type { Preparation } from '../../utils/session/preparation';
import type { Session } from '../../utils/session/session';
import { sessionProblem } from '../../utils/session/stored-records';
import { MIN, T0 } from './conversation';
import { DAY, preparation, recorded } from './records-fixtures';

const SETTINGS: BackupSettings = { ...DEFAULT_PREFERENCES, hideNotes: true, keepFor: '90d' };

function backupOf(conversations: Session[], preparations: Preparation[] = []): Backup {
  return buildBackup({ conversations, preparations, settings: SETTINGS }, T0);
}

function sample(): Backup {
  return backupOf(
    [recorded({ goals: 'Delegate', notes: { welcome: 'private' } }), recorded({ key: 'zoom:123456789', template: 'closing', startedAt: T0 + DAY, prepId: 'prep-sam-0001' })],
    [preparation('prep-sam-0001', 'Sam', { notes: 'prep notes' })],
  );
}

const reason = (text: string) => {
  const result = parseBackup(text);
  return result.ok ? null : result.reason;
};

describe('a backup file', () => {
  it('has its schema, version, time of export, every record and the settings, and a dated name', () => {
    const backup = sample();
    expect(backup).toMatchObject({ schema: 'alignment-companion-backup', version: 1, exportedAt: new Date(T0).toISOString(), settings: SETTINGS });
    expect(backup.conversations).toHaveLength(2);
    // Everything by design, private notes too: it is the coach's own copy.
    expect(serializeBackup(backup)).toContain('prep notes');
    expect(serializeBackup(backup)).toContain('"welcome":"private"');
    expect(backupFilename(Date.UTC(2027, 2, 5, 12))).toBe('alignment-companion-backup-2027-03-05.json');
  });

  it('reads back the same records', () => {
    const backup = sample();
    expect(parseBackup(serializeBackup(backup))).toEqual({ ok: true, backup });
  });

  it('refuses what is not JSON, not ours, or from a newer version, each in one sentence', () => {
    expect(reason('{"schema": "alignment-companion-backup",')).toBe('This file is not a backup: it is not valid JSON.');
    expect(reason('')).toMatch(/not valid JSON/);
    expect(reason('[1,2]')).toBe('This file is not an Alignment Companion backup.');
    expect(reason(JSON.stringify({ ...sample(), schema: 'other' }))).toMatch(/not an Alignment Companion backup/);
    expect(reason(JSON.stringify({ ...sample(), version: '1' }))).toMatch(/not an Alignment Companion backup/);
    expect(reason(JSON.stringify({ ...sample(), version: 2 }))).toBe(
      'This backup was made by a newer version of Alignment Companion; update the extension to restore it.',
    );
    expect(reason(JSON.stringify({ ...sample(), conversations: {} }))).toMatch(/damaged: its list of conversations or preparations is missing/);
  });

  it('refuses a file over the limit, and says the limit', () => {
    expect(backupSizeProblem(BACKUP_MAX_BYTES)).toBeNull();
    expect(backupSizeProblem(BACKUP_MAX_BYTES + 1)).toBe('This file is larger than 20 MB, the most a backup can be.');
    expect(reason(' '.repeat(BACKUP_MAX_BYTES + 1))).toMatch(/larger than 20 MB/);
    // Counted in bytes as the file is: 7 million three-byte characters is 21 MB.
    expect(reason('€'.repeat(7_000_000))).toMatch(/larger than 20 MB/);
  });

  it('names the damaged record and why, and takes nothing from the file', () => {
    const backup = sample();
    const broken = structuredClone(backup) as unknown as { conversations: Record<string, unknown>[]; preparations: Record<string, unknown>[] };
    broken.conversations[1]!.agenda = 'gone';
    expect(reason(JSON.stringify(broken))).toBe(
      'Conversation 2 of 2 in this file cannot be restored (its agenda is missing or damaged), so nothing was imported.',
    );
    const prep = structuredClone(backup) as unknown as typeof broken;
    prep.preparations[0]!.checked = ['not-an-item'];
    expect(reason(JSON.stringify(prep))).toMatch(/^Preparation 1 of 1 in this file cannot be restored \(its checklist is damaged\)/);
  });

  it('refuses text longer than the panel could ever have stored', () => {
    const long = sample();
    long.conversations[0] = { ...long.conversations[0]!, notes: { welcome: 'x'.repeat(2_001) } };
    expect(reason(JSON.stringify(long))).toMatch(/Conversation 1 of 2 .*a private note is longer than the extension allows/);
    const label = sample();
    label.preparations[0] = { ...label.preparations[0]!, label: 'x'.repeat(61) };
    expect(reason(JSON.stringify(label))).toMatch(/its label is longer/);
    const parked = sample();
    parked.conversations[0] = { ...parked.conversations[0]!, parked: Array.from({ length: 31 }, (_, i) => ({ id: `t${i}`, text: 't' })) };
    expect(reason(JSON.stringify(parked))).toMatch(/more parked topics/);
  });

  it('falls back value by value for damaged settings, as stored ones do', () => {
    const result = parseBackup(JSON.stringify({ ...sample(), settings: { hideNotes: 'yes', chime: true, format: 'markdown', keepFor: '2y' } }));
    expect(result).toMatchObject({ ok: true, backup: { settings: { hideNotes: false, chime: true, format: 'markdown', keepFor: '1y' } } });
    expect(parseBackup(JSON.stringify({ ...sample(), settings: undefined }))).toMatchObject({ ok: true, backup: { settings: { keepFor: '1y' } } });
  });

  it('drops an extra setting that is not a preference (nothing else rides along)', () => {
    const result = parseBackup(JSON.stringify({ ...sample(), settings: { ...SETTINGS, dockTicketKey: 'abc' } }));
    expect(result.ok && Object.keys(result.backup.settings).sort()).toEqual(['chime', 'compactDock', 'format', 'hideNotes', 'keepFor', 'panelPosition']);
  });
});

describe('backup validation over generated files', () => {
  const texts = fc.string({ unit: fc.constantFrom(...'ab *#\n-é€'.split('')), maxLength: 40 });
  const conversations = fc.array(
    fc.record({
      key: fc.constantFrom('meet:abc-defg-hij', 'zoom:123456789', 'teams:19:meeting_x@thread.v2', 'practice:rehearsal'),
      template: fc.constantFrom('kickoff' as const, 'closing' as const),
      day: fc.integer({ min: -800, max: 0 }),
      goals: texts,
      support: texts,
      note: texts,
      steps: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 7 }),
      finished: fc.boolean(),
    }),
    { maxLength: 6 },
  ).map((specs) =>
    specs.map((spec) =>
      recorded({
        key: spec.key,
        template: spec.template,
        startedAt: T0 + spec.day * DAY,
        goals: spec.goals,
        support: spec.support,
        notes: { welcome: spec.note },
        stepMinutes: spec.steps,
        finished: spec.finished,
      }),
    ),
  );
  const preparations = fc.array(
    fc.record({ id: fc.stringMatching(/^[\w-]{8,20}$/), label: texts, notes: texts }).map((p) => preparation(p.id, p.label, { notes: p.notes })),
    { maxLength: 5 },
  );
  const good = fc.tuple(conversations, preparations).map(([c, p]) => backupOf(c, p));

  it('accepts every good file, records unchanged', () => {
    fc.assert(
      fc.property(good, (backup) => {
        expect(parseBackup(serializeBackup(backup))).toEqual({ ok: true, backup });
      }),
    );
  });

  it('refuses a file with any required field of any record removed, naming that record', () => {
    const damaged = good
      .filter((backup) => backup.conversations.length + backup.preparations.length > 0)
      .chain((backup) => {
        const records = [...backup.conversations.map((_, i) => ['conversations', i] as const), ...backup.preparations.map((_, i) => ['preparations', i] as const)];
        return fc.tuple(fc.constant(backup), fc.constantFrom(...records), fc.nat());
      });
    fc.assert(
      fc.property(damaged, ([backup, [list, index], pick]) => {
        const copy = structuredClone(backup);
        const record = copy[list][index] as unknown as Record<string, unknown>;
        // `template` is optional: conversations stored before issue 12 have none.
        const fields = Object.keys(record).filter((field) => field !== 'template');
        delete record[fields[pick % fields.length]!];
        const result = parseBackup(JSON.stringify(copy));
        expect(result.ok).toBe(false);
        const noun = list === 'conversations' ? 'Conversation' : 'Preparation';
        if (!result.ok) expect(result.reason).toMatch(new RegExp(`^${noun} ${index + 1} of ${copy[list].length} in this file cannot be restored \\(.+\\), so nothing was imported\\.$`));
      }),
    );
  });

  it('never throws on any text or JSON, and refuses anything that is not a backup with one sentence', () => {
    const anything = fc.oneof(
      fc.string(),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.jsonValue().map((value) => JSON.stringify({ schema: 'alignment-companion-backup', version: 1, exportedAt: 'x', conversations: [value], preparations: [] })),
      fc.jsonValue().map((value) => JSON.stringify({ schema: 'alignment-companion-backup', version: 1, exportedAt: 'x', conversations: [], preparations: [value] })),
      good.chain((backup) => fc.nat(serializeBackup(backup).length).map((cut) => serializeBackup(backup).slice(0, cut))),
    );
    fc.assert(
      fc.property(anything, (text) => {
        const result = parseBackup(text);
        if (!result.ok) {
          expect(result.reason).toMatch(/^[A-Z][^\n]*\.$/);
          expect(result.reason.split('. ')).toHaveLength(1);
        } else {
          // Only a whole good file, or an empty one, gets through.
          expect(result.backup.conversations.every((c) => sessionProblem(c) === null)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a finished conversation’s end and times through the file', () => {
    const conversation = recorded({ stepMinutes: [1, 2, 3] });
    const result = parseBackup(serializeBackup(backupOf([conversation])));
    expect(result.ok && result.backup.conversations[0]).toMatchObject({ endedAt: T0 + 6 * MIN, spentMs: [MIN, 2 * MIN, 3 * MIN, 0, 0, 0, 0] });
  });
});
