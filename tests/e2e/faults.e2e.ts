/**
 * Fault injection: 200 commands from two panels on one meeting, while the service worker is
 * stopped at random points and the panels' pages reload at random. Afterwards the stored session
 * is the reducer applied to exactly the acknowledged commands, in the order the background applied
 * them: none lost, none applied twice; and both panels show it.
 *
 * The session remembers the ids of its last APPLIED_MEMORY (100) commands, which is how the order
 * is read back; so the run is checked in windows of 50 commands, each from the stored state the
 * previous one left. A command counts as applied when any copy of it was acknowledged.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PANEL_PORT } from '../../utils/session/protocol';
import { APPLIED_MEMORY, applyCommand, type Command, type Session } from '../../utils/session/session';
import { type Extension, button, dockTicketForTab, killServiceWorker, launch, meetingKeyOf, newMeetUrl, openMeeting, stepTitle, storedSession } from './harness';

const WINDOWS = 4;
const PER_WINDOW = 50;
const SEED = Number(process.env.FAULTS_SEED ?? 20_241_125);

let ext: Extension;
beforeAll(async () => {
  ext = await launch();
});
afterAll(async () => {
  await ext?.close();
});

/** A small seeded generator, so a failing run can be replayed with FAULTS_SEED. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { next, below: (n: number) => Math.floor(next() * n), chance: (p: number) => next() < p };
}

type Answer = 'ack' | 'rejected';

/**
 * The real protocol, spoken from the panel page itself (the background admits only our panel,
 * with the dock ticket for its tab),
 * the way the panel's client speaks it: a port that reconnects when it drops and then resends every
 * unanswered command under its own id, and resends after a storage error. Every answer to every
 * copy of a command is recorded: a copy still in flight can be answered after the first answer.
 */
async function installDriver(page: Page, key: string, ticket: string) {
  await page.evaluate(
    ([portName, meetingKey, dockTicket]) => {
      const w = window as any;
      const pending = new Map<string, unknown>();
      const answers: [string, string][] = [];
      const counts = { disconnects: 0, resent: 0 };
      let port: any = null;
      const post = (message: unknown) => {
        try {
          port?.postMessage(message);
        } catch {
          // The port died mid-send; the reconnect resends.
        }
      };
      const resend = () => {
        counts.resent += pending.size;
        for (const message of pending.values()) post(message);
      };
      const connect = () => {
        port = w.chrome.runtime.connect({ name: portName });
        port.onMessage.addListener((message: any) => {
          if (message.kind === 'ack' || message.kind === 'rejected') {
            answers.push([message.id, message.kind]);
            pending.delete(message.id);
          }
          if (message.kind === 'storage-error') setTimeout(resend, 500);
        });
        port.onDisconnect.addListener(() => {
          counts.disconnects++;
          port = null;
          setTimeout(connect, 50);
        });
        post({ kind: 'open', key: meetingKey, ticket: dockTicket });
        resend();
      };
      connect();
      w.faultDriver = {
        send(id: string, command: unknown) {
          const message = { kind: 'command', id, key: meetingKey, command };
          pending.set(id, message);
          post(message);
        },
        take: () => answers.splice(0),
        counts,
      };
    },
    [PANEL_PORT, key, ticket] as const,
  );
}


/** What the reducer decides, without the clock: which step, paused or not, and the applied history. */
function shape(session: Session | null) {
  if (!session) return null;
  const { current, runningSince, revision, applied, meetingMinutes, templateId } = session;
  return { current, paused: runningSince === null, revision, applied, meetingMinutes, templateId };
}

describe('faults injected while two panels drive one meeting', () => {
  it(
    `applies exactly the acknowledged commands, once each, through ${WINDOWS * PER_WINDOW} commands with worker stops and reloads`,
    async () => {
      const rng = random(SEED);
      const meetingUrl = newMeetUrl();
      const key = meetingKeyOf(meetingUrl);
      const url = `chrome-extension://${ext.id}/panel.html?key=${encodeURIComponent(key)}`;
      const panels = [await ext.context.newPage(), await ext.context.newPage()];
      const tickets: string[] = [];
      for (const page of panels) {
        tickets.push(await dockTicketForTab(ext, page, key, url));
        await installDriver(page, key, tickets.at(-1)!);
      }
      const reader = await ext.context.newPage();
      await reader.goto(`chrome-extension://${ext.id}/panel.html`);

      const sent = new Map<string, { panel: number; command: Command; window: number }>();
      // Every answer each command got. A command is applied when any copy of it was acknowledged.
      const outcome = new Map<string, Set<Answer>>();
      const stats = { workerStops: 0, reloads: 0, acknowledged: 0, rejected: 0, answeredBothWays: 0, portDrops: 0, resent: 0 };

      const collect = async (panel: number) => {
        const taken: [string, Answer][] = await panels[panel]!.evaluate(() => (window as any).faultDriver.take());
        for (const [id, kind] of taken) outcome.set(id, new Set([...(outcome.get(id) ?? []), kind]));
      };
      const unanswered = (panel: number) => [...sent].filter(([id, s]) => s.panel === panel && !outcome.has(id));
      const tally = async (panel: number) => {
        const counts = await panels[panel]!.evaluate(() => (window as any).faultDriver.counts);
        stats.portDrops += counts.disconnects;
        stats.resent += counts.resent;
      };
      const reload = async (panel: number) => {
        await collect(panel);
        await tally(panel);
        await panels[panel]!.reload();
        await installDriver(panels[panel]!, key, tickets[panel]!);
        // The page forgot its pending commands: send them again under their ids, as a panel does.
        for (const [id, { command }] of unanswered(panel)) {
          await panels[panel]!.evaluate(([i, c]) => (window as any).faultDriver.send(i, c), [id, command] as const);
        }
        stats.reloads++;
      };
      const nextCommand = (count: number): Command => {
        if (count === 0) return { type: 'start', minutes: 30 };
        const roll = rng.below(100);
        if (roll < 35) return { type: 'next' };
        if (roll < 60) return { type: 'previous' };
        if (roll < 75) return { type: 'jump', index: rng.below(7) };
        if (roll < 85) return { type: 'pause' };
        if (roll < 97) return { type: 'resume' };
        return { type: 'start', minutes: 45 }; // refused: the conversation is running
      };

      let before = await storedSession(reader, key);
      expect(before).toBeNull();
      let count = 0;
      for (let w = 0; w < WINDOWS; w++) {
        for (let i = 0; i < PER_WINDOW; i++, count++) {
          const panel = rng.below(2);
          const id = `fault-${SEED}-${count.toString().padStart(4, '0')}`;
          const command = nextCommand(count);
          sent.set(id, { panel, command, window: w });
          await panels[panel]!.evaluate(([i2, c]) => (window as any).faultDriver.send(i2, c), [id, command] as const);
          if (rng.chance(0.12)) {
            await killServiceWorker(reader);
            stats.workerStops++;
          }
          if (rng.chance(0.03)) await reload(rng.below(2));
          if (rng.chance(0.3)) await collect(panel);
        }
        // Every command of the window gets its answer: none lost.
        await expect
          .poll(
            async () => {
              await collect(0);
              await collect(1);
              return [...sent].filter(([id, s]) => s.window === w && !outcome.has(id)).length;
            },
            { timeout: 30_000, interval: 200 },
          )
          .toBe(0);

        const after = (await storedSession(reader, key))!;
        const inWindow = [...sent.keys()].filter((id) => sent.get(id)!.window === w);
        const acked = inWindow.filter((id) => outcome.get(id)!.has('ack'));
        const rejected = inWindow.filter((id) => !outcome.get(id)!.has('ack'));
        stats.answeredBothWays += inWindow.filter((id) => outcome.get(id)!.size === 2).length;
        expect(acked.length).toBeLessThanOrEqual(APPLIED_MEMORY);
        // Applied once each, and nothing else applied: the revision moved by the acknowledged count,
        // and the newest applied ids are exactly the acknowledged ones, each once.
        expect(after.revision - (before?.revision ?? 0)).toBe(acked.length);
        const order = after.applied.slice(-acked.length);
        expect(new Set(order).size).toBe(order.length);
        expect([...order].sort()).toEqual([...acked].sort());
        for (const id of rejected) expect(after.applied).not.toContain(id);

        // The reducer over the acknowledged commands, in the background's order, from where the
        // window began, gives the stored session.
        let replayed: Session | undefined = before ?? undefined;
        for (const id of order) {
          const result = applyCommand(replayed, key, id, sent.get(id)!.command, after.updatedAt);
          expect(result.ok && !result.duplicate, `replaying ${id}`).toBe(true);
          if (result.ok) replayed = result.session;
        }
        expect(shape(replayed ?? null)).toEqual(shape(after));

        stats.acknowledged += acked.length;
        stats.rejected += rejected.length;
        before = after;
      }

      await tally(0);
      await tally(1);
      // The meeting's docked panels, in two tabs, show the stored session.
      const final = (await storedSession(reader, key))!;
      const docked = [await openMeeting(ext, meetingUrl), await openMeeting(ext, meetingUrl)];
      for (const { panel } of docked) {
        await expect.poll(() => stepTitle(panel), { timeout: 10_000 }).toBe(final.agenda[final.current]!.title);
        await button(panel, final.runningSince === null ? 'Resume timer' : 'Pause timer').waitFor();
      }
      expect(stats.acknowledged + stats.rejected).toBe(WINDOWS * PER_WINDOW);
      expect(stats.workerStops).toBeGreaterThan(0);
      expect(stats.reloads).toBeGreaterThan(0);
      console.log(`faults.e2e seed ${SEED}:`, JSON.stringify({ ...stats, revision: final.revision }));
      for (const page of [...panels, reader, ...docked.map((d) => d.page)]) await page.close();
    },
    180_000,
  );
});
