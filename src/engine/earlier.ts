import { getAtPointer } from '../parse/pointer.js';
import type { EarlierDefinition, RuleDefinition } from '../types.js';

/** Keys an index remembers unless its rule says otherwise: bounds memory on any log size. */
export const DEFAULT_EARLIER_LIMIT = 100_000;

/** Keys are compared as JSON so that numbers and strings never collide by accident. */
const keyOf = (value: unknown): string | undefined => (value === undefined || value === null ? undefined : JSON.stringify(value));

/**
 * The earlier items of a stream that match a rule's `earlier` declaration, by key. Bounded: past
 * `limit` keys the oldest is forgotten, so a lookup may miss (the fact is then unknown and the
 * finding undetermined, never a false pass).
 */
export class EarlierIndex {
  private readonly items = new Map<string, unknown>();
  private readonly limit: number;

  constructor(private readonly spec: EarlierDefinition) {
    this.limit = spec.limit ?? DEFAULT_EARLIER_LIMIT;
  }

  remember(item: unknown): void {
    if (this.spec.where && !this.spec.where.some((w) => getAtPointer(item, w.path) === w.equals)) return;
    const key = keyOf(getAtPointer(item, this.spec.key));
    if (key === undefined) return;
    if (this.items.has(key)) {
      if (this.spec.keep !== 'last') return;
      this.items.delete(key);
    }
    this.items.set(key, item);
    if (this.items.size > this.limit) this.items.delete(this.items.keys().next().value!);
  }

  lookup(key: unknown): unknown {
    const k = keyOf(key);
    return k === undefined ? undefined : this.items.get(k);
  }

  get size(): number {
    return this.items.size;
  }
}

/** What a stream remembers for the rules evaluated on it: one index per distinct declaration, shared between rules. */
export class StreamMemory {
  private readonly indexes = new Map<string, EarlierIndex>();

  constructor(rules: Iterable<RuleDefinition>) {
    for (const r of rules) for (const spec of Object.values(r.earlier ?? {})) this.indexFor(spec);
  }

  indexFor(spec: EarlierDefinition): EarlierIndex {
    const id = JSON.stringify([spec.where ?? null, spec.key, spec.keep ?? 'first', spec.limit ?? DEFAULT_EARLIER_LIMIT]);
    let index = this.indexes.get(id);
    if (!index) {
      index = new EarlierIndex(spec);
      this.indexes.set(id, index);
    }
    return index;
  }

  /** Called once a target has been evaluated by every rule: later targets see it as earlier. */
  remember(item: unknown): void {
    for (const index of this.indexes.values()) index.remember(item);
  }
}
