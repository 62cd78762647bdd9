// Draws the extension icon (three people in a circle: coach, coachee, manager) as PNGs,
// so the icons are reproducible without an image editor. Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [31, 95, 191];
const WHITE = [255, 255, 255];

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Coverage of a pixel by a disc, sampled 4×4 for smooth edges. */
function disc(x, y, cx, cy, r) {
  let hits = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) {
    const dx = x + (i + 0.5) / 4 - cx;
    const dy = y + (j + 0.5) / 4 - cy;
    if (dx * dx + dy * dy <= r * r) hits++;
  }
  return hits / 16;
}

function icon(size) {
  const s = size / 128;
  const heads = [
    [64, 36],
    [38, 80],
    [90, 80],
  ].map(([x, y]) => [x * s, y * s]);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const bg = disc(x, y, size / 2, size / 2, size / 2 - 0.5);
      const fg = Math.min(1, heads.reduce((sum, [cx, cy]) => sum + disc(x, y, cx, cy, 15 * s), 0));
      const color = BLUE.map((c, i) => Math.round(c * (1 - fg) + WHITE[i] * fg));
      const at = y * (size * 4 + 1) + 1 + x * 4;
      raw.set([...color, Math.round(255 * bg)], at);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(new URL('../public/icon/', import.meta.url), { recursive: true });
for (const size of [16, 32, 48, 96, 128]) {
  writeFileSync(new URL(`../public/icon/${size}.png`, import.meta.url), icon(size));
}
