import type { Platform } from './meeting-identity';

/**
 * Where the dock sits on each platform's page, so it never covers the call controls:
 * Meet and Zoom keep theirs in a bottom bar, Teams keeps its own (hang-up included) at the top.
 */
export interface DockPlacement {
  topPx: number;
  bottomPx: number;
  /** The edge of the meeting the dock sits on; the coach chooses it (Panel position). */
  side?: 'left' | 'right';
}

/** The platforms a dock is placed on; a call outside the browser has a tab of its own. */
export type DockedPlatform = Exclude<Platform, 'desk'>;

export const DOCK_PLACEMENT: Record<DockedPlatform, DockPlacement> = {
  meet: { topPx: 12, bottomPx: 96 },
  zoom: { topPx: 12, bottomPx: 72 },
  teams: { topPx: 72, bottomPx: 12 },
  practice: { topPx: 12, bottomPx: 96 },
};

export const DOCK_WIDTH_PX = 340;
export const COMPACT_DOCK_WIDTH_PX = 280;
