import { MEETING_LENGTHS } from '../../../utils/agenda/agenda';
import { allotMinutes } from '../../../utils/templates/allot';
import type { Template } from '../../../utils/templates/schema';

/** The agenda at 30, 45 and 60 minutes as a start would allot it, live as the coach edits. */
export function TemplatePreview({ template }: { template: Template }) {
  const lengths = MEETING_LENGTHS;
  let preview: number[][] | null = null;
  try {
    preview = lengths.map((length) => allotMinutes(template, length));
  } catch {
    preview = null;
  }
  return (
    <section aria-labelledby="tpl-preview-title" class="tpl-preview">
      <h3 id="tpl-preview-title">Preview</h3>
      {preview ? (
        <table>
          <thead>
            <tr>
              <th scope="col">Step</th>
              {lengths.map((length) => (
                <th scope="col" key={length}>
                  {length} min
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {template.steps.map((step, i) => (
              <tr key={step.id}>
                <th scope="row">{step.title || `Step ${i + 1}`}</th>
                {preview!.map((minutes, j) => (
                  <td key={j}>{minutes[i]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">The preview shows once the minutes add up to 30.</p>
      )}
    </section>
  );
}
