import type { TabStatus } from '../../utils/session/protocol';
import { HostAccess } from './HostAccess';
import { NoMeetingHere } from './NoMeetingHere';

export interface ToolbarActions {
  showPanel: () => void;
  dockHere: () => void;
  undockHere: () => void;
  openSidePanel: (() => void) | null;
  callOutside: () => void;
  practice: () => void;
  conversations: () => void;
  allowHosts: () => void;
}

interface Props {
  /** The active tab's content script's answer; null off the meeting sites; undefined while asking. */
  status: TabStatus | null | undefined;
  hostsGranted: boolean | null;
  actions: ToolbarActions;
}

/** The toolbar button's view: the way in for a coach who installed the extension from a store. */
export function ToolbarMenu({ status, hostsGranted, actions }: Props) {
  return (
    <main class="panel toolbar" aria-label="Alignment Companion">
      <div class="panel__body">
        <p class="panel__brand">Alignment Companion</p>
        <HostAccess granted={hostsGranted} onAllow={actions.allowHosts} />
        {status === undefined ? null : status?.key ? (
          <section class="toolbar__here" aria-labelledby="toolbar-here">
            <h2 id="toolbar-here" class="step__title">
              {status.dockedHere ? 'Panel docked on this page' : 'Meeting found in this tab'}
            </h2>
            <button type="button" class="button button--primary button--wide" onClick={actions.showPanel}>
              Show the panel
            </button>
            {status.dockedHere && (
              <button type="button" class="button button--wide" onClick={actions.undockHere}>
                Remove the panel from this page
              </button>
            )}
          </section>
        ) : (
          <NoMeetingHere
            onMeetingSite={status !== null}
            onDockHere={actions.dockHere}
            onCallOutside={actions.callOutside}
            onPractice={actions.practice}
          />
        )}
        <nav aria-label="Alignment Companion" class="toolbar__nav">
          <ul class="toolbar__list">
            {status?.key && (
              <li>
                <button type="button" class="button button--wide" onClick={actions.callOutside}>
                  Start a call outside the browser
                </button>
              </li>
            )}
            {actions.openSidePanel && (
              <li>
                <button type="button" class="button button--wide" onClick={actions.openSidePanel}>
                  Open in the side panel
                </button>
              </li>
            )}
            <li>
              <button type="button" class="button button--wide" onClick={actions.conversations}>
                Conversations
              </button>
            </li>
            <li>
              <button type="button" class="button button--wide" onClick={actions.conversations}>
                Settings
              </button>
            </li>
          </ul>
        </nav>
      </div>
    </main>
  );
}
