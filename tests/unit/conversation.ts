/** Drives the reducer through a conversation the way a coach's clicks would. */
import { expect } from 'vitest';
import { applyCommand, type Command, type Session } from '../../utils/session/session';

export const MIN = 60_000;
export const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);

export function conversation(key = 'meet:abc-defg-hij') {
  let session: Session | undefined;
  let seq = 0;
  return {
    get session() {
      if (!session) throw new Error('not started');
      return session;
    },
    /** Applies a command that must succeed. */
    do(command: Command, at: number, id = `command-${++seq}`) {
      const result = applyCommand(session, key, id, command, at);
      if (!result.ok) throw new Error(`${command.type} rejected: ${result.reason}`);
      session = result.session;
      return result;
    },
    /** Applies a command that may be refused: null when applied, else the reason. */
    try(command: Command, at = T0, id = `command-${++seq}`) {
      const result = applyCommand(session, key, id, command, at);
      if (!result.ok) return result.reason;
      session = result.session;
      return null;
    },
    /** Applies a command that must be refused, and checks nothing changed. */
    refuse(command: Command, at: number) {
      const before = session;
      const result = applyCommand(session, key, `command-${++seq}`, command, at);
      expect(result.ok).toBe(false);
      expect(session).toBe(before);
      return result.ok ? '' : result.reason;
    },
  };
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
