/** axe-core (WCAG 2.1 A and AA) over any of our pages or frames, in light and dark. */
import type { Frame, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe (WCAG 2.1 A and AA, contrast included) on the panel as it is on screen now. */
export async function violations(panel: Frame | Page): Promise<Violation[]> {
  await panel.evaluate(AXE_SOURCE);
  const result = await panel.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    }),
  );
  return result.violations.map(({ id, help, nodes }) => ({ id, help, nodes: nodes.map(({ target }) => ({ target })) }));
}

/**
 * Reduced motion as well: the panel's colours ease over 120 ms, and a contrast check taken
 * mid-way after the switch would measure a colour the coach never rests on.
 */
export async function inScheme(page: Page, scheme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
}

