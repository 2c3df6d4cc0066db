import { type Derivation, arg } from './derivation.js';

export const firstDefined: Derivation = {
  name: 'firstDefined',
  description: 'The first of several values that is stated; unknown if none is (naming every place looked at).',
  args: { type: 'array', minItems: 1, items: arg },
  compute(args, ctx) {
    const looked: string[] = [];
    for (const a of args as unknown[]) {
      const r = ctx.resolve(a);
      if (r.value !== undefined) return r;
      looked.push(...r.looked);
    }
    return { value: undefined, looked, params: [] };
  },
  compileValue(args, arg) {
    const readers = (args as unknown[]).map(arg);
    return (frame) => {
      for (const read of readers) {
        const v = read(frame);
        if (v !== undefined) return v;
      }
      return undefined;
    };
  },
};
