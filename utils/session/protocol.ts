/**
 * The one protocol between the extension's parts: the panel and the background on a runtime
 * port named PANEL_PORT; the dock (a content script, or one of our extension pages) asking the
 * background for a dock ticket and handing it to its panel frame; and the background asking a
 * content script which meeting its tab shows, for keyboard shortcuts. Everything that arrives is
 * checked here, field by field, before anything looks at it.
 */
import { isMeetingLength, isTemplateId } from '../agenda/agenda';
import { TEMPLATE_ID } from '../templates/schema';
import type { TemplateChoice } from '../templates/choice';
import { CADENCE_FREQUENCIES, CADENCE_PLACES, TEXT_CAPTURE_FIELDS, type Cadence } from './capture';
import { LIMITS, fitsLimit } from './limits';
import { isSessionKey } from '../meeting/meeting-identity';
import { isPanelPosition, type PanelPosition, type Preferences, type PreferenceCommand } from './preferences';
import { PREP_TEXT_LIMIT, isPrepItem, type PrepCommand, type Preparation } from './preparation';
import type { KickoffRecap } from '../records/at-kickoff';
import type { Command, Session } from './session';
import { BACKUP_MAX_BYTES } from '../records/backup';
import { parseConversationId } from '../records/conversation';
import { isRetentionPeriod, type RetentionPeriod } from '../records/retention';

export const PANEL_PORT = 'alignment-companion/panel';

export type LibraryCommand = PrepCommand | PreferenceCommand;

/** Panel → background. `open` carries the dock ticket that admits the panel to the meeting `key`. */
export type PanelMessage =
  | { kind: 'open'; key: string; ticket: string }
  /** The coach asked for the Conversations page; only the background may open it everywhere. */
  | { kind: 'open-conversations' }
  | { kind: 'command'; id: string; key: string; command: Command }
  | { kind: 'library'; id: string; command: LibraryCommand };

/** Background → panel. */
export type BackgroundMessage =
  | { kind: 'snapshot'; key: string; session: Session | null }
  | { kind: 'library'; preparations: Preparation[]; preferences: Preferences; templates: TemplateChoice[] }
  | { kind: 'ack'; id: string }
  | { kind: 'rejected'; id: string; reason: string }
  | { kind: 'storage-error'; message: string }
  /** Something the coach should know that no retry will change. */
  | { kind: 'notice'; message: string }
  /** The keyboard shortcuts as the browser has them now (the coach may have changed them). */
  | { kind: 'shortcuts'; keys: ShortcutKey[] }
  /** The ticket is not valid for this panel's tab and meeting: a panel the dock did not open. */
  | { kind: 'not-ours' }
  /** For a Closing: what its engagement's Kickoff agreed, or null when no Kickoff is linked. */
  | { kind: 'at-kickoff'; key: string; recap: KickoffRecap | null };

export interface ShortcutKey {
  description: string;
  /** Empty when the coach removed it, or another extension holds the key. */
  keys: string;
}

/**
 * Dock ticket (see entrypoints/background/dock-tickets.ts). The dock asks the background for one
 * over runtime messaging, which no web page can use, and posts it into its own panel frame only.
 */
export type TicketRequest = { kind: 'dock-ticket'; key: string };
export type TicketAnswer = { ticket: string } | { ticket: null };
/** Dock → its panel frame, by window.postMessage aimed at the extension's origin. */
export type TicketPost = { kind: typeof TICKET_POST; key: string; ticket: string };
export const TICKET_POST = 'alignment-companion/dock-ticket';
// base64url of an HMAC-SHA-256.
const TICKET = /^[\w-]{43}$/;

/** The browser-level shortcuts, as named in the manifest's `commands`. */
export const SHORTCUTS = ['next-step', 'previous-step', 'toggle-panel', 'hide-notes'] as const;
export type Shortcut = (typeof SHORTCUTS)[number];

/**
 * To a tab's content script (from the background for a shortcut, from the toolbar view or the side
 * panel): which meeting it shows (`{ key }`, null on a meeting site page without one), fold or
 * show the dock, dock here, leave the side panel to it or take over.
 */
export type TabMessage =
  | { kind: 'which-meeting' }
  | { kind: 'toggle-panel' }
  | { kind: 'show-panel' }
  | { kind: 'dock-here' }
  | { kind: 'undock-here' }
  | { kind: 'dock-settings'; position: PanelPosition; compact: boolean };

/** A meeting-site tab's answer to `which-meeting`. */
export interface TabStatus {
  key: string | null;
  /** Docked by the coach's `Dock the panel here`, not recognised from the address. */
  dockedHere: boolean;
}

/** Content script → background: what the dock needs to know and keep. */
export type DockRequest =
  | { kind: 'dock-settings' }
  /** The key the coach docked this address with, if any. */
  | { kind: 'docked-here' }
  | { kind: 'dock-here' }
  | { kind: 'undock-here' };

// The largest legitimate message is the next-steps text at its limit, every character escaped.
const MAX_MESSAGE_CHARS = 64_000;
const ID = /^[\w-]{8,64}$/;

/** The message if it is one the background understands, otherwise null. */
export function parsePanelMessage(raw: unknown): PanelMessage | null {
  if (!isRecord(raw) || !fitsSize(raw)) return null;
  switch (raw.kind) {
    case 'open':
      return isSessionKey(raw.key) && isTicket(raw.ticket) && hasOnlyKeys(raw, ['kind', 'key', 'ticket'])
        ? { kind: 'open', key: raw.key, ticket: raw.ticket }
        : null;
    case 'command': {
      if (!hasOnlyKeys(raw, ['kind', 'id', 'key', 'command'])) return null;
      if (!isId(raw.id) || !isSessionKey(raw.key)) return null;
      const command = parseCommand(raw.command);
      return command ? { kind: 'command', id: raw.id, key: raw.key, command } : null;
    }
    case 'open-conversations':
      return hasOnlyKeys(raw, ['kind']) ? { kind: 'open-conversations' } : null;
    case 'library': {
      if (!hasOnlyKeys(raw, ['kind', 'id', 'command']) || !isId(raw.id)) return null;
      const command = parseLibraryCommand(raw.command);
      return command ? { kind: 'library', id: raw.id, command } : null;
    }
    default:
      return null;
  }
}

export function parseCommand(raw: unknown): Command | null {
  if (!isRecord(raw)) return null;
  const only = (...keys: string[]) => hasOnlyKeys(raw, ['type', ...keys]);
  switch (raw.type) {
    case 'start': {
      if (!only('minutes', 'template', 'templateId', 'preparationId') || !isMeetingLength(raw.minutes)) return null;
      if (raw.template !== undefined && !isTemplateId(raw.template)) return null;
      if (raw.templateId !== undefined && (raw.template !== undefined || typeof raw.templateId !== 'string' || !TEMPLATE_ID.test(raw.templateId))) return null;
      if (raw.preparationId !== undefined && raw.preparationId !== null && !isId(raw.preparationId)) return null;
      const command: Command = { type: 'start', minutes: raw.minutes };
      if (raw.template !== undefined) command.template = raw.template;
      // templateId: a built-in id as before, or a coach's template id the background resolves.
      if (typeof raw.templateId === 'string') {
        if (isTemplateId(raw.templateId)) command.template = raw.templateId;
        else command.templateId = raw.templateId;
      }
      if (raw.preparationId !== undefined) command.preparationId = raw.preparationId;
      return command;
    }
    case 'jump':
      return only('index') && Number.isInteger(raw.index) && (raw.index as number) >= 0 && (raw.index as number) < 100
        ? { type: 'jump', index: raw.index as number }
        : null;
    case 'next':
    case 'previous':
    case 'pause':
    case 'resume':
    case 'add-minute':
    case 'finish':
      return only() ? { type: raw.type } : null;
    case 'link-preparation':
      return only('preparationId') && (raw.preparationId === null || isId(raw.preparationId))
        ? { type: 'link-preparation', preparationId: raw.preparationId as string | null }
        : null;
    case 'capture':
      return only('field', 'text') && TEXT_CAPTURE_FIELDS.includes(raw.field as never) && fitsLimit(raw.text, LIMITS.capture)
        ? { type: 'capture', field: raw.field as (typeof TEXT_CAPTURE_FIELDS)[number], text: raw.text }
        : null;
    case 'cadence': {
      if (!only('cadence')) return null;
      if (raw.cadence === null) return { type: 'cadence', cadence: null };
      const cadence = parseCadence(raw.cadence);
      return cadence ? { type: 'cadence', cadence } : null;
    }
    case 'park':
      return only('text') && fitsLimit(raw.text, LIMITS.parkedTopic) ? { type: 'park', text: raw.text } : null;
    case 'unpark':
      return only('topicId') && isId(raw.topicId) ? { type: 'unpark', topicId: raw.topicId } : null;
    case 'note':
      return only('stepId', 'text') && isStepId(raw.stepId) && fitsLimit(raw.text, LIMITS.note)
        ? { type: 'note', stepId: raw.stepId, text: raw.text }
        : null;
    case 'next-steps':
      return only('text') && (raw.text === null || fitsLimit(raw.text, LIMITS.nextSteps))
        ? { type: 'next-steps', text: raw.text as string | null }
        : null;
    default:
      return null;
  }
}

export function parseLibraryCommand(raw: unknown): LibraryCommand | null {
  if (!isRecord(raw)) return null;
  const only = (...keys: string[]) => hasOnlyKeys(raw, ['type', ...keys]);
  switch (raw.type) {
    case 'prep-create':
      return only('prepId', 'label') && isId(raw.prepId) && fitsLimit(raw.label, LIMITS.prepLabel)
        ? { type: 'prep-create', prepId: raw.prepId, label: raw.label }
        : null;
    case 'prep-text': {
      if (!only('prepId', 'field', 'text') || !isId(raw.prepId)) return null;
      const field = raw.field;
      if (field !== 'label' && field !== 'outcome' && field !== 'notes') return null;
      return fitsLimit(raw.text, PREP_TEXT_LIMIT[field]) ? { type: 'prep-text', prepId: raw.prepId, field, text: raw.text } : null;
    }
    case 'prep-check':
      return only('prepId', 'item', 'checked') && isId(raw.prepId) && isPrepItem(raw.item) && typeof raw.checked === 'boolean'
        ? { type: 'prep-check', prepId: raw.prepId, item: raw.item, checked: raw.checked }
        : null;
    case 'prep-delete':
      return only('prepId') && isId(raw.prepId) ? { type: 'prep-delete', prepId: raw.prepId } : null;
    case 'preference':
      if (!only('name', 'value')) return null;
      if ((raw.name === 'hideNotes' || raw.name === 'chime' || raw.name === 'compactDock') && typeof raw.value === 'boolean') {
        return { type: 'preference', name: raw.name, value: raw.value };
      }
      if (raw.name === 'format' && (raw.value === 'plain' || raw.value === 'markdown')) {
        return { type: 'preference', name: 'format', value: raw.value };
      }
      if (raw.name === 'panelPosition' && isPanelPosition(raw.value)) {
        return { type: 'preference', name: 'panelPosition', value: raw.value };
      }
      return null;
    case 'toggle-hide-notes':
      return only() ? { type: 'toggle-hide-notes' } : null;
    default:
      return null;
  }
}

function parseCadence(raw: unknown): Cadence | null {
  if (!isRecord(raw) || !hasOnlyKeys(raw, ['frequency', 'custom', 'where'])) return null;
  if (!CADENCE_FREQUENCIES.includes(raw.frequency as never) || !CADENCE_PLACES.includes(raw.where as never)) return null;
  if (!fitsLimit(raw.custom, LIMITS.cadenceCustom)) return null;
  return { frequency: raw.frequency as Cadence['frequency'], custom: raw.custom, where: raw.where as Cadence['where'] };
}

export function parseTicketRequest(raw: unknown): TicketRequest | null {
  return isRecord(raw) && raw.kind === 'dock-ticket' && hasOnlyKeys(raw, ['kind', 'key']) && isSessionKey(raw.key)
    ? { kind: 'dock-ticket', key: raw.key }
    : null;
}

export function parseTicketAnswer(raw: unknown): string | null {
  return isRecord(raw) && hasOnlyKeys(raw, ['ticket']) && isTicket(raw.ticket) ? raw.ticket : null;
}

export function parseTicketPost(raw: unknown): TicketPost | null {
  return isRecord(raw) && raw.kind === TICKET_POST && hasOnlyKeys(raw, ['kind', 'key', 'ticket']) && isSessionKey(raw.key) && isTicket(raw.ticket)
    ? { kind: TICKET_POST, key: raw.key, ticket: raw.ticket }
    : null;
}

export function isTicket(value: unknown): value is string {
  return typeof value === 'string' && TICKET.test(value);
}

/** A content script's answer to `which-meeting`: the meeting key, or null. */
export function parseMeetingAnswer(raw: unknown): string | null {
  return parseTabStatus(raw)?.key ?? null;
}

/** A content script's whole answer; null when no content script answered (not a meeting site). */
export function parseTabStatus(raw: unknown): TabStatus | null {
  if (!isRecord(raw) || !hasOnlyKeys(raw, ['key', 'dockedHere'])) return null;
  if (raw.key !== null && !isSessionKey(raw.key)) return null;
  return { key: raw.key, dockedHere: raw.dockedHere === true };
}

export interface DockSettings {
  position: PanelPosition;
  compact: boolean;
}

/** The panel position and width, from the background's answer or a `dock-settings` tab message. */
export function parseDockSettings(raw: unknown): DockSettings | null {
  return isRecord(raw) && isPanelPosition(raw.position) ? { position: raw.position, compact: raw.compact === true } : null;
}

/** The background's answer to `docked-here` and `dock-here`: the session docked by hand, or null. */
export function parseDockedKey(raw: unknown): string | null {
  return isRecord(raw) && isSessionKey(raw.key) ? raw.key : null;
}

export function parseDockRequest(raw: unknown): DockRequest | null {
  if (!isRecord(raw) || !hasOnlyKeys(raw, ['kind'])) return null;
  const kinds: DockRequest['kind'][] = ['dock-settings', 'docked-here', 'dock-here', 'undock-here'];
  return kinds.includes(raw.kind as DockRequest['kind']) ? { kind: raw.kind as DockRequest['kind'] } : null;
}

export function isShortcut(value: unknown): value is Shortcut {
  return SHORTCUTS.includes(value as Shortcut);
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}

function isStepId(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z0-9-]{1,40}$/.test(value);
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

// ─── Records: the Conversations page (options.html) and the background's records hub ───────────
// The page reads IndexedDB itself; every change it asks for goes through this port, so the
// background stays the only writer. Each request is answered once, by its id.

export const RECORDS_PORT = 'alignment-companion/records';

/** Options page → background. */
export type RecordsRequest =
  | { kind: 'delete'; id: string; conversation: string }
  | { kind: 'delete-everything'; id: string }
  | { kind: 'keep-for'; id: string; period: RetentionPeriod }
  | { kind: 'hide-notes'; id: string; hidden: boolean }
  /** The backup file's text, parsed (and refused, if need be) by the background. */
  | { kind: 'import'; id: string; text: string };

/** Background → options page. */
export type RecordsAnswer =
  | { kind: 'done'; id: string; status: string }
  | { kind: 'refused'; id: string; reason: string }
  /** Unasked: what the clean-up did when the page connected. */
  | { kind: 'notice'; status: string };

// A session key (at most 206 characters), a slash and a start time.
const MAX_CONVERSATION_ID = 240;

/**
 * The request if it is one the records hub takes, otherwise null. An import may be as large as a
 * backup may be (BACKUP_MAX_BYTES), so it is measured by its text, not by the general message cap.
 */
export function parseRecordsRequest(raw: unknown): RecordsRequest | null {
  if (!isRecord(raw) || !isId(raw.id)) return null;
  const only = (...keys: string[]) => hasOnlyKeys(raw, ['kind', 'id', ...keys]);
  const id = raw.id;
  switch (raw.kind) {
    case 'delete':
      return only('conversation') &&
        typeof raw.conversation === 'string' &&
        raw.conversation.length <= MAX_CONVERSATION_ID &&
        parseConversationId(raw.conversation) !== null
        ? { kind: 'delete', id, conversation: raw.conversation }
        : null;
    case 'delete-everything':
      return only() ? { kind: 'delete-everything', id } : null;
    case 'keep-for':
      return only('period') && isRetentionPeriod(raw.period) ? { kind: 'keep-for', id, period: raw.period } : null;
    case 'hide-notes':
      return only('hidden') && typeof raw.hidden === 'boolean' ? { kind: 'hide-notes', id, hidden: raw.hidden } : null;
    case 'import':
      return only('text') && fitsLimit(raw.text, BACKUP_MAX_BYTES) ? { kind: 'import', id, text: raw.text } : null;
    default:
      return null;
  }
}

/** The id of a request the hub could not take, so it can say so; null when there is none to answer. */
export function recordsRequestId(raw: unknown): string | null {
  return isRecord(raw) && isId(raw.id) ? raw.id : null;
}

/** What the page accepts from the background; anything else is ignored. */
export function parseRecordsAnswer(raw: unknown): RecordsAnswer | null {
  if (!isRecord(raw)) return null;
  if ((raw.kind === 'done' || raw.kind === 'refused') && isId(raw.id)) {
    const field = raw.kind === 'done' ? 'status' : 'reason';
    if (!hasOnlyKeys(raw, ['kind', 'id', field]) || typeof raw[field] !== 'string') return null;
    return raw.kind === 'done' ? { kind: 'done', id: raw.id, status: raw[field] } : { kind: 'refused', id: raw.id, reason: raw[field] };
  }
  return raw.kind === 'notice' && hasOnlyKeys(raw, ['kind', 'status']) && typeof raw.status === 'string' ? { kind: 'notice', status: raw.status } : null;
}

// ─── Templates: the options page's Templates section, through the records hub ──────────────────
// The same port and answers as the records requests above. The background checks every template
// (validateTemplate) before storing it: an invalid one is refused, never stored, so no
// conversation can start from one.

import { TEMPLATE_FILE_MAX_BYTES } from '../templates/file';

export type TemplateRequest =
  /** A new or edited template; the background validates it and counts its version. */
  | { kind: 'template-save'; id: string; template: unknown }
  | { kind: 'template-delete'; id: string; template: string }
  /** A template file's text, parsed by the background (parseTemplateFile). */
  | { kind: 'template-import'; id: string; text: string };

/** The template request if it is one, otherwise null. */
export function parseTemplateRequest(raw: unknown): TemplateRequest | null {
  if (!isRecord(raw) || !isId(raw.id)) return null;
  const only = (...keys: string[]) => hasOnlyKeys(raw, ['kind', 'id', ...keys]);
  const id = raw.id;
  switch (raw.kind) {
    case 'template-save':
      return only('template') && isRecord(raw.template) && fitsSize(raw.template) ? { kind: 'template-save', id, template: raw.template } : null;
    case 'template-delete':
      return only('template') && typeof raw.template === 'string' && TEMPLATE_ID.test(raw.template) ? { kind: 'template-delete', id, template: raw.template } : null;
    case 'template-import':
      return only('text') && fitsLimit(raw.text, TEMPLATE_FILE_MAX_BYTES) ? { kind: 'template-import', id, text: raw.text } : null;
    default:
      return null;
  }
}
