import { addDuration } from './add-duration.js';
import { daysBetween } from './days-between.js';
import type { Derivation } from './derivation.js';
import { durationDays } from './duration-days.js';
import { filter, find } from './find.js';
import { findAll } from './find-all.js';
import { elapsedDays, minimum } from './numbers.js';
import { firstDefined } from './first-defined.js';
import { keysNotEqual } from './keys-not-equal.js';
import { pluck } from './pluck.js';
import { count, difference, union } from './sets.js';

export type { Derivation, DerivedValue } from './derivation.js';

/** The generic functions rules may use to derive facts. */
export const derivations: Derivation[] = [firstDefined, durationDays, addDuration, daysBetween, elapsedDays, find, filter, findAll, pluck, difference, union, count, minimum, keysNotEqual];

const byName = new Map(derivations.map((d) => [d.name, d]));
export const derivation = (name: string) => byName.get(name);
