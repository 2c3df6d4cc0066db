import { addDuration } from './add-duration.js';
import { daysBetween } from './days-between.js';
import type { Derivation } from './derivation.js';
import { durationDays } from './duration-days.js';
import { filter, find } from './find.js';
import { firstDefined } from './first-defined.js';
import { keysNotEqual } from './keys-not-equal.js';
import { pluck } from './pluck.js';
import { count, difference, union } from './sets.js';

export type { Derivation, DerivedValue } from './derivation.js';

/** The generic functions rules may use to derive facts. */
export const derivations: Derivation[] = [firstDefined, durationDays, addDuration, daysBetween, find, filter, pluck, difference, union, count, keysNotEqual];

const byName = new Map(derivations.map((d) => [d.name, d]));
export const derivation = (name: string) => byName.get(name);
