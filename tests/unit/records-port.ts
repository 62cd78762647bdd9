import type { RecordsPort } from '../../entrypoints/background/records-hub';
import { expect, vi } from 'vitest';
import type { RecordsAnswer } from '../../utils/session/protocol';

/** A runtime port as the background sees one, driven by the test. */
export class FakePort implements RecordsPort {
  received: RecordsAnswer[] = [];
  disconnected = false;
  listeners: ((message: unknown) => void)[] = [];
  constructor(
    public name: string,
    public sender: { id?: string; url?: string },
  ) {}
  postMessage(message: RecordsAnswer) {
    this.received.push(structuredClone(message));
  }
  onMessage = { addListener: (listener: (message: unknown) => void) => void this.listeners.push(listener) };
  onDisconnect = { addListener: () => {} };
  disconnect() {
    this.disconnected = true;
  }
  send(message: unknown) {
    for (const listener of this.listeners) listener(message);
  }
}

let requestCount = 0;

/** Sends a request under a fresh id, as the options page does, and resolves to its answer. */
export async function ask(port: FakePort, request: Record<string, unknown>): Promise<RecordsAnswer> {
  const id = `request-${String(++requestCount).padStart(4, '0')}`;
  port.send({ ...request, id });
  await vi.waitFor(() => expect(port.received.some((m) => 'id' in m && m.id === id)).toBe(true));
  return port.received.find((m) => 'id' in m && m.id === id)!;
}
