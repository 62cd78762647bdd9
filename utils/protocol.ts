/**
 * The one protocol between the panel and the background, on a runtime port named PANEL_PORT.
 * Everything that arrives is checked here before the background looks at it.
 */
import { isMeetingLength } from './agenda';
import { isSessionKey } from './meeting-identity';
import type { Command, Session } from './session';

export const PANEL_PORT = 'alignment-companion/panel';

/** Panel → background. */
export type PanelMessage =
  | { kind: 'open'; key: string }
  | { kind: 'command'; id: string; key: string; command: Command };

/** Background → panel. */
export type BackgroundMessage =
  | { kind: 'snapshot'; key: string; session: Session | null }
  | { kind: 'ack'; id: string }
  | { kind: 'rejected'; id: string; reason: string }
  | { kind: 'storage-error'; message: string };

const MAX_MESSAGE_CHARS = 4_096;
const COMMAND_ID = /^[\w-]{8,64}$/;

/** The message if it is one the background understands, otherwise null. */
export function parsePanelMessage(raw: unknown): PanelMessage | null {
  if (!isRecord(raw) || !fitsSize(raw)) return null;
  if (raw.kind === 'open') {
    return isSessionKey(raw.key) && hasOnlyKeys(raw, ['kind', 'key']) ? { kind: 'open', key: raw.key } : null;
  }
  if (raw.kind === 'command') {
    if (!hasOnlyKeys(raw, ['kind', 'id', 'key', 'command'])) return null;
    if (typeof raw.id !== 'string' || !COMMAND_ID.test(raw.id) || !isSessionKey(raw.key)) return null;
    const command = parseCommand(raw.command);
    return command ? { kind: 'command', id: raw.id, key: raw.key, command } : null;
  }
  return null;
}

export function parseCommand(raw: unknown): Command | null {
  if (!isRecord(raw)) return null;
  switch (raw.type) {
    case 'start':
      return hasOnlyKeys(raw, ['type', 'minutes']) && isMeetingLength(raw.minutes)
        ? { type: 'start', minutes: raw.minutes }
        : null;
    case 'jump':
      return hasOnlyKeys(raw, ['type', 'index']) && Number.isInteger(raw.index) && (raw.index as number) >= 0
        ? { type: 'jump', index: raw.index as number }
        : null;
    case 'next':
    case 'previous':
    case 'pause':
    case 'resume':
      return hasOnlyKeys(raw, ['type']) ? { type: raw.type } : null;
    default:
      return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOnlyKeys(value: Record<string, unknown>, allowed: string[]): boolean {
  return Object.keys(value).every((key) => allowed.includes(key));
}

function fitsSize(value: unknown): boolean {
  try {
    return JSON.stringify(value).length <= MAX_MESSAGE_CHARS;
  } catch {
    return false;
  }
}
