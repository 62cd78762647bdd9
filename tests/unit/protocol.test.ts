import { describe, expect, it } from 'vitest';
import { parsePanelMessage } from '../../utils/protocol';

const KEY = 'meet:abc-defg-hij';
const ID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

describe('messages the background accepts', () => {
  it.each([
    { type: 'start', minutes: 30 },
    { type: 'start', minutes: 45 },
    { type: 'start', minutes: 60 },
    { type: 'next' },
    { type: 'previous' },
    { type: 'jump', index: 3 },
    { type: 'pause' },
    { type: 'resume' },
  ])('command %o', (command) => {
    const message = { kind: 'command', id: ID, key: KEY, command };
    expect(parsePanelMessage(message)).toEqual(message);
  });

  it('open', () => {
    expect(parsePanelMessage({ kind: 'open', key: KEY })).toEqual({ kind: 'open', key: KEY });
  });
});

describe('messages the background refuses', () => {
  const command = (over: Record<string, unknown>) => ({ kind: 'command', id: ID, key: KEY, command: { type: 'next' }, ...over });
  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'next'],
    ['an array', [{ kind: 'open', key: KEY }]],
    ['an unknown kind', { kind: 'delete', key: KEY }],
    ['open with extra keys', { kind: 'open', key: KEY, admin: true }],
    ['open for a non-meeting key', { kind: 'open', key: 'https://evil.example' }],
    ['a command with extra keys', command({ extra: 1 })],
    ['a command with a short id', command({ id: 'x' })],
    ['a command with an id of odd characters', command({ id: 'abc def ghi' })],
    ['a command without a key', command({ key: undefined })],
    ['an unknown command', command({ command: { type: 'reset' } })],
    ['a command with extra fields', command({ command: { type: 'next', steps: 3 } })],
    ['start with 20 minutes', command({ command: { type: 'start', minutes: 20 } })],
    ['start with "30"', command({ command: { type: 'start', minutes: '30' } })],
    ['jump to -1', command({ command: { type: 'jump', index: -1 } })],
    ['jump to 1.5', command({ command: { type: 'jump', index: 1.5 } })],
    ['jump to "2"', command({ command: { type: 'jump', index: '2' } })],
    ['an oversized message', { kind: 'open', key: KEY, padding: 'x'.repeat(10_000) }],
    ['a command of the wrong shape', command({ command: 'next' })],
  ])('%s', (_, raw) => {
    expect(parsePanelMessage(raw)).toBeNull();
  });

  it('a cyclic object', () => {
    const raw: Record<string, unknown> = { kind: 'open', key: KEY };
    raw.self = raw;
    expect(parsePanelMessage(raw)).toBeNull();
  });
});

describe('thousands of generated messages', () => {
  // A small deterministic generator: the same messages every run, so a failure reproduces.
  function random(seed: number) {
    return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  }
  const pick = <T>(next: () => number, items: T[]) => items[Math.floor(next() * items.length)]!;
  function value(next: () => number, depth = 0): unknown {
    const atoms = [null, undefined, 0, -1, 1.5, 30, 45, 60, 2 ** 53, NaN, '', 'next', 'open', 'command', KEY, ID, true, false];
    if (depth > 2 || next() < 0.4) return pick(next, atoms);
    if (next() < 0.2) return [value(next, depth + 1), value(next, depth + 1)];
    const keys = ['kind', 'key', 'id', 'command', 'type', 'minutes', 'index', '__proto__', 'constructor', 'x'];
    const out: Record<string, unknown> = {};
    for (let i = 0, n = Math.floor(next() * 5); i < n; i++) out[pick(next, keys)] = value(next, depth + 1);
    return out;
  }

  const VALID = [
    { kind: 'open', key: KEY },
    { kind: 'command', id: ID, key: KEY, command: { type: 'next' } },
    { kind: 'command', id: ID, key: KEY, command: { type: 'start', minutes: 45 } },
    { kind: 'command', id: ID, key: KEY, command: { type: 'jump', index: 2 } },
  ];
  /** A valid message with up to two random changes: a field dropped, replaced or added. */
  function mutated(next: () => number): unknown {
    const message = structuredClone(pick(next, VALID)) as Record<string, unknown>;
    for (let i = 0, n = Math.floor(next() * 3); i < n; i++) {
      const target = (next() < 0.5 && typeof message.command === 'object' ? message.command : message) as Record<string, unknown>;
      const field = pick(next, [...Object.keys(target), 'extra', 'type', 'minutes', 'index']);
      const change = next();
      if (change < 0.3) delete target[field];
      else target[field] = value(next, 2);
    }
    return message;
  }

  it('never throws, and anything accepted is well formed', () => {
    const next = random(42);
    let accepted = 0;
    for (let i = 0; i < 5_000; i++) {
      const raw = i % 2 ? value(next) : mutated(next);
      const parsed = parsePanelMessage(raw);
      if (parsed === null) continue;
      accepted++;
      expect(['open', 'command']).toContain(parsed.kind);
      expect(parsed.key).toBe(KEY);
      if (parsed.kind === 'command') {
        expect(parsed.id).toBe(ID);
        const { command } = parsed;
        expect(['start', 'next', 'previous', 'jump', 'pause', 'resume']).toContain(command.type);
        if (command.type === 'start') expect([30, 45, 60]).toContain(command.minutes);
        if (command.type === 'jump') expect(Number.isInteger(command.index) && command.index >= 0).toBe(true);
      }
    }
    // Both outcomes are exercised: some generated messages pass, most are refused.
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(4_000);
  });
});
