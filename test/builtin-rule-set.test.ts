import { describe, expect, it } from 'vitest';
import { builtinFiles, builtinRuleSet, loadRuleSet } from '../src/index.js';

describe('builtinRuleSet', () => {
  it('is what loading the embedded rule files gives', () => {
    // Loaded when vigie is built (scripts/gen-builtin.mjs): it must not differ from loading the
    // same files now, with the loader of this version.
    expect(builtinRuleSet()).toStrictEqual(loadRuleSet([...builtinFiles()]));
  });

  it('is loaded once', () => {
    expect(builtinRuleSet()).toBe(builtinRuleSet());
  });
});
