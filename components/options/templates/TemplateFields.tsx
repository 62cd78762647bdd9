/** The editor's text fields: a labelled box with its counter and its problem, and a list of them. */
/** `steps[2].title` → `tpl-steps-2-title`: the field a validation problem belongs to. */
export const fieldId = (path: string) => `tpl-${path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`;

export function TextField(props: {
  path: string;
  label: string;
  value: string;
  limit: number;
  error?: string;
  multiline?: boolean;
  onInput: (text: string) => void;
}) {
  const id = fieldId(props.path);
  const left = props.limit - props.value.length;
  const Tag = props.multiline ? 'textarea' : 'input';
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <Tag
        id={id}
        {...(props.multiline ? { rows: 2 } : { type: 'text' })}
        maxLength={props.limit}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={`${id}-count${props.error ? ` ${id}-error` : ''}`}
        onInput={(event) => props.onInput((event.currentTarget as HTMLInputElement).value)}
      />
      <p class="field__meta">
        {props.error && (
          <span id={`${id}-error`} class="field__error">
            {props.error}
          </span>
        )}
        <span id={`${id}-count`} class={`field__count ${left <= props.limit * 0.1 ? 'field__count--low' : ''}`}>
          {left <= 0 ? 'Limit reached' : `${props.value.length}/${props.limit}`}
          <span class="visually-hidden">{left <= 0 ? `: ${props.limit} characters` : ' characters'}</span>
        </span>
      </p>
    </div>
  );
}

export function TextList(props: { path: string; noun: string; label: string; items: string[]; max: number; limit: number; errors: Map<string, string>; onChange: (items: string[]) => void }) {
  return (
    <fieldset class="tpl-list">
      <legend>{props.label}</legend>
      {props.items.map((item, i) => (
        <div class="tpl-list__item" key={i}>
          <TextField
            path={`${props.path}[${i}]`}
            label={`${props.noun} ${i + 1}`}
            value={item}
            limit={props.limit}
            error={props.errors.get(`${props.path}[${i}]`)}
            onInput={(text) => props.onChange(props.items.map((old, j) => (j === i ? text : old)))}
          />
          <button type="button" class="button" onClick={() => props.onChange(props.items.filter((_, j) => j !== i))}>
            Remove {props.noun.toLowerCase()} {i + 1}
          </button>
        </div>
      ))}
      {props.errors.get(props.path) && <p class="field__error">{props.errors.get(props.path)}</p>}
      <button type="button" class="button" disabled={props.items.length >= props.max} onClick={() => props.onChange([...props.items, ''])}>
        Add {props.noun.toLowerCase()}
      </button>
    </fieldset>
  );
}
