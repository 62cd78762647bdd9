/**
 * The panel's side of "after the call": finishing a conversation (a command like the others,
 * through worker stops, two tabs and reloads), starting a new one on the same link, the Prepare
 * view before any preparation, and a Closing recalling its engagement's Kickoff.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../utils/session/session';
import {
  type Extension,
  button,
  jumpTo,
  killServiceWorker,
  launch,
  meetingKeyOf,
  newMeetUrl,
  openMeeting,
  panelFrame,
  start,
  startAs,
  stepTitle,
  storedRecords,
  storedSession,
  typeAndLeave,
} from './harness';

let ext: Extension;
let reader: Page;
beforeAll(async () => {
  ext = await launch();
  reader = await ext.context.newPage();
  await reader.goto(`chrome-extension://${ext.id}/practice.html?rehearsal=reader`);
});
afterAll(async () => {
  await ext?.close();
});

describe('finishing a conversation', () => {
  it('at wrap-up stops both clocks, keeps the next steps at hand, and a new conversation can start on the same link', async () => {
    const url = newMeetUrl();
    const { page, panel } = await openMeeting(ext, url);
    await start(panel);
    await jumpTo(panel, /Wrap up/);
    await button(panel, 'Finish conversation').click();
    await panel.getByRole('heading', { name: 'Conversation finished' }).waitFor();
    expect(await panel.getByRole('timer').count()).toBe(0);
    // Start to finish, as the Conversations page and the export count it.
    expect(await panel.locator('.finished__meta').textContent()).toMatch(/30 min planned, 0 min taken\.$/);
    await panel.getByRole('textbox', { name: 'Next steps', exact: true }).waitFor();
    await button(panel, 'Copy next steps').waitFor();
    await button(panel, 'Download check-in reminder').waitFor();
    const finished = (await storedSession(reader, meetingKeyOf(url)))!;
    expect(finished.endedAt).toEqual(expect.any(Number));
    expect(finished.runningSince).toBeNull();
    // The next steps stay editable after the finish.
    await typeAndLeave(panel, 'Next steps', 'Thanks both. Next check-in in two weeks.');
    await expect.poll(async () => (await storedSession(reader, meetingKeyOf(url)))?.nextStepsText).toBe('Thanks both. Next check-in in two weeks.');

    await button(panel, 'Start a new conversation').click();
    await start(panel);
    expect(await stepTitle(panel)).toBe('Welcome and introductions');
    const archived = (await storedRecords(reader)).archive;
    expect(archived.filter((s) => s.key === meetingKeyOf(url)).map((s) => s.startedAt)).toEqual([finished.startedAt]);
    await page.close();
  });

  it('before wrap-up asks first, and is applied once through a worker stop, a second tab and a reload', async () => {
    const url = newMeetUrl();
    const a = await openMeeting(ext, url);
    await start(a.panel);
    const b = await openMeeting(ext, url);
    await expect.poll(() => stepTitle(b.panel)).toBe('Welcome and introductions');

    await button(a.panel, 'Finish conversation').click();
    await a.panel.getByRole('group').getByText('Finish now?').waitFor();
    await button(a.panel, 'Keep going').click();
    expect(await a.panel.getByRole('timer', { name: 'Time left in step' }).count()).toBe(1);

    await killServiceWorker(a.page);
    await button(a.panel, 'Finish conversation').click();
    await button(a.panel, 'Finish conversation').click(); // the confirmation's own button
    for (const panel of [a.panel, b.panel]) await panel.getByRole('heading', { name: 'Conversation finished' }).waitFor();
    await a.page.reload();
    await (await panelFrame(a.page)).getByRole('heading', { name: 'Conversation finished' }).waitFor();
    const stored = (await storedSession(reader, meetingKeyOf(url)))!;
    expect(stored.applied).toHaveLength(2); // start, finish
    expect(stored.endedAt).toEqual(expect.any(Number));
    await a.page.close();
    await b.page.close();
  });
});

describe('the Prepare view', () => {
  it('shows the checklist and the questions before any preparation, and a tick makes one', async () => {
    expect((await storedRecords(reader)).preparations).toEqual([]);
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    await panel.getByRole('tab', { name: 'Prepare' }).click();
    await panel.getByRole('group', { name: 'Checklist' }).waitFor();
    expect(await panel.getByRole('checkbox').count()).toBe(4);
    expect(await panel.getByText('Questions to ask').count()).toBe(1);
    await panel.getByRole('checkbox', { name: /Coaching goals are clear/ }).check();
    await expect.poll(async () => ((await storedRecords(reader)).preparations as { checked: string[] }[]).map((p) => p.checked)).toEqual([['goals']]);
    await typeAndLeave(panel, 'Coachee (your label)', 'Robin');
    await expect.poll(async () => ((await storedRecords(reader)).preparations as { label: string }[]).map((p) => p.label)).toEqual(['Robin']);
    await page.close();
  });
});

describe('a Closing linked to an engagement with a Kickoff', () => {
  it('shows what the Kickoff agreed, and not once the link is cleared, nor in a conversation started after it', async () => {
    // The kickoff, months ago in real life, on one link, with the engagement's preparation.
    const kickoff = await openMeeting(ext, newMeetUrl());
    await kickoff.panel.getByRole('tab', { name: 'Prepare' }).click();
    await kickoff.panel.getByRole('button', { name: 'New preparation' }).click();
    await typeAndLeave(kickoff.panel, 'Coachee (your label)', 'Alex');
    await kickoff.panel.getByRole('tab', { name: 'Meeting' }).click();
    await kickoff.panel.getByLabel('Preparation', { exact: true }).selectOption({ label: 'Alex' });
    await startAs(kickoff.panel, 'Kickoff');
    await jumpTo(kickoff.panel, /goals and 360/);
    await typeAndLeave(kickoff.panel, 'Goals shared', 'Delegate more; speak up in leadership meetings');
    await jumpTo(kickoff.panel, /feedback and ideas/);
    await typeAndLeave(kickoff.panel, 'Support offered', 'Monthly stretch assignment');
    await jumpTo(kickoff.panel, /Wrap up/);
    await button(kickoff.panel, 'Finish conversation').click();
    await kickoff.panel.getByRole('heading', { name: 'Conversation finished' }).waitFor();
    await kickoff.page.close();

    const closing = await openMeeting(ext, newMeetUrl());
    await closing.panel.getByLabel('Preparation', { exact: true }).selectOption({ label: 'Alex' });
    await startAs(closing.panel, 'Closing');
    const recap = closing.panel.getByRole('region', { name: 'At kickoff' });
    await expect.poll(() => recap.textContent()).toContain('Delegate more; speak up in leadership meetings');
    expect(await recap.textContent()).toContain('Monthly stretch assignment');

    await closing.panel.getByLabel('Linked preparation').selectOption({ label: 'None' });
    await expect.poll(() => recap.count()).toBe(0);

    // Linked again, then finished: a Kickoff started next on this link recalls nothing of it.
    await closing.panel.getByLabel('Linked preparation').selectOption({ label: 'Alex' });
    await expect.poll(() => recap.count()).toBe(1);
    await jumpTo(closing.panel, /Wrap up/);
    await button(closing.panel, 'Finish conversation').click();
    await button(closing.panel, 'Start a new conversation').click();
    await startAs(closing.panel, 'Kickoff');
    await expect.poll(() => stepTitle(closing.panel)).toBe('Welcome and introductions');
    expect(await recap.count()).toBe(0);
    await closing.page.close();
  });
});
