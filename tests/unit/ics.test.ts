import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Cadence } from '../../utils/session/capture';
import { canMakeReminder, checkInReminder, escapeText, fold } from '../../utils/outputs/ics';

// A Tuesday, 14:30 local time, whatever zone the tests run in.
const STARTED = new Date(2026, 10, 24, 14, 30, 12).getTime();
const NOW = Date.UTC(2026, 10, 24, 15, 0, 0);
const cadence = (frequency: Cadence['frequency']): Cadence => ({ frequency, custom: '', where: 'one-on-one' });

function reminder(frequency: Cadence['frequency'], description = 'Check in on the coaching goals.') {
  return checkInReminder({ cadence: cadence(frequency), startedAt: STARTED, now: NOW, uid: 'meet:abc-defg-hij-1@alignment-companion', title: 'Check-in on coaching goals', description });
}

function firstEvent(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
}

describe('the check-in reminder', () => {
  it.each([
    ['weekly', 7, 'FREQ=WEEKLY;INTERVAL=1;COUNT=12'],
    ['biweekly', 14, 'FREQ=WEEKLY;INTERVAL=2;COUNT=8'],
  ] as const)('%s: first one %i days after the conversation, same time of day, repeating', (frequency, days, rule) => {
    const text = reminder(frequency);
    expect(text).toContain(`RRULE:${rule}\r\n`);
    const event = firstEvent(text);
    const start = event.startDate.toJSDate();
    expect(start.getTime()).toBe(new Date(2026, 10, 24 + days, 14, 30, 0).getTime());
    expect(event.endDate.toJSDate().getTime() - start.getTime()).toBe(30 * 60_000);
    expect(event.summary).toBe('Check-in on coaching goals');
    // Expanding the recurrence gives evenly spaced check-ins.
    const it = event.iterator();
    const first = it.next()!.toJSDate();
    const second = it.next()!.toJSDate();
    expect((second.getTime() - first.getTime()) / 86_400_000).toBeCloseTo(days, 0);
  });

  it('monthly: a month later, six times', () => {
    const text = reminder('monthly');
    expect(text).toContain('RRULE:FREQ=MONTHLY;INTERVAL=1;COUNT=6\r\n');
    expect(firstEvent(text).startDate.toJSDate().getTime()).toBe(new Date(2026, 11, 24, 14, 30).getTime());
  });

  it('is a valid calendar: CRLF line ends, the required properties, a UTC stamp, floating local times', () => {
    const text = reminder('weekly');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n').slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
    expect(text).toMatch(/\r\nPRODID:[^\r\n]+\r\n/);
    expect(text).toContain('DTSTAMP:20261124T150000Z\r\n');
    expect(text).toMatch(/\r\nDTSTART:20261201T143000\r\n/);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n|\r/);
    expect(text).toContain('UID:meet:abc-defg-hij-1@alignment-companion\r\n');
  });

  it('folds long lines at 75 octets without splitting a character, and unfolds back to the text', () => {
    const description = 'Check in on the goals 🎯 — délégation, مراجعة, 東京; then more words, '.repeat(6);
    const text = reminder('weekly', description);
    const encoder = new TextEncoder();
    for (const line of text.split('\r\n')) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    expect(firstEvent(text).description).toBe(description);
  });

  it('escapes what iCalendar reads as structure', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    // Control characters are not allowed in text: they become spaces.
    expect(escapeText('bell\u0007tab\tend')).toBe('bell tab\tend');
    const tricky = 'Sync; agenda, notes\nBEGIN:VEVENT\\';
    expect(firstEvent(reminder('weekly', tricky)).description).toBe(tricky);
  });

  it('folds a line of exactly 75 octets not at all, and one of 76 once', () => {
    expect(fold('x'.repeat(75))).toBe('x'.repeat(75));
    expect(fold('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('is not offered for a custom cadence, which a calendar cannot repeat', () => {
    expect(canMakeReminder(null)).toBe(false);
    expect(canMakeReminder({ frequency: 'custom', custom: 'after each review', where: 'check-in' })).toBe(false);
    expect(canMakeReminder(cadence('monthly'))).toBe(true);
    expect(() => reminder('custom')).toThrow(/custom cadence/);
  });
});
