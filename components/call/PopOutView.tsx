import { useComputed } from '@preact/signals';
import type { SessionClient } from '../../entrypoints/panel/session-client';
import { isFinished, sessionTemplate } from '../../utils/session/session';
import { StepControls } from '../conversation/StepControls';
import { StepTimers } from '../clock/StepTimers';
import { useClockFace } from '../clock/use-clock-face';
import type { TimerHost } from '../clock/run-clock';

interface Props {
  /** The call page's own client: the pop-out has no port of its own, so both show one state. */
  client: SessionClient;
  /** The pop-out's window: its clocks tick with the window on screen,
   * not with the tab behind it, which the browser may throttle. */
  timers: TimerHost;
}

/**
 * The few things a coach glances at while the call runs in another app: where they are, how long
 * is left, the three step controls and the first guardrail. No live region: the call page's
 * announcer already speaks each change.
 */
export function PopOutView({ client, timers }: Props) {
  const { session, loaded, send } = client;
  const started = useComputed(() => session.value !== null && !isFinished(session.value));
  const clock = useClockFace(session, started, timers);
  const live = useComputed(() => (started.value && !clock.stale.value ? session.value : null));

  const s = live.value;
  const step = s?.agenda[s.current];
  if (!s || !step) {
    return (
      <main class="pop-out" aria-label="Alignment Companion pop-out">
        <p class="pop-out__idle">{idleText(loaded.value, session.value !== null && isFinished(session.value))}</p>
      </main>
    );
  }
  const paused = s.runningSince === null;
  return (
    <main class="pop-out" aria-label="Alignment Companion pop-out">
      <p class="pop-out__meta">
        Step {s.current + 1} of {s.agenda.length}
      </p>
      <h1 id="step-title" class="pop-out__title">
        {step.title}
      </h1>
      <StepTimers paused={paused} clock={clock} />
      <StepControls
        isFirst={s.current === 0}
        isLast={s.current === s.agenda.length - 1}
        paused={paused}
        onPrevious={() => void send({ type: 'previous' })}
        onNext={() => void send({ type: 'next' })}
        onTogglePause={() => void send({ type: paused ? 'resume' : 'pause' })}
      />
      {/* The conversation's own first guardrail: a coach's template words its own. */}
      <p class="pop-out__guardrail">{sessionTemplate(s).guardrails[0]}</p>
    </main>
  );
}

function idleText(loaded: boolean, finished: boolean): string {
  if (!loaded) return 'Loading the session…';
  return finished ? 'Conversation finished. The next steps are in the call tab.' : 'No conversation under way. Start it in the call tab.';
}
