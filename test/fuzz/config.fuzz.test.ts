// Fuzzing parseConfig and validateConfig: every input gives a config or located issues.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { getAtPointer, parseConfig, parsePointer, validateConfig } from '../../src/index.js';
import { applyTextEdits, serialization, serialize, textEdit, weirdString, type TextEdit } from './arbitraries.js';
import { anyDeployment } from './deployments.js';
import { assertLocated, fuzz, outcome } from './fuzz.js';
import { deepFreeze } from '../issues.js';

const documents = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(anyDeployment, serialization, fc.array(textEdit, { maxLength: 2 })).map(([d, how, edits]) => {
    const { text, file } = serialize(d ?? null, how);
    return { text: applyTextEdits(text, edits as TextEdit[]), file };
  }) },
  { weight: 1, arbitrary: fc.tuple(weirdString, fc.constantFrom('x.yaml', 'x.json')).map(([text, file]) => ({ text, file })) },
);

describe('fuzz: deployment parsing and validation', () => {
  it('parseConfig: a valid config or issues with file:line:column', async () => {
    await fuzz('parseConfig', documents, async ({ text, file }) => {
      const r = await outcome(() => parseConfig(text, { file }), ['config']);
      if ('error' in r) {
        assertLocated(r.error, { files: [file] });
        return 'rejected';
      }
      if (validateConfig(r.value.data).length > 0) throw new Error('parseConfig accepted an invalid config');
      return 'accepted';
    });
  });

  it('validateConfig: issues with JSON Pointers to values that exist; the frozen input unchanged', async () => {
    await fuzz('validateConfig', anyDeployment, (input) => {
      const before = JSON.stringify(input);
      const issues = validateConfig(deepFreeze(input));
      if (JSON.stringify(input) !== before) throw new Error('validateConfig changed its input');
      for (const issue of issues) {
        assertLocated({ issues: [issue] } as never, { pointer: true });
        if (!pointsIntoInput(input, issue.pointer!)) throw new Error(`pointer to nothing: ${JSON.stringify(issue)}`);
      }
      return issues.length ? 'rejected' : 'accepted';
    });
  });
});

/** The pointer names a value of the input, or a hole of one of its arrays (`[, 1]` from JavaScript). */
function pointsIntoInput(input: unknown, pointer: string): boolean {
  if (pointer === '') return true;
  if (getAtPointer(input, pointer) !== undefined) return true;
  const segments = parsePointer(pointer);
  const parent = getAtPointer(input, segments.slice(0, -1).map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join(''));
  return Array.isArray(parent) && Number(segments.at(-1)) < parent.length;
}
