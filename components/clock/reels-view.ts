import { describeClock } from '../../utils/agenda/clock';
import { clockReels, reelsShape, type ClockReels, type Reel } from '../../utils/agenda/clock-reels';

/** What shows a clock: its text, the time left it is the text of, and whether that time is moving. */
export interface ClockView {
  show(text: string, remainingMs: number, running: boolean): void;
  /** Stops the view's animations: it is no longer on screen. */
  dispose(): void;
}

/**
 * Off by more than this, the reels are set to the clock again: the page's animation clock and the
 * wall clock part after a machine sleeps or its time is set.
 */
const DRIFT_MS = 40;

/**
 * A clock shown in `element` (the role="timer" element): while it runs, as reels the compositor
 * turns (clock-reels.ts), still while it stands. What is drawn is generated content from
 * attributes, hidden from screen readers, which read the time in words from the element's
 * description. No selector or generated content reads `aria-description`, so writing it each
 * second costs no frame (measured with no screen reader on); a text node
 * would, even one not rendered (measured: a `hidden` span's text brought back a style pass and a
 * frame a second, and the panel's main thread to 1.39 times the floor). The element's children
 * are this view's alone.
 */
export function reelsView(element: HTMLElement): ClockView {
  const document = element.ownerDocument;
  // The pop-out's elements live in another window, with a clock and animations of its own.
  const performance = document.defaultView?.performance ?? globalThis.performance;
  let shape = '';
  let described = '';
  let turning: Animation[] = [];

  const stop = () => {
    for (const animation of turning) animation.cancel();
    turning = [];
  };

  /** The reels' shared start on the document's timeline, whose zero is the page's time origin. */
  const startFor = (timeMs: number) => performance.now() - timeMs;

  const build = (parts: (string | Reel)[], reels: ClockReels | null) => {
    stop();
    const drawn = parts.map((part) => {
      const span = document.createElement('span');
      span.setAttribute('aria-hidden', 'true');
      if (typeof part === 'string') {
        span.className = 'reel__fixed';
        span.dataset.text = part;
        return span;
      }
      span.className = 'reel';
      const cells = document.createElement('span');
      cells.className = 'reel__cells';
      cells.dataset.cells = part.cells.join('\n');
      span.append(cells);
      const turn = part.cells.length * part.holdMs;
      const animation = cells.animate([{ transform: 'translateY(0)' }, { transform: 'translateY(-100%)' }], {
        duration: turn,
        // Each shape's reels stop on its last value and hold it (ClockReels.endMs).
        iterations: reels!.endMs / turn,
        easing: `steps(${part.cells.length}, end)`,
        fill: 'forwards',
      });
      // From the start time, not the current time: an animation just made waits for a frame before
      // it starts, and set by its current time it would start that much behind.
      animation.startTime = startFor(reels!.timeMs);
      turning.push(animation);
      return span;
    });
    element.replaceChildren(...drawn);
  };

  return {
    show(shown, remainingMs, running) {
      if (described !== shown) {
        described = shown;
        element.setAttribute('aria-description', describeClock(remainingMs));
      }
      if (!running) {
        if (shape !== `still ${shown}`) build([shown], null);
        shape = `still ${shown}`;
        return;
      }
      const current = reelsShape(remainingMs);
      if (current.key !== shape) {
        shape = current.key;
        const reels = clockReels(remainingMs);
        build(reels.parts, reels);
        return;
      }
      const start = startFor(current.timeMs);
      if (turning[0] && Math.abs(Number(turning[0].startTime) - start) > DRIFT_MS) for (const animation of turning) animation.startTime = start;
    },
    dispose: stop,
  };
}
