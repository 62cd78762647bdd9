import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_LIMITS as LIMIT, type Template } from '../../utils/templates/schema';
import { builtInTemplate } from '../../utils/templates/built-ins';
import {
  TEMPLATE_FILE_MAX_BYTES,
  exportTemplateFile,
  parseTemplateFile,
  templateFileSizeProblem,
  templateFilename,
} from '../../utils/templates/file';
import { validateTemplate } from '../../utils/templates/validate';
import { sampleTemplate, validTemplate } from './templates-arbitraries';

const NOW = Date.UTC(2025, 9, 9, 14, 30);
const noId = () => {
  throw new Error('no copy expected');
};
let counter = 0;
const makeId = () => `copy-${++counter}`;

const reason = (text: string, existing: string[] = []) => {
  const result = parseTemplateFile(text, existing, makeId);
  return result.ok ? null : result.reason;
};

/** A good file, changed by `edit` on its parsed form. */
function fileWith(edit: (file: Record<string, any>) => void): string {
  const file = JSON.parse(exportTemplateFile(sampleTemplate(), NOW));
  edit(file);
  return JSON.stringify(file);
}

/** The largest template the limits allow, in three-byte characters wherever text goes. */
function largest(): Template {
  const text = (limit: number, seed: number) => `${seed}`.padEnd(limit, '漢');
  const template = sampleTemplate({ name: text(LIMIT.name, 0), description: text(LIMIT.description, 0) });
  template.id = 'x'.repeat(64);
  template.guardrails = Array.from({ length: LIMIT.maxGuardrails }, (_, i) => text(LIMIT.guardrail, i));
  template.steps = Array.from({ length: LIMIT.maxSteps }, (_, s) => ({
    id: `${s}`.padEnd(40, 'a'),
    title: text(LIMIT.title, s),
    lead: 'coachee-and-manager' as const,
    minutes: s === LIMIT.maxSteps - 1 ? 8 : 2,
    prompt: text(LIMIT.prompt, s),
    points: Array.from({ length: LIMIT.maxPoints }, (_, i) => text(LIMIT.point, i)),
    guardrails: Array.from({ length: LIMIT.maxStepGuardrails }, (_, i) => text(LIMIT.guardrail, i)),
    capture: ['goals', 'support', 'cadence', 'secondConversation'],
    wrapUp: s === LIMIT.maxSteps - 1,
    objectives: true,
  }));
  return template;
}

describe('exportTemplateFile', () => {
  it('writes the schema, its version, when, and the template: nothing else', () => {
    const stored = { ...sampleTemplate(), notes: 'private', sessions: [1] } as Template;
    const file = JSON.parse(exportTemplateFile(stored, NOW));
    expect(Object.keys(file)).toEqual(['schema', 'version', 'exportedAt', 'template']);
    expect(file).toMatchObject({ schema: 'alignment-companion-template', version: 1, exportedAt: '2025-10-09T14:30:00.000Z' });
    expect(file.template).toEqual(sampleTemplate());
  });

  it('fits the largest template the limits allow well under 256 KB', () => {
    const text = exportTemplateFile(largest(), NOW);
    expect(new TextEncoder().encode(text).length).toBeLessThan(TEMPLATE_FILE_MAX_BYTES / 2);
    expect(parseTemplateFile(text, [], noId)).toEqual({ ok: true, template: largest(), renamed: false });
  });
});

describe('parseTemplateFile, for good files', () => {
  it('round-trips any valid template whose id is free', () => {
    fc.assert(
      fc.property(validTemplate, (template) => {
        fc.pre(template.id !== 'kickoff' && template.id !== 'closing');
        const result = parseTemplateFile(exportTemplateFile(template, NOW), ['someone-else'], noId);
        expect(result).toEqual({ ok: true, template, renamed: false });
      }),
      { numRuns: 200 },
    );
  });

  it('brings a template whose id is taken in as a copy: new id, "(copy)" in its name, version 1, the rest as it was', () => {
    fc.assert(
      fc.property(validTemplate, (template) => {
        const result = parseTemplateFile(exportTemplateFile(template, NOW), [template.id], () => 'fresh-id');
        expect(result.ok && result.renamed).toBe(true);
        if (!result.ok) return;
        expect(result.template).toEqual({ ...template, id: 'fresh-id', name: result.template.name, version: 1 });
        expect(result.template.name).toMatch(/ \(copy( \d+)?\)$/);
        expect(result.template.name.length).toBeLessThanOrEqual(LIMIT.name);
      }),
      { numRuns: 100 },
    );
  });

  it('treats the built-ins’ ids as taken, so an import never shadows Kickoff or Closing', () => {
    const result = parseTemplateFile(exportTemplateFile(builtInTemplate('kickoff'), NOW), [], () => 'my-kickoff');
    expect(result).toMatchObject({ ok: true, renamed: true, template: { id: 'my-kickoff', name: 'Kickoff (copy)' } });
  });

  it('asks again when the id maker gives a taken or malformed id, and refuses when it keeps doing so', () => {
    const ids = ['team-template-01', 'has space', 'kickoff', 'fine-id'];
    const result = parseTemplateFile(exportTemplateFile(sampleTemplate(), NOW), ['team-template-01'], () => ids.shift()!);
    expect(result).toMatchObject({ ok: true, template: { id: 'fine-id' } });
    const stuck = parseTemplateFile(exportTemplateFile(sampleTemplate(), NOW), ['team-template-01'], () => 'team-template-01');
    expect(stuck).toEqual({ ok: false, reason: 'This template could not be given a new id, so nothing was imported.' });
  });

  it('accepts a file without its time of export', () => {
    expect(reason(fileWith((file) => delete file.exportedAt))).toBeNull();
  });
});

describe('parseTemplateFile refuses, in one sentence', () => {
  it.each([
    ['not JSON', 'name: Kickoff', 'This file is not a template: it is not valid JSON.'],
    ['empty', '', 'This file is not a template: it is not valid JSON.'],
    ['JSON that is not a template', '[1, 2]', 'This file is not an Alignment Companion template.'],
    ['another schema', fileWith((file) => (file.schema = 'agenda')), 'This file is not an Alignment Companion template.'],
    ['no version', fileWith((file) => delete file.version), 'This file is not an Alignment Companion template.'],
    ['a backup', JSON.stringify({ schema: 'alignment-companion-backup', version: 1 }), 'This file is a backup, not a template: restore it with Import backup.'],
    [
      'a newer version',
      fileWith((file) => (file.version = 2)),
      'This template was made by a newer version of Alignment Companion; update the extension to import it.',
    ],
    ['more than a template', fileWith((file) => (file.notes = {})), 'This template file carries more than a template ("notes"), so nothing was imported.'],
    ['no template', fileWith((file) => delete file.template), 'This template file holds no template.'],
    ['a time of export that is no text', fileWith((file) => (file.exportedAt = 5)), 'This file is not an Alignment Companion template.'],
    [
      'a field that fails, named by its path',
      fileWith((file) => (file.template.steps[2].title = '')),
      'This template cannot be imported: the title is empty (steps[2].title).',
    ],
    [
      'several fields that fail',
      fileWith((file) => {
        file.template.steps[0].lead = 'boss';
        file.template.steps[1].minutes = 99;
      }),
      'This template cannot be imported: unknown lead: choose Coach, Coachee, Manager, Coachee and manager or Everyone (steps[0].lead), and 2 more problems.',
    ],
    [
      'a template that is not an object',
      fileWith((file) => (file.template = 'Kickoff')),
      'This template cannot be imported: a template must be an object with a name and steps.',
    ],
  ])('%s', (_, text, sentence) => {
    expect(reason(text)).toBe(sentence);
  });

  it('over 256 KB, before reading it', () => {
    const big = fileWith((file) => (file.template.description = 'x'.repeat(300_000)));
    expect(reason(big)).toBe('This file is larger than 256 KB, too large for a template.');
    // Counted in bytes as the file is: 90,000 three-byte characters are 270 KB.
    expect(reason(fileWith((file) => (file.padding = '漢'.repeat(90_000))))).toBe('This file is larger than 256 KB, too large for a template.');
    expect(templateFileSizeProblem(TEMPLATE_FILE_MAX_BYTES)).toBeNull();
    expect(templateFileSizeProblem(TEMPLATE_FILE_MAX_BYTES + 1)).toMatch(/larger than 256 KB/);
  });

  it('and never throws, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.anything().map((value) => JSON.stringify(value) ?? 'undefined')), (text) => {
        const result = parseTemplateFile(text, [], makeId);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.reason).toMatch(/^This .*\.$/);
      }),
      { numRuns: 500 },
    );
  });

  it('and never throws for a good file with anything put in place of one of its parts', () => {
    const parts = fc.constantFrom('schema', 'version', 'template', 'template.name', 'template.steps', 'template.steps.1', 'template.steps.1.minutes', 'template.guardrails');
    fc.assert(
      fc.property(validTemplate, parts, fc.anything(), (template, path, value) => {
        const file = JSON.parse(exportTemplateFile(template, NOW));
        const keys = path.split('.');
        keys.slice(0, -1).reduce((node, key) => node[key], file)[keys.at(-1)!] = value;
        const result = parseTemplateFile(JSON.stringify(file), [], makeId);
        if (!result.ok) expect(result.reason).toMatch(/^This .*\.$/);
        // What still passes (a string for the name, say) is a valid template all the same.
        else expect(validateTemplate(result.template).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('when the id maker throws, with a sentence too', () => {
    const boom = () => {
      throw new Error('no randomness');
    };
    expect(parseTemplateFile(exportTemplateFile(sampleTemplate(), NOW), ['team-template-01'], boom)).toEqual({
      ok: false,
      reason: 'This template could not be read, so nothing was imported.',
    });
  });
});

describe('templateFilename', () => {
  it('names the file after the template, in plain ASCII', () => {
    expect(templateFilename({ name: 'First 90 days' })).toBe('alignment-companion-template-first-90-days.json');
    expect(templateFilename({ name: 'Café: mid-point ✓' })).toBe('alignment-companion-template-cafe-mid-point.json');
    expect(templateFilename({ name: '漢字' })).toBe('alignment-companion-template.json');
  });
});
