import { prepTitle, type Preparation } from '../utils/preparation';

interface Props {
  preparations: Preparation[];
  linked: string | null;
  onLink: (preparationId: string | null) => void;
}

/** Which preparation (which engagement) this conversation belongs to; the coach can change or clear it. */
export function PreparationLink({ preparations, linked, onLink }: Props) {
  if (preparations.length === 0 && linked === null) return null;
  return (
    <div class="field field--inline">
      <label for="linked-preparation">Linked preparation</label>
      <select id="linked-preparation" value={linked ?? ''} onChange={(event) => onLink(event.currentTarget.value || null)}>
        <option value="">None</option>
        {preparations.map((prep) => (
          <option key={prep.id} value={prep.id}>
            {prepTitle(prep)}
          </option>
        ))}
      </select>
    </div>
  );
}
