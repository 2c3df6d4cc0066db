import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { customOperators, derivations } from '../src/index.js';
import { builtinOperatorNames, operatorDecoratorNames } from '../src/engine/operators/index.js';
import { BUILTIN_FACTS } from '../src/packs/load.js';
import { ROOT } from './helpers.js';

// docs/rule-format.md is written by hand: these keep it from falling behind the engine.
describe('docs/rule-format.md', () => {
  const doc = readFileSync(join(ROOT, 'docs/rule-format.md'), 'utf8');

  it('has a section for every derivation function (the rule pages link to it)', () => {
    for (const d of derivations) expect(doc, `document the derivation ${d.name}`).toContain(`#### ${d.name}\n`);
  });

  it('documents every operator, decorator and built-in fact', () => {
    for (const name of [...builtinOperatorNames, ...customOperators.map((o) => o.name), ...operatorDecoratorNames]) {
      expect(doc, `document the operator ${name}`).toContain(`\`${name}`);
    }
    for (const fact of BUILTIN_FACTS) expect(doc, `document the built-in fact ${fact}`).toContain(`| \`${fact}\` |`);
  });
});
