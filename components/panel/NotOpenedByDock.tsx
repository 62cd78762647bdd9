/**
 * What a panel shows when our dock did not open it: a bare URL, or a meeting page framing
 * panel.html itself. It shows nothing of any session and has nothing to click. `refused` when
 * the background checked what it was handed and turned it down.
 */
export function NotOpenedByDock({ refused = false }: { refused?: boolean }) {
  return (
    <main class="panel" aria-label="Alignment Companion">
      <p class="notice" data-refused={refused || undefined}>
        {refused && 'This panel was not opened by Alignment Companion. '}
        Open the panel from the meeting page. Alignment Companion docks it for you in Google Meet, Zoom and Teams, and on its
        practice page.
      </p>
    </main>
  );
}
