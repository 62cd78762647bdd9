import { COMPACT_DOCK_WIDTH_PX, DOCK_WIDTH_PX, type DockPlacement } from '../utils/meeting/dock-placement';

/** Inline and !important on the host, so no page stylesheet can hide, move or restyle it. */
export function hostStyle({ topPx, bottomPx, side = 'right' }: DockPlacement): string {
  return [
    'all: initial',
    'position: fixed',
    `top: ${topPx}px`,
    `bottom: ${bottomPx}px`,
    side === 'right' ? 'right: 8px' : 'left: 8px',
    side === 'right' ? 'left: auto' : 'right: auto',
    'display: block',
    'visibility: visible',
    'opacity: 1',
    'transform: none',
    'z-index: 2147483647',
    // The host spans the dock's height; only its tab and panel take clicks.
    'pointer-events: none',
  ]
    .map((rule) => `${rule} !important;`)
    .join(' ');
}

export const SHADOW_CSS = `
.dock { display: flex; align-items: flex-start; height: 100%; font: 13px/1.2 system-ui, sans-serif; }
.tab {
  pointer-events: auto; cursor: pointer; margin-top: 12px; width: 28px; height: 96px; padding: 0;
  border: 1px solid #c9d1dc; border-right: 0; border-radius: 8px 0 0 8px; background: #1f5fbf; color: #fff;
  writing-mode: vertical-rl; font: 600 12px system-ui, sans-serif; box-shadow: 0 2px 8px rgb(0 0 0 / 30%);
}
.tab:focus-visible { outline: 3px solid #ffbf47; outline-offset: 1px; }
.frame {
  pointer-events: auto; width: ${DOCK_WIDTH_PX}px; height: 100%; border: 0; border-radius: 10px;
  background: #fff; box-shadow: 0 4px 18px rgb(0 0 0 / 35%); color-scheme: normal;
}
.dock[data-collapsed='true'] .frame { display: none; }
.dock[data-compact='true'] .frame { width: ${COMPACT_DOCK_WIDTH_PX}px; }
.dock[data-side='left'] { flex-direction: row-reverse; }
.dock[data-side='left'] .tab { border: 1px solid #c9d1dc; border-left: 0; border-radius: 0 8px 8px 0; }
`;
