import { canMakeReminder, checkInReminder } from '../../utils/outputs/ics';
import { nextStepsForSession } from '../../utils/outputs/next-steps';
import type { Preferences } from '../../utils/session/preferences';
import type { LibraryCommand } from '../../utils/session/protocol';
import type { Command, Session } from '../../utils/session/session';
import { NextSteps } from './NextSteps';

interface Props {
  session: Session;
  preferences: Preferences;
  send: (command: Command) => Promise<string | null>;
  sendLibrary: (command: LibraryCommand) => Promise<string | null>;
  emphasised: boolean;
}

/** The next-steps message and the check-in reminder, during wrap-up and after the finish alike. */
export function WrapUp({ session: s, preferences, send, sendLibrary, emphasised }: Props) {
  const { format } = preferences;
  const cadence = s.capture.cadence;
  const reminder = canMakeReminder(cadence)
    ? {
        filename: 'check-in-reminder.ics',
        text: () =>
          checkInReminder({
            cadence,
            startedAt: s.startedAt,
            now: Date.now(),
            uid: `${s.key}-${s.startedAt}@alignment-companion`,
            title: 'Check-in on coaching goals',
            description: 'Check in on the coaching goals agreed in the alignment conversation.',
          }),
      }
    : null;
  return (
    <NextSteps
      composed={nextStepsForSession(s, format)}
      edited={s.nextStepsText}
      onEdit={(text) => send({ type: 'next-steps', text })}
      format={format}
      onFormat={(value) => void sendLibrary({ type: 'preference', name: 'format', value })}
      reminder={reminder}
      emphasised={emphasised}
    />
  );
}
