import { describeClock } from '../../utils/agenda/clock';
import { clockReels, type ClockReels, type Reel } from '../../utils/agenda/clock-reels';

/** What shows a clock: its text, the time left it is the text of, and whether that time is moving. */
export interface ClockView {
  show(text: string, remainingMs: number, running: boolean): void;
}

/**
 * Off by more than this, the reels are set to the clock again: the page's animation clock and the
 * wall clock part after a machine sleeps or its time is set.
 */
const DRIFT_MS = 40;

/**
 * A clock shown in `element` (the role="timer" element): while it runs, as reels the compositor
 * turns (clock-reels.ts), still text while it stands. What it shows is hidden from screen readers,
 * which read the time in words from the element's description instead: an attribute, which the
 * page does not draw, so writing it each second costs no frame. The element's children are this
 * view's alone.
 */
export function reelsView(element: HTMLElement): ClockView {
  let shape = '';
  let turning: Animation[] = [];
  let described = '';

  const build = (parts: (string | Reel)[], reels: ClockReels | null) => {
    for (const animation of turning) animation.cancel();
    turning = [];
    const document = element.ownerDocument;
    const children = parts.map((part) => {
      const span = document.createElement('span');
      span.setAttribute('aria-hidden', 'true');
      if (typeof part === 'string') {
        span.textContent = part;
        return span;
      }
      span.className = 'reel';
      const cells = document.createElement('span');
      cells.className = 'reel__cells';
      cells.textContent = part.cells.join('\n');
      span.append(cells);
      const turn = part.cells.length * part.holdMs;
      const animation = cells.animate([{ transform: 'translateY(0)' }, { transform: 'translateY(-100%)' }], {
        duration: turn,
        // A countdown's reels stop on 0:00 and hold it.
        iterations: reels!.endMs === Infinity ? Infinity : reels!.endMs / turn,
        easing: `steps(${part.cells.length}, end)`,
        fill: 'forwards',
      });
      turning.push(animation);
      return span;
    });
    element.replaceChildren(...children);
    if (reels) setTime(reels.timeMs);
  };

  // From the start time, not the current time: an animation just made waits for a frame before it
  // starts, and set by its current time it would start that much behind.
  const setTime = (timeMs: number) => {
    const start = Number(element.ownerDocument.timeline.currentTime) - timeMs;
    for (const animation of turning) animation.startTime = start;
  };

  return {
    show(text, remainingMs, running) {
      if (text !== described) {
        described = text;
        element.setAttribute('aria-description', describeClock(remainingMs));
      }
      if (!running) {
        if (shape !== `still ${text}`) build([text], null);
        shape = `still ${text}`;
        return;
      }
      const reels = clockReels(remainingMs);
      if (reels.key !== shape) {
        shape = reels.key;
        build(reels.parts, reels);
        return;
      }
      const now = Number(turning[0]?.currentTime ?? reels.timeMs);
      if (Math.abs(now - reels.timeMs) > DRIFT_MS) setTime(reels.timeMs);
    },
  };
}

