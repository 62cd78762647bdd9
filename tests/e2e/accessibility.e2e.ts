import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScheme, violations } from './axe';
import { openDecoder, regionDifference } from './pixels';
import { type Extension, button, jumpTo, launch, newMeetUrl, openMeeting, stepTitle } from './harness';


let ext: Extension;
beforeAll(async () => {
  ext = await launch();
});
afterAll(async () => {
  await ext?.close();
});

describe.each(['light', 'dark'] as const)('the panel in %s mode', (scheme) => {
  it('passes WCAG 2.1 AA checks before the start, in Prepare, in a step with capture, in a playbook and at wrap-up', async () => {
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    await inScheme(page, scheme);
    expect(await violations(panel)).toEqual([]);

    await panel.getByRole('tab', { name: 'Prepare' }).click();
    await panel.getByRole('textbox', { name: 'Desired outcome' }).waitFor();
    expect(await violations(panel)).toEqual([]);

    await panel.getByRole('tab', { name: 'Meeting' }).click();
    await button(panel, 'Start conversation').click();
    await jumpTo(panel, /Ongoing feedback/);
    await expect.poll(() => stepTitle(panel)).toBe('Ongoing feedback');
    await panel.getByLabel('Check-in cadence', { exact: true }).selectOption('custom');
    await panel.getByRole('textbox', { name: 'Cadence in your words' }).waitFor();
    await panel.getByRole('textbox', { name: 'Parked topic' }).fill('Budget');
    await button(panel, 'Park topic').click();
    await panel.getByRole('list', { name: 'Parked topics' }).waitFor();
    await button(panel, 'Add one minute').click();
    expect(await violations(panel)).toEqual([]);

    await button(panel, 'Heated').click();
    await panel.getByRole('region', { name: 'Playbook' }).waitFor();
    expect(await violations(panel)).toEqual([]);
    await button(panel, 'Back to the step').click();

    await button(panel, 'Hide private notes').click();
    await panel.getByText('Private notes hidden.').first().waitFor();
    await button(panel, 'Next step').click();
    await expect.poll(() => stepTitle(panel)).toBe('Wrap up and next steps');
    expect(await violations(panel)).toEqual([]);
    await button(panel, 'Hide private notes').click();
    await page.close();
  });
});

describe('keyboard use', () => {
  it('reaches every control in reading order: timers’ controls before the agenda, nothing trapped', async () => {
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    await button(panel, 'Start conversation').click();
    await panel.getByRole('timer', { name: 'Time left in step' }).waitFor();
    await button(panel, 'Hide private notes').focus();
    const order: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      order.push(await panel.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el ? el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? el.tagName : '';
      }));
    }
    const at = (name: string) => order.findIndex((entry) => entry.startsWith(name));
    expect(at('Previous step')).toBeGreaterThanOrEqual(0);
    expect(at('Previous step')).toBeLessThan(at('Next step'));
    expect(at('Next step')).toBeLessThan(at('Add one minute'));
    expect(at('Add one minute')).toBeLessThan(at('Off track'));
    expect(at('Off track')).toBeLessThan(at('Park topic'));
    expect(at('Park topic')).toBeLessThan(at('1Welcome'));
    await page.close();
  });

  it('draws a focus ring whole where a control meets the edge of its section', async () => {
    // The conversation's sections clip what they draw (a cheaper repaint of one of them); the ring
    // around a control at a section's edge falls outside the section and must still be seen.
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    const decoder = await openDecoder(ext.context);
    await button(panel, 'Start conversation').click();
    const edge = panel.locator('.controls .button').first();
    const [control, section] = await Promise.all([edge.boundingBox(), panel.locator('.controls').boundingBox()]);
    expect(Math.abs(control!.x - section!.x)).toBeLessThan(1);
    // Two to four pixels left of the control: outside its section, inside the ring (3 px, 2 px off).
    const outside = { x: control!.x - 4, y: control!.y + control!.height / 2 - 4, width: 2, height: 8 };
    const before = await page.screenshot();
    await button(panel, 'Hide private notes').focus();
    for (let i = 0; i < 20 && !(await edge.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await edge.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
    expect(await regionDifference(decoder, before, await page.screenshot(), outside)).toBeGreaterThan(0.9);
    await decoder.close();
    await page.close();
  });

  it('shows no motion when the coach asks for reduced motion', async () => {
    const { page, panel } = await openMeeting(ext, newMeetUrl());
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const durations = await panel.evaluate(() =>
      [...document.querySelectorAll('*')].map((el) => getComputedStyle(el)).filter((style) => style.transitionDuration !== '0s' || style.animationName !== 'none').length,
    );
    expect(durations).toBe(0);
    await page.close();
  });
});
