import { describe, expect, it } from 'vitest';
import { callIdFrom, callKey, callPath, newCallId, recentCallLabel, recentCalls } from '../../utils/meeting/desk-call';
import { isSessionKey } from '../../utils/meeting/meeting-identity';
import { platformOf } from '../../utils/records/conversation';
import { MIN, T0 } from './conversation';
import { DAY, recorded } from './records-fixtures';

describe('a call’s id in the page address', () => {
  it('is read back from the query', () => {
    expect(callIdFrom('?call=mf3k2a-0a1b2c3d4e5f')).toBe('mf3k2a-0a1b2c3d4e5f');
    expect(callIdFrom('?x=1&call=abc')).toBe('abc');
  });

  it.each(['', '?', '?call=', '?call=ABC', '?call=a%2Fb', '?call=-abc', '?call=a:b', `?call=${'a'.repeat(65)}`, '?call=%3Cscript%3E'])(
    'is refused in %j, so the page makes a new one',
    (search) => {
      expect(callIdFrom(search)).toBeNull();
    },
  );

  it('a new id is one the page reads back, and makes a session key the background accepts', () => {
    const id = newCallId(T0, new Uint8Array([0, 1, 2, 254, 255, 16, 99]));
    expect(id).toBe(`${T0.toString(36)}-000102feff10`);
    expect(callIdFrom(`?call=${id}`)).toBe(id);
    expect(callKey(id)).toBe(`desk:${id}`);
    expect(isSessionKey(callKey(id))).toBe(true);
    expect(platformOf(callKey(id))).toBe('desk');
    expect(callIdFrom(new URL(callPath(id), 'chrome-extension://x').search)).toBe(id);
  });

  it('ids made later sort later', () => {
    const random = new Uint8Array(6);
    expect(newCallId(T0, random) < newCallId(T0 + 1000, random)).toBe(true);
  });
});

describe('recent calls outside the browser', () => {
  const desk = (id: string, startedAt: number, extra: Parameters<typeof recorded>[0] = {}) =>
    recorded({ key: `desk:${id}`, startedAt, ...extra });

  it('lists only desk calls, last worked on first, without the one on screen', () => {
    const list = recentCalls(
      [
        desk('older', T0 - 2 * DAY, { finished: false }),
        recorded({ key: 'meet:abc-defg-hij', startedAt: T0 }),
        desk('newer', T0 - DAY, { template: 'closing', finished: true }),
        desk('current', T0),
        recorded({ key: 'practice:rehearsal', startedAt: T0 }),
      ],
      'current',
    );
    expect(list).toEqual([
      { id: 'newer', kind: 'Closing', startedAt: T0 - DAY, finished: true },
      { id: 'older', kind: 'Kickoff', startedAt: T0 - 2 * DAY, finished: false },
    ]);
  });

  it('orders by the last change, not the start: a call resumed today comes first', () => {
    const resumed = { ...desk('resumed', T0 - 10 * DAY), updatedAt: T0 + MIN };
    const list = recentCalls([desk('yesterday', T0 - DAY), resumed], 'none');
    expect(list.map((call) => call.id)).toEqual(['resumed', 'yesterday']);
  });

  it('keeps the last few, and leaves out a stored key whose id the page would refuse', () => {
    const many = Array.from({ length: 8 }, (_, i) => desk(`call-${i}`, T0 + i * MIN));
    expect(recentCalls([...many, desk('Bad', T0 + DAY)], 'none').map((call) => call.id)).toEqual(['call-7', 'call-6', 'call-5', 'call-4', 'call-3']);
    expect(recentCalls(many, 'none', 2)).toHaveLength(2);
  });

  it('names each by its kind and its start, in the coach’s locale', () => {
    const label = recentCallLabel({ id: 'x', kind: 'Kickoff', startedAt: Date.UTC(2026, 10, 27, 12, 0), finished: false }, 'en-GB');
    expect(label).toMatch(/^Kickoff, 27 Nov 2026, \d\d:\d\d$/);
    expect(recentCallLabel({ id: 'x', kind: 'Closing', startedAt: 0, finished: true }, 'en-GB')).toMatch(/^Closing, .+, finished$/);
  });
});
