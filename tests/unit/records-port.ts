import type { RecordsPort } from '../../entrypoints/background/records-hub';
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
