interface Props {
  granted: boolean | null;
  onAllow: () => void;
}

/**
 * Firefox treats access to the meeting sites as the coach's to grant (and Chrome lets them limit
 * it): without it the panel cannot dock. Say so where the coach looks first, with the way out.
 */
export function HostAccess({ granted, onAllow }: Props) {
  if (granted !== false) return null;
  return (
    <div class="notice" role="status">
      <p class="host-access__text">Alignment Companion cannot dock in your meetings: it has no access to the meeting sites.</p>
      <button type="button" class="button button--primary" onClick={onAllow}>
        Allow on meeting sites
      </button>
    </div>
  );
}
