interface Props {
  /** The tab is on a meeting site (our content script answered) but shows no meeting we know. */
  onMeetingSite: boolean;
  onDockHere: () => void;
  onCallOutside: () => void;
  onPractice: () => void;
}

/** What the toolbar view and the side panel offer on a tab without a meeting: no dead ends. */
export function NoMeetingHere({ onMeetingSite, onDockHere, onCallOutside, onPractice }: Props) {
  return (
    <section class="no-meeting" aria-labelledby="no-meeting-title">
      <h2 id="no-meeting-title" class="step__title">
        No meeting in this tab
      </h2>
      {onMeetingSite ? (
        <>
          <p class="setup__intro">If your call is on this page, dock the panel here. It stays for this page, after a reload too.</p>
          <button type="button" class="button button--primary button--wide" onClick={onDockHere}>
            Dock the panel here
          </button>
        </>
      ) : (
        <p class="setup__intro">In the Zoom or Teams app, or on the phone? Run the conversation from a tab of its own.</p>
      )}
      <button type="button" class={`button button--wide ${onMeetingSite ? '' : 'button--primary'}`} onClick={onCallOutside}>
        Start a call outside the browser
      </button>
      <button type="button" class="button button--wide" onClick={onPractice}>
        Practice meeting
      </button>
    </section>
  );
}
