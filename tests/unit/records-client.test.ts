import { describe, expect, it } from 'vitest';
import { createRecordsClient } from '../../entrypoints/options/records-client';

/** A port to the background as the page sees it; the test plays the background. */
function fakePort() {
  const port = {
    sent: [] as Record<string, unknown>[],
    dead: false,
    message: (_: unknown) => {},
    drop: () => {},
    postMessage(message: unknown) {
      if (port.dead) throw new Error('Attempting to use a disconnected port object');
      port.sent.push(message as Record<string, unknown>);
    },
    onMessage: { addListener: (listener: (message: unknown) => void) => void (port.message = listener) },
    onDisconnect: {
      addListener: (listener: () => void) =>
        void (port.drop = () => {
          port.dead = true;
          listener();
        }),
    },
  };
  return port;
}

function client() {
  const ports: ReturnType<typeof fakePort>[] = [];
  const records = createRecordsClient(() => {
    const port = fakePort();
    ports.push(port);
    return port;
  });
  return { records, ports };
}

describe('the page’s records client', () => {
  it('asks on one port and settles each request by its own answer', async () => {
    const { records, ports } = client();
    const first = records.ask({ kind: 'delete-everything' });
    const second = records.ask({ kind: 'keep-for', period: '30d' });
    expect(ports).toHaveLength(1);
    const [a, b] = ports[0]!.sent;
    expect(a).toMatchObject({ kind: 'delete-everything', id: expect.stringMatching(/^[\w-]{36}$/) });
    ports[0]!.message({ kind: 'refused', id: b!.id, reason: 'No.' });
    ports[0]!.message({ kind: 'done', id: a!.id, status: 'Deleted.' });
    expect(await first).toEqual({ ok: true, status: 'Deleted.' });
    expect(await second).toEqual({ ok: false, reason: 'No.' });
  });

  it('sends an unanswered request again on a new port when the worker stops, under the same id', async () => {
    const { records, ports } = client();
    const asked = records.ask({ kind: 'import', text: '{}' });
    const id = ports[0]!.sent[0]!.id;
    ports[0]!.drop();
    expect(ports).toHaveLength(2);
    expect(ports[1]!.sent).toEqual([{ kind: 'import', text: '{}', id }]);
    ports[1]!.message({ kind: 'done', id, status: 'Imported.' });
    expect(await asked).toEqual({ ok: true, status: 'Imported.' });
  });

  it('connects again for the next request after an idle drop, and gives up after repeated drops', async () => {
    const { records, ports } = client();
    records.open();
    ports[0]!.drop();
    const asked = records.ask({ kind: 'delete-everything' });
    expect(ports).toHaveLength(2);
    ports[1]!.drop();
    ports[2]!.drop();
    ports[3]!.drop();
    expect(await asked).toEqual({ ok: false, reason: expect.stringMatching(/Reload this page/) });
  });

  it('keeps what the background did on its own, and ignores what is not an answer', () => {
    const { records, ports } = client();
    records.open();
    ports[0]!.message({ kind: 'snapshot', session: null });
    expect(records.notice.value).toBeNull();
    ports[0]!.message({ kind: 'notice', status: 'Deleted 2 conversations.' });
    expect(records.notice.value).toBe('Deleted 2 conversations.');
  });

  it('says so when the extension cannot be reached at all', async () => {
    const records = createRecordsClient(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(await records.ask({ kind: 'delete-everything' })).toEqual({ ok: false, reason: expect.stringMatching(/Reload this page/) });
  });
});
