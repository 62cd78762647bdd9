interface Props {
  id: string;
  label: string;
  onFile: (file: File) => void;
}

/** A labelled picker of one JSON file: a backup or a template. */
export function JsonFileInput({ id, label, onFile }: Props) {
  return (
    <label class="field">
      {label}
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        onChange={(event) => {
          const input = event.currentTarget;
          const file = input.files?.[0];
          // Cleared so that choosing the same file again is a new import.
          input.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}
