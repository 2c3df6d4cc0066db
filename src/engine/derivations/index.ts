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

/**
 * The generic functions rules may use to derive facts. `find`, `filter` and `findAll` keep what
 * they work out from the lists they search (indexes, items merged over defaults): for good when
 * nothing in them can change (frozen, as parseConfig leaves a deployment), otherwise until the
 * next evaluate or audit starts. Called directly on a list changed in place since a previous call,
 * pass a copy of it.
 */
export const derivations: Derivation[] = [firstDefined, durationDays, addDuration, daysBetween, elapsedDays, find, filter, findAll, pluck, difference, union, count, minimum, keysNotEqual];

const byName = new Map(derivations.map((d) => [d.name, d]));
export const derivation = (name: string) => byName.get(name);
