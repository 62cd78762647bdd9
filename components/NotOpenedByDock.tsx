/**
 * What a panel shows when our dock did not open it: a bare URL, or a meeting page framing
 * panel.html itself. It shows nothing of any session and has nothing to click.
 */
export function NotOpenedByDock() {
  return (
    <main class="panel" aria-label="Alignment Companion">
      <p class="notice">
        Open the panel from the meeting page. Alignment Companion docks it for you in Google Meet, Zoom and Teams, and on its
        practice page.
      </p>
    </main>
  );
}
