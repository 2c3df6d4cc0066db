/** A comparison usable in rule conditions, registered with json-rules-engine. */
export interface OperatorDefinition {
  name: string;
  description: string;
  evaluate(factValue: unknown, expected: unknown): boolean;
  /** When true, an unknown fact is an answer (`isKnown`), not a reason to stay undetermined. */
  acceptsUnknown?: boolean;
}
