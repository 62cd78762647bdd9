import type { ComponentChildren } from 'preact';
import type { Signal } from '@preact/signals';

export type SetupTab = 'start' | 'prepare';

const TABS: { id: SetupTab; label: string }[] = [
  { id: 'start', label: 'Meeting' },
  { id: 'prepare', label: 'Prepare' },
];

/** Before the start: the meeting's set-up, or the coachee's preparation. ARIA tabs, arrow keys move. */
export function SetupTabs({ tab, children }: { tab: Signal<SetupTab>; children: ComponentChildren }) {
  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = TABS.findIndex((t) => t.id === tab.value);
    const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    tab.value = next.id;
    requestAnimationFrame(() => document.getElementById(`tab-${next.id}`)?.focus());
  }
  return (
    <div class="tabs">
      <div class="tabs__list" role="tablist" aria-label="Before the meeting" onKeyDown={onKeyDown}>
        {TABS.map(({ id, label }) => (
          <button
            key={id}
            id={`tab-${id}`}
            type="button"
            role="tab"
            class="tabs__tab"
            aria-selected={tab.value === id}
            aria-controls="setup-panel"
            tabIndex={tab.value === id ? 0 : -1}
            onClick={() => (tab.value = id)}
          >
            {label}
          </button>
        ))}
      </div>
      <div id="setup-panel" role="tabpanel" aria-labelledby={`tab-${tab.value}`}>
        {children}
      </div>
    </div>
  );
}
