import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../utils/session/limits';
import {
  TICKET_POST,
  parseCommand,
  parseLibraryCommand,
  parseMeetingAnswer,
  parsePanelMessage,
  parseTicketAnswer,
  parseTicketPost,
  parseTicketRequest,
  parseDockSettings,
  parseDockedKey,
  type PanelMessage,
} from '../../utils/session/protocol';

const KEY = 'meet:abc-defg-hij';
const ID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const TICKET = 'q3X-dkT0_hJ1l9m8NnVbWzYxAaBcDeFgHiJkLmNoPqR';
const CADENCE = { frequency: 'custom', custom: 'each sprint', where: 'check-in' };

const VALID_COMMANDS = [
  { type: 'start', minutes: 30 },
  { type: 'start', minutes: 45, template: 'closing' },
  { type: 'start', minutes: 60, template: 'kickoff', preparationId: ID },
  { type: 'start', minutes: 60, preparationId: null },
  { type: 'next' },
  { type: 'previous' },
  { type: 'jump', index: 3 },
  { type: 'pause' },
  { type: 'resume' },
  { type: 'add-minute' },
  { type: 'finish' },
  { type: 'link-preparation', preparationId: ID },
  { type: 'link-preparation', preparationId: null },
  { type: 'capture', field: 'goals', text: 'Delegate 🎯 أكثر' },
  { type: 'capture', field: 'secondConversation', text: '' },
  { type: 'cadence', cadence: CADENCE },
  { type: 'cadence', cadence: null },
  { type: 'park', text: 'Budget' },
  { type: 'unpark', topicId: ID },
  { type: 'note', stepId: 'coachee-goals', text: 'x'.repeat(LIMITS.note) },
  { type: 'next-steps', text: 'Thanks' },
  { type: 'next-steps', text: null },
];

const VALID_LIBRARY = [
  { type: 'prep-create', prepId: ID, label: 'Sam' },
  { type: 'prep-text', prepId: ID, field: 'notes', text: 'Nervous about 360' },
  { type: 'prep-text', prepId: ID, field: 'outcome', text: '' },
  { type: 'prep-check', prepId: ID, item: '360', checked: true },
  { type: 'prep-delete', prepId: ID },
  { type: 'preference', name: 'hideNotes', value: true },
  { type: 'preference', name: 'chime', value: false },
  { type: 'preference', name: 'format', value: 'markdown' },
  { type: 'toggle-hide-notes' },
];

describe('messages the background accepts', () => {
  it.each(VALID_COMMANDS)('command %o', (command) => {
    const message = { kind: 'command', id: ID, key: KEY, command };
    expect(parsePanelMessage(message)).toEqual(message);
  });

  it.each(VALID_LIBRARY)('library command %o', (command) => {
    const message = { kind: 'library', id: ID, command };
    expect(parsePanelMessage(message)).toEqual(message);
  });

  it('open, with its dock ticket', () => {
    expect(parsePanelMessage({ kind: 'open', key: KEY, ticket: TICKET })).toEqual({ kind: 'open', key: KEY, ticket: TICKET });
  });

  it('the dock ticket on its three legs: asked for, answered, handed to the panel frame', () => {
    expect(parseTicketRequest({ kind: 'dock-ticket', key: KEY })).toEqual({ kind: 'dock-ticket', key: KEY });
    expect(parseTicketAnswer({ ticket: TICKET })).toBe(TICKET);
    expect(parseTicketPost({ kind: TICKET_POST, key: KEY, ticket: TICKET })).toEqual({ kind: TICKET_POST, key: KEY, ticket: TICKET });
  });

  it('a content script’s answer naming its meeting', () => {
    expect(parseMeetingAnswer({ key: KEY })).toBe(KEY);
    expect(parseMeetingAnswer({ key: 'https://evil.example' })).toBeNull();
    expect(parseMeetingAnswer({ key: KEY, extra: 1 })).toBeNull();
    expect(parseMeetingAnswer(null)).toBeNull();
  });
});

describe('messages the background refuses', () => {
  const command = (over: Record<string, unknown>) => ({ kind: 'command', id: ID, key: KEY, command: { type: 'next' }, ...over });
  const cmd = (c: Record<string, unknown>) => command({ command: c });
  const lib = (c: Record<string, unknown>) => ({ kind: 'library', id: ID, command: c });
  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'next'],
    ['an array', [{ kind: 'open', key: KEY }]],
    ['an unknown kind', { kind: 'delete', key: KEY }],
    ['open with extra keys', { kind: 'open', key: KEY, admin: true }],
    ['open for a non-meeting key', { kind: 'open', key: 'https://evil.example', ticket: TICKET }],
    ['open without a ticket', { kind: 'open', key: KEY }],
    ['open with a ticket of the wrong shape', { kind: 'open', key: KEY, ticket: `${TICKET}=` }],
    ['open with a ticket that is not a string', { kind: 'open', key: KEY, ticket: { toString: (): string => TICKET } }],
    ['a command with extra keys', command({ extra: 1 })],
    ['a command with a short id', command({ id: 'x' })],
    ['a command with an id of odd characters', command({ id: 'abc def ghi' })],
    ['a command without a key', command({ key: undefined })],
    ['an unknown command', cmd({ type: 'reset' })],
    ['a command with extra fields', cmd({ type: 'next', steps: 3 })],
    ['start with 20 minutes', cmd({ type: 'start', minutes: 20 })],
    ['start with "30"', cmd({ type: 'start', minutes: '30' })],
    ['start with an unknown conversation', cmd({ type: 'start', minutes: 30, template: 'performance-review' })],
    ['start with a bad preparation id', cmd({ type: 'start', minutes: 30, preparationId: '../../x' })],
    ['jump to -1', cmd({ type: 'jump', index: -1 })],
    ['jump to 1.5', cmd({ type: 'jump', index: 1.5 })],
    ['jump to "2"', cmd({ type: 'jump', index: '2' })],
    ['capture of an unknown field', cmd({ type: 'capture', field: 'salary', text: 'x' })],
    ['capture that is not text', cmd({ type: 'capture', field: 'goals', text: 42 })],
    ['capture over its limit', cmd({ type: 'capture', field: 'goals', text: 'x'.repeat(LIMITS.capture + 1) })],
    ['a note over its limit', cmd({ type: 'note', stepId: 'welcome', text: 'x'.repeat(LIMITS.note + 1) })],
    ['a note for an odd step id', cmd({ type: 'note', stepId: '__proto__', text: 'x' })],
    ['a parked topic over its limit', cmd({ type: 'park', text: 'x'.repeat(LIMITS.parkedTopic + 1) })],
    ['a cadence of an unknown frequency', cmd({ type: 'cadence', cadence: { ...CADENCE, frequency: 'hourly' } })],
    ['a cadence with extra fields', cmd({ type: 'cadence', cadence: { ...CADENCE, attendees: ['a@b.c'] } })],
    ['a cadence with an unknown place', cmd({ type: 'cadence', cadence: { ...CADENCE, where: 'pub' } })],
    ['next steps of the wrong type', cmd({ type: 'next-steps', text: ['a'] })],
    ['a library command for an unknown preference', lib({ type: 'preference', name: 'telemetry', value: true })],
    ['a preference of the wrong type', lib({ type: 'preference', name: 'chime', value: 'yes' })],
    ['a checklist item that does not exist', lib({ type: 'prep-check', prepId: ID, item: 'salary', checked: true })],
    ['a preparation text for an unknown field', lib({ type: 'prep-text', prepId: ID, field: 'createdAt', text: '1' })],
    ['preparation notes over the limit', lib({ type: 'prep-text', prepId: ID, field: 'notes', text: 'x'.repeat(LIMITS.prepNotes + 1) })],
    ['a library message with a key', { kind: 'library', id: ID, key: KEY, command: { type: 'toggle-hide-notes' } }],
    ['an oversized message', { kind: 'open', key: KEY, ticket: TICKET, padding: 'x'.repeat(70_000) }],
    ['a command of the wrong shape', cmd('next' as never)],
  ])('%s', (_, raw) => {
    expect(parsePanelMessage(raw)).toBeNull();
  });

  it('a cyclic object', () => {
    const raw: Record<string, unknown> = { kind: 'open', key: KEY, ticket: TICKET };
    raw.self = raw;
    expect(parsePanelMessage(raw)).toBeNull();
  });
});

/** Checks a parsed message field by field, independently of the parser. */
function expectWellFormed(message: PanelMessage) {
  expect(['open', 'open-conversations', 'command', 'library']).toContain(message.kind);
  if (message.kind === 'open-conversations') return expect(Object.keys(message)).toEqual(['kind']);
  if (message.kind !== 'library') expect(message.key).toMatch(/^(meet|zoom|teams|practice):/);
  if (message.kind === 'open') return;
  expect(message.id).toMatch(/^[\w-]{8,64}$/);
  const command = message.command as Record<string, unknown>;
  for (const value of Object.values(command)) {
    if (typeof value === 'string') expect(value.length).toBeLessThanOrEqual(LIMITS.nextSteps);
  }
  if (message.kind === 'command') expect(parseCommand(command)).toEqual(command);
  else expect(parseLibraryCommand(command)).toEqual(command);
}

describe('dock-ticket messages refused', () => {
  it.each([
    ['a request for a non-meeting key', () => parseTicketRequest({ kind: 'dock-ticket', key: 'https://evil.example' })],
    ['a request with extra keys', () => parseTicketRequest({ kind: 'dock-ticket', key: KEY, tab: 3 })],
    ['an answer without a ticket', () => parseTicketAnswer({ ticket: null })],
    ['an answer that is no object', () => parseTicketAnswer(TICKET)],
    ['a post of another kind', () => parseTicketPost({ kind: 'dock-ticket', key: KEY, ticket: TICKET })],
    ['a post with a short ticket', () => parseTicketPost({ kind: TICKET_POST, key: KEY, ticket: TICKET.slice(1) })],
    ['a post for a non-meeting key', () => parseTicketPost({ kind: TICKET_POST, key: 'x', ticket: TICKET })],
  ])('%s', (_, parse) => {
    expect(parse()).toBeNull();
  });
});

describe('generated messages', () => {
  it('arbitrary values: never throws, and anything accepted is well formed and parses to itself', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withTypedArray: true }), (raw) => {
        const parsed = parsePanelMessage(raw);
        if (parsed) {
          accepted++;
          expectWellFormed(parsed);
        }
      }),
      { numRuns: 5_000 },
    );
    expect(accepted).toBeLessThan(50);
  });

  it('valid messages with random changes: each accepted one is well formed and nothing else slips through', () => {
    const valid = fc.constantFrom(
      { kind: 'open', key: KEY, ticket: TICKET } as Record<string, unknown>,
      ...VALID_COMMANDS.map((command) => ({ kind: 'command', id: ID, key: KEY, command })),
      ...VALID_LIBRARY.map((command) => ({ kind: 'library', id: ID, command })),
    );
    const change = fc.record({
      inCommand: fc.boolean(),
      field: fc.constantFrom('kind', 'key', 'id', 'type', 'minutes', 'index', 'text', 'field', 'cadence', 'value', 'name', 'extra', '__proto__'),
      value: fc.oneof(fc.constant(undefined), fc.anything({ maxDepth: 2 }), fc.string({ maxLength: 9_000 })),
    });
    const outcomes = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(valid, fc.array(change, { minLength: 1, maxLength: 3 }), (base, changes) => {
        const message = structuredClone(base);
        for (const { inCommand, field, value } of changes) {
          const target = (inCommand && typeof message.command === 'object' && message.command ? message.command : message) as Record<string, unknown>;
          if (value === undefined) delete target[field];
          else target[field] = value;
        }
        const parsed = parsePanelMessage(message);
        if (parsed) {
          outcomes.accepted++;
          expectWellFormed(parsed);
        } else {
          outcomes.refused++;
        }
      }),
      { numRuns: 5_000 },
    );
    // Both outcomes are exercised: some changes keep a message valid, most do not.
    expect(outcomes.accepted).toBeGreaterThan(50);
    expect(outcomes.refused).toBeGreaterThan(2_500);
  });
});

describe('what the dock reads from the background', () => {
  it('the panel settings, from the background’s answer or a tab message', () => {
    expect(parseDockSettings({ position: 'left', compact: true })).toEqual({ position: 'left', compact: true });
    expect(parseDockSettings({ kind: 'dock-settings', position: 'side-panel', compact: false })).toEqual({ position: 'side-panel', compact: false });
    expect(parseDockSettings({ position: 'right', compact: 'yes' })).toEqual({ position: 'right', compact: false });
    for (const bad of [null, 'left', { position: 'top' }, {}]) expect(parseDockSettings(bad)).toBeNull();
  });

  it('the session docked by hand', () => {
    expect(parseDockedKey({ key: 'teams:here-1' })).toBe('teams:here-1');
    for (const bad of [null, { key: null }, { key: 'https://evil.example' }, 'teams:here-1']) expect(parseDockedKey(bad)).toBeNull();
  });
});
