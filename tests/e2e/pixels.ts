/**
 * Compares what the screen shows in one region of two screenshots. Playwright's clipped
 * screenshots leave headless Chromium routing later clicks to the page instead of our
 * out-of-process panel frame, so tests take whole-viewport shots and compare a region here,
 * decoded by the browser itself (no image library needed).
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

export async function openDecoder(context: BrowserContext): Promise<Page> {
  return context.newPage(); // about:blank: no page script, nothing routed
}

/** The share of pixels in the region that differ between two PNG screenshots (0 = identical). */
export async function regionDifference(decoder: Page, a: Buffer, b: Buffer, region: Region): Promise<number> {
  const box = {
    x: Math.round(region.x),
    y: Math.round(region.y),
    width: Math.max(1, Math.round(region.width)),
    height: Math.max(1, Math.round(region.height)),
  };
  return decoder.evaluate(
    async ([first, second, r]) => {
      const read = async (base64: string) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(r.width, r.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, -r.x, -r.y);
        return context.getImageData(0, 0, r.width, r.height).data;
      };
      const [p, q] = await Promise.all([read(first), read(second)]);
      let differing = 0;
      for (let i = 0; i < p.length; i += 4) {
        if (Math.abs(p[i]! - q[i]!) + Math.abs(p[i + 1]! - q[i + 1]!) + Math.abs(p[i + 2]! - q[i + 2]!) > 24) differing++;
      }
      return differing / (p.length / 4);
    },
    [a.toString('base64'), b.toString('base64'), box] as const,
  );
}
