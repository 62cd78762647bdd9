import { prepTitle, type Preparation } from '../../utils/session/preparation';

interface Props {
  id: string;
  label: string;
  preparations: Preparation[];
  /** The linked preparation's id, or '' for none. */
  value: string;
  onChange: (preparationId: string) => void;
  inline?: boolean;
}

/** Which preparation (which engagement) a conversation belongs to: at the start, and changed or cleared later. */
export function PreparationSelect({ id, label, preparations, value, onChange, inline = false }: Props) {
  return (
    <div class={inline ? 'field field--inline' : 'field'}>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
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
