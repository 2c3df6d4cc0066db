import type { SourceLocation } from './errors.js';

export type { SourceLocation, InputIssue, InputKind } from './errors.js';

/** Text in both languages vigie speaks. */
export interface Bilingual {
  fr: string;
  en: string;
}

export type Lang = keyof Bilingual;
export type Severity = 'error' | 'warning' | 'info';
export type Confidence = 'C' | 'S' | 'M' | 'U';

/** A deployment as described by the deployment schema (src/schema/deployment-schema.ts). */
export interface Deployment {
  name?: string;
  controller?: Record<string, unknown>;
  communes?: Array<Record<string, unknown>>;
  purposes?: string[];
  authorizations?: Array<{ reference: string } & Record<string, unknown>>;
  recording?: Record<string, unknown>;
  cameras?: Array<{ id: string } & Record<string, unknown>>;
  roles?: Array<{ id: string } & Record<string, unknown>>;
  users?: Array<{ id: string } & Record<string, unknown>>;
  [key: string]: unknown;
}

// ---------------------------------------------------------------- rules

export interface LegalReference {
  source: string;
  article: string;
  versionDate?: string;
  quote?: string;
  url?: string;
  confidence: Confidence;
  note?: string;
}

/** `{ fact, path }`: a value read from a fact, `path` a JSON Pointer into it. */
export interface FactRef {
  fact: string;
  path?: string;
}

export interface LeafCondition {
  fact: string;
  path?: string;
  operator: string;
  value: unknown;
  name?: string;
  priority?: number;
}

export type ConditionNode =
  | { all: ConditionNode[]; name?: string; priority?: number }
  | { any: ConditionNode[]; name?: string; priority?: number }
  | { not: ConditionNode; name?: string; priority?: number }
  | LeafCondition;

export type TopLevelCondition = Exclude<ConditionNode, LeafCondition>;

export interface RuleMessages {
  violation: Bilingual;
  pass?: Bilingual;
  undetermined?: Bilingual;
  notApplicable?: Bilingual;
}

export interface RuleExample {
  file: string;
  /** For a rule on a streamed scope: the log audited with the deployment `file`. */
  log?: string;
  expect: FindingStatus;
  asOf?: string;
  note?: string;
}

/** A rule as written in a rule file. */
export interface RuleDefinition {
  id: string;
  pack: string;
  title: Bilingual;
  summary: Bilingual;
  severity: Severity;
  scope: string;
  effective: { from: string; until?: string };
  facts?: Record<string, Record<string, unknown>>;
  appliesIf?: TopLevelCondition;
  conditions: TopLevelCondition;
  messages: RuleMessages;
  legal: LegalReference[];
  remediation: Bilingual;
  notes?: Bilingual;
  examples?: RuleExample[];
  tags?: string[];
  /**
   * Facts remembered from earlier targets of a streamed scope (see ScopeDefinition.source): each
   * names an index of earlier items by a key and the key the current target looks up.
   */
  earlier?: Record<string, EarlierDefinition>;
}

/**
 * An index of the earlier items of a stream (earlier log events, for instance), declared by a
 * rule as data. The fact it defines is the remembered item whose `key` equals `lookup`, or unknown.
 */
export interface EarlierDefinition {
  /** Which items are remembered: those whose value at `path` equals `equals` (any alternative); all if absent. */
  where?: Array<{ path: string; equals: unknown }>;
  /** JSON Pointer, inside a remembered item, of its key. */
  key: string;
  /** The key looked up for the current target: a fact reference (`{ fact, path }`) or a literal. */
  lookup: unknown;
  /** Which item a key keeps when several share it (default `first`). */
  keep?: 'first' | 'last';
  /** Most keys remembered (default 100,000); beyond it the oldest keys are forgotten. */
  limit?: number;
}

export interface ParameterValue {
  from: string;
  until?: string;
  value: unknown;
  references: LegalReference[];
  note?: string;
}

/** Which way a parameter may move when a custom pack tightens it. */
export type Tightening = 'lower' | 'higher' | 'earlier' | 'later' | 'subset' | 'none';

/** A legal number or list, dated, with its sources (after OpenFisca's parameters). */
export interface ParameterDefinition {
  id: string;
  pack: string;
  description: Bilingual;
  unit: string;
  tighterIs: Tightening;
  values: ParameterValue[];
  alternatives?: Array<{ id: string; description: Bilingual; values: ParameterValue[] }>;
}

export interface ScopeDefinition {
  /** JSON Pointer of the collection whose items are the targets; empty for the whole document. */
  each?: string;
  /**
   * Instead of `each`: the targets come from a stream the caller supplies under this name (`log`
   * for the access log audited by `auditLog`), one at a time, with the deployment as context.
   */
  source?: string;
  /** JSON Pointer, inside a target, of its identifier. */
  id?: string;
  /** JSON Pointer of an object merged under every target (the target's own values win). */
  defaults?: string;
  label: Bilingual;
}

export interface PackDefinition {
  id: string;
  title: Bilingual;
  description: Bilingual;
  /** Evaluated unless the caller names packs. */
  default: boolean;
  /**
   * Statute: another pack may tighten its parameters but never loosen them, replace or disable its
   * rules (that takes a waiver with a justification).
   */
  binding?: boolean;
  /** Ids of rules of non-binding packs this pack switches off. */
  disable?: string[];
}

// ---------------------------------------------------------------- report

export type FindingStatus = 'violation' | 'pass' | 'undetermined' | 'not-applicable' | 'waived';

export interface ParameterEvidence {
  id: string;
  value: unknown;
  /** Date from which this value is in force. */
  since: string;
  /** The alternative selected instead of the confirmed value, if any. */
  alternative?: string;
  references: LegalReference[];
}

/** One condition that decided the outcome: what was seen against what was expected. */
export interface Evidence {
  /** The condition's name in the rule, if it has one. */
  condition?: string;
  /** JSON Pointer of the value examined, when it sits at one place in the input. */
  pointer?: string;
  location?: SourceLocation;
  fact: string;
  path?: string;
  operator: string;
  actual: unknown;
  expected: unknown;
  parameter?: ParameterEvidence;
}

export interface Waiver {
  rule: string;
  /** JSON Pointer of the target, or its id (a camera id, for instance). */
  target: string;
  justification: string;
  approvedBy: string;
  expires: string;
  /** Restricts the waiver to one input file. */
  file?: string;
  /** Where the waiver is written, when it was read from a waivers file. */
  location?: SourceLocation;
}

export interface WaiverApplied {
  justification: string;
  approvedBy: string;
  expires: string;
}

export interface Finding {
  ruleId: string;
  pack: string;
  status: FindingStatus;
  severity: Severity;
  scope: string;
  /** JSON Pointer of the target, e.g. `/cameras/12`. */
  pointer: string;
  /** The target's identifier, when its scope has one (a camera id, a user id…). */
  targetId?: string;
  location?: SourceLocation;
  message: Bilingual;
  evidence: Evidence[];
  /** Pointers of the fields whose absence left the outcome undetermined. */
  missing?: string[];
  legal: LegalReference[];
  remediation: Bilingual;
  waiver?: WaiverApplied;
  /** A waiver that matched this finding but had expired on `asOf`: it no longer applies. */
  expiredWaiver?: WaiverApplied;
}

export interface WaiverStatus {
  waiver: Waiver;
  status: 'applied' | 'expired' | 'unused';
  /** Findings it matched (for `applied` and `expired`). */
  matched: number;
}

export type StatusCounts = Record<FindingStatus, number>;

export interface Report {
  vigieVersion: string;
  asOf: string;
  packs: string[];
  inputs: string[];
  findings: Finding[];
  summary: StatusCounts & { total: number; bySeverity: Record<Severity, number> };
  waivers: WaiverStatus[];
  /** Access logs audited (`auditLog`): what was read, and every line that could not be. */
  logs?: LogSummary[];
  /** Only with `findings: 'problems'`: how many passing and not-applicable findings were counted but not listed. */
  omitted?: { pass: number; 'not-applicable': number };
}

/** A line of a log that was not audited, and why. */
export interface SkippedLine {
  line: number;
  /** `syntax` (not JSON, or not CSV), `schema` (not a valid event). */
  code: string;
  message: string;
}

/** What an audit read of one log. Nothing is dropped silently: `lines` = `blank` + `events` + `skippedCount`. */
export interface LogSummary {
  file?: string;
  format: 'jsonl' | 'csv';
  /** Lines read (for CSV, the header included as `header: 1`). */
  lines: number;
  /** Empty lines, ignored. */
  blank: number;
  /** The CSV header line (0 or 1). */
  header: number;
  /** Events audited. */
  events: number;
  /** The first skipped lines (at most 1,000 by default); `skippedCount` counts them all. */
  skipped: SkippedLine[];
  skippedCount: number;
  /**
   * Findings counted in the summary but not listed, beyond the per-rule limit (non-passing findings
   * of a log are listed up to a bound, so that memory stays flat on any log size).
   */
  omittedFindings: number;
}
