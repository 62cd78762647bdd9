/**
 * The check-in reminder as an iCalendar file (RFC 5545), made in the browser: a recurring event
 * at the agreed cadence, starting one interval after the conversation, at the same time of day.
 * Local "floating" time, so it lands at that hour wherever the coachee opens it.
 */
import type { Cadence } from '../session/capture';

export interface ReminderInput {
  cadence: Cadence;
  /** When the conversation started; the first check-in is one interval later. */
  startedAt: number;
  /** Where it is stamped as made. */
  now: number;
  /** Stable per conversation, so re-downloading updates the same event instead of adding another. */
  uid: string;
  title: string;
  description: string;
  durationMinutes?: number;
}

/** How each cadence repeats, and for how long: about the length of a coaching engagement. */
const RECURRENCE: Record<Exclude<Cadence['frequency'], 'custom'>, { rule: string; days: number; months: number }> = {
  weekly: { rule: 'FREQ=WEEKLY;INTERVAL=1;COUNT=12', days: 7, months: 0 },
  biweekly: { rule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=8', days: 14, months: 0 },
  monthly: { rule: 'FREQ=MONTHLY;INTERVAL=1;COUNT=6', days: 0, months: 1 },
};

/** A reminder needs a cadence a calendar can repeat; custom words are for people, not calendars. */
export function canMakeReminder(cadence: Cadence | null): cadence is Cadence & { frequency: keyof typeof RECURRENCE } {
  return cadence !== null && cadence.frequency !== 'custom';
}

export function checkInReminder(input: ReminderInput): string {
  if (!canMakeReminder(input.cadence)) throw new Error('A custom cadence cannot be made into a recurring event.');
  const recurrence = RECURRENCE[input.cadence.frequency];
  const first = new Date(input.startedAt);
  first.setDate(first.getDate() + recurrence.days);
  first.setMonth(first.getMonth() + recurrence.months);
  first.setSeconds(0, 0);
  const end = new Date(first.getTime() + (input.durationMinutes ?? 30) * 60_000);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Alignment Companion//Check-in reminder//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(input.uid)}`,
    `DTSTAMP:${utcStamp(input.now)}`,
    `DTSTART:${localStamp(first)}`,
    `DTEND:${localStamp(end)}`,
    `RRULE:${recurrence.rule}`,
    `SUMMARY:${escapeText(input.title)}`,
    `DESCRIPTION:${escapeText(input.description)}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    // Other control characters are not allowed in TEXT; they become spaces rather than break the file.
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
}

/** Lines longer than 75 octets are folded: CRLF and a space, never inside a UTF-8 character. */
export function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let part = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; each continuation holds 74 after its leading space.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(part);
      part = '';
      octets = 0;
    }
    part += char;
    octets += size;
  }
  parts.push(part);
  return parts.join('\r\n ');
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function localStamp(date: Date): string {
  return `${pad(date.getFullYear(), 4)}${pad(date.getMonth() + 1)}${pad(date.getDate())}T${pad(date.getHours())}${pad(date.getMinutes())}00`;
}

function utcStamp(at: number): string {
  const date = new Date(at);
  return `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}
