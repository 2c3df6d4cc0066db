import { joinPointer } from '../../parse/pointer.js';
import { type Derivation, arg, paramsOf, unknownFrom } from './derivation.js';

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The stated keys whose value differs, or (none differing, some not stated) the unstated ones;
 * undefined when the inputs are not an object, a list of keys and a known value.
 */
function compareKeys(of: unknown, keys: unknown, equals: unknown): { differing: string[]; unstated?: undefined } | { differing?: undefined; unstated: string[] } | undefined {
  if (!Array.isArray(keys) || equals === undefined || !isRecord(of)) return undefined;
  // Keys are names: a list item that is an object names no key (and String would call a toString it may lack).
  const names = keys.filter((k) => k === null || typeof k !== 'object').map(String);
  const stated = names.filter((k) => Object.prototype.hasOwnProperty.call(of, k));
  const differing = stated.filter((k) => of[k] !== equals);
  if (differing.length === 0 && stated.length < names.length) return { unstated: names.filter((k) => !stated.includes(k)) };
  return { differing };
}

/**
 * The keys, among `keys`, whose value in the object `of` is stated and differs from `equals`.
 *
 * Three-valued on purpose: a key the object does not state could hold anything, so when no stated
 * value differs but some keys are not stated the answer is unknown (naming those places), not an
 * empty list. When some stated value differs the list is known to be non-empty and is returned
 * (it may grow once the unstated keys are filled in).
 */
export const keysNotEqual: Derivation = {
  name: 'keysNotEqual',
  description:
    'The keys (a list) whose value in the object `of` is stated and differs from `equals`; unknown, naming the unstated keys, when none differs but some are not stated.',
  args: { type: 'object', additionalProperties: false, required: ['of', 'keys', 'equals'], properties: { of: arg, keys: arg, equals: arg } },
  compute(args, ctx) {
    const a = args as { of: unknown; keys: unknown; equals: unknown };
    const of = ctx.resolve(a.of);
    const keys = ctx.resolve(a.keys);
    const equals = ctx.resolve(a.equals);
    const compared = compareKeys(of.value, keys.value, equals.value);
    if (!compared) return unknownFrom(of, keys, equals);
    const params = paramsOf(of, keys, equals);
    if (compared.differing === undefined) {
      const { unstated } = compared;
      const looked = of.pointer !== undefined ? unstated.map((k) => joinPointer(of.pointer!, k)) : of.looked.flatMap((l) => unstated.map((k) => joinPointer(l, k)));
      return { value: undefined, looked, params };
    }
    return { value: compared.differing, pointer: of.pointer, looked: of.looked, params };
  },
  compileValue(args, arg) {
    const a = args as { of: unknown; keys: unknown; equals: unknown };
    const of = arg(a.of);
    const keys = arg(a.keys);
    const equals = arg(a.equals);
    return (frame) => compareKeys(of(frame), keys(frame), equals(frame))?.differing;
  },
};
