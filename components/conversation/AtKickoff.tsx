import type { KickoffRecap } from '../../utils/records/at-kickoff';

/** In a Closing: what the same engagement agreed at its Kickoff, to open the closing with it. */
export function AtKickoff({ recap }: { recap: KickoffRecap | null }) {
  if (!recap) return null;
  return (
    <section class="at-kickoff" aria-label="At kickoff">
      <h2 id="at-kickoff-title" class="section__title">
        At kickoff
      </h2>
      <p class="at-kickoff__date">{new Date(recap.startedAt).toLocaleDateString(undefined, { dateStyle: 'medium' })}</p>
      <dl class="at-kickoff__list">
        <dt>Goals shared</dt>
        <dd>{recap.goals || '—'}</dd>
        <dt>Support offered</dt>
        <dd>{recap.support || '—'}</dd>
        <dt>Check-in cadence</dt>
        <dd>{recap.cadenceText || '—'}</dd>
      </dl>
    </section>
  );
}
