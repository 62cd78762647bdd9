import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRecordsAnswer, parseRecordsRequest, recordsRequestId } from '../../utils/session/protocol';
import { BACKUP_MAX_BYTES } from '../../utils/records/backup';

const ID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const CONVERSATION = 'teams:19:meeting_abc@thread.v2/1795510800000';

const VALID = [
  { kind: 'delete', id: ID, conversation: 'meet:abc-defg-hij/1795510800000' },
  { kind: 'delete', id: ID, conversation: 'zoom:123456789/0' },
  { kind: 'delete-everything', id: ID },
  { kind: 'keep-for', id: ID, period: 'forever' },
  { kind: 'keep-for', id: ID, period: '1y' },
  { kind: 'hide-notes', id: ID, hidden: true },
  { kind: 'import', id: ID, text: '' },
  // A backup is measured by itself, not by the 64,000-character cap of every other message.
  { kind: 'import', id: ID, text: 'x'.repeat(BACKUP_MAX_BYTES) },
];

describe('requests the records hub takes', () => {
  it.each(VALID.map((request) => [request.kind, request] as const))('%s', (_, request) => {
    expect(parseRecordsRequest(request)).toEqual(request);
  });

  it('takes the longest conversation id a meeting can have', () => {
    const conversation = `teams:${'a'.repeat(200)}/1795510800000`;
    expect(parseRecordsRequest({ kind: 'delete', id: ID, conversation })).toEqual({ kind: 'delete', id: ID, conversation });
    expect(parseRecordsRequest({ kind: 'delete', id: ID, conversation: CONVERSATION })).toEqual({ kind: 'delete', id: ID, conversation: CONVERSATION });
  });
});

describe('requests it refuses', () => {
  const BAD: [string, unknown][] = [
    ['not an object', 'delete-everything'],
    ['an array', [{ kind: 'delete-everything', id: ID }]],
    ['no id', { kind: 'delete-everything' }],
    ['an id of odd characters', { kind: 'delete-everything', id: 'a b c d e f g h' }],
    ['an id too short', { kind: 'delete-everything', id: 'abc' }],
    ['an unknown kind', { kind: 'drop', id: ID }],
    ['an extra key', { kind: 'delete-everything', id: ID, all: true }],
    ['a conversation without its start', { kind: 'delete', id: ID, conversation: 'meet:abc-defg-hij' }],
    ['a conversation with a start that is no number', { kind: 'delete', id: ID, conversation: 'meet:abc-defg-hij/1e12' }],
    ['a conversation on an unknown platform', { kind: 'delete', id: ID, conversation: 'evil:abc/1' }],
    ['a conversation id far too long', { kind: 'delete', id: ID, conversation: `meet:abc-defg-hij/${'1'.repeat(300)}` }],
    ['a period not on offer', { kind: 'keep-for', id: ID, period: '7d' }],
    ['a setting not a boolean', { kind: 'hide-notes', id: ID, hidden: 1 }],
    ['an import of an object', { kind: 'import', id: ID, text: {} }],
    ['an import over the backup limit', { kind: 'import', id: ID, text: 'x'.repeat(BACKUP_MAX_BYTES + 1) }],
  ];
  it.each(BAD)('%s', (_, raw) => {
    expect(parseRecordsRequest(raw)).toBeNull();
  });

  it('accepts no arbitrary value, and whatever it accepts parses to itself', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        expect(parseRecordsRequest(raw)).toBeNull();
      }),
      { numRuns: 3_000 },
    );
    const mutated = fc.record({
      base: fc.constantFrom(...VALID.filter((request) => request.text === undefined || request.text.length < 10)),
      key: fc.constantFrom('kind', 'id', 'conversation', 'period', 'hidden', 'text', 'extra'),
      value: fc.anything(),
    });
    fc.assert(
      fc.property(mutated, ({ base, key, value }) => {
        const parsed = parseRecordsRequest({ ...base, [key]: value });
        if (parsed) expect(parseRecordsRequest(parsed)).toEqual(parsed);
      }),
      { numRuns: 3_000 },
    );
  });

  it('finds the id to answer a refused request by, when there is one', () => {
    expect(recordsRequestId({ kind: 'drop', id: ID })).toBe(ID);
    expect(recordsRequestId({ kind: 'drop', id: 'x' })).toBeNull();
    expect(recordsRequestId(null)).toBeNull();
  });
});

describe('answers the page takes', () => {
  it.each([
    { kind: 'done', id: ID, status: 'Conversation deleted.' },
    { kind: 'refused', id: ID, reason: 'No.' },
    { kind: 'notice', status: 'Deleted 1 conversation.' },
  ])('%o', (answer) => {
    expect(parseRecordsAnswer(answer)).toEqual(answer);
  });

  it.each([null, { kind: 'done', id: ID }, { kind: 'done', id: ID, status: 1 }, { kind: 'refused', id: ID, status: 'x' }, { kind: 'notice', status: 'x', id: ID }, { kind: 'snapshot' }])(
    'not %o',
    (answer) => {
      expect(parseRecordsAnswer(answer)).toBeNull();
    },
  );
});
