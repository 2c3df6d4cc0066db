import type { LoadedRule } from '../packs/rule-set.js';
import type { RuleOutcome } from '../engine/evaluate-rule.js';
import { placeholders } from '../engine/template.js';
import type { Bilingual, Evidence, Finding, RuleDefinition, SourceLocation } from '../types.js';
import { compileMessages, renderMessages, type CompiledMessages, type MessageContext } from './messages.js';
import { findingObject } from './finding-object.js';

const DEFAULT_MESSAGES: Record<'pass' | 'undetermined' | 'notApplicable', Bilingual> = {
  pass: { fr: 'Conforme.', en: 'Compliant.' },
  undetermined: {
    fr: 'Impossible de conclure : la configuration ne renseigne pas {{missing}}.',
    en: 'Cannot decide: the configuration does not state {{missing}}.',
  },
  notApplicable: { fr: 'Non applicable à cette cible.', en: 'Not applicable to this target.' },
};

/** What a finding says about where its target and evidence are. */
export interface FindingContext {
  target: unknown;
  pointer: string;
  targetId?: string;
  asOf: string;
  params: Record<string, unknown>;
  /** Where the target is. */
  location?: SourceLocation;
  /** Where the value at a pointer of the evidence is; the pointer may be rewritten (a log event's fields). */
  locate(pointer: string): SourceLocation | undefined;
  /** Rewrites an evidence pointer before it is reported (default: unchanged). */
  reportPointer?(pointer: string): string;
  /**
   * The values of the rule's facts its messages name (messageFacts, in its order), when known from
   * judging the target (scope-judge.ts: the values the outcome's fact table holds, without computing
   * their provenance again): a function per name, undefined for a name the rule does not declare.
   */
  factValues?: ReadonlyArray<(() => unknown) | undefined>;
}

type MessageKey = 'violation' | 'pass' | 'undetermined' | 'notApplicable';

/**
 * What every finding of one rule shares, worked out once per rule definition (and read from one
 * shape of object: the definitions, each with its own keys, have many).
 */
interface RuleFindingParts {
  ruleId: string;
  pack: string;
  severity: RuleDefinition['severity'];
  scope: string;
  legal: RuleDefinition['legal'];
  remediation: Bilingual;
  /** Each outcome's message, compiled, in French and English. */
  messages: Record<MessageKey, CompiledMessages>;
  /**
   * The facts the messages name as `{{facts.x}}` (`all` for a bare `{{facts}}`): only those are
   * copied for them, so that a finding does not compute facts its messages do not show.
   */
  factsRead: string[] | 'all' | undefined;
}

const partsOf = new WeakMap<RuleDefinition, RuleFindingParts>();

/**
 * The facts a rule's messages name as `{{facts.x}}`, in the order FindingContext.factValues gives
 * their values; undefined when they name none, or all of them (a bare `{{facts}}`).
 */
export function messageFacts(d: RuleDefinition): readonly string[] | undefined {
  const read = findingParts(d).factsRead;
  return Array.isArray(read) ? read : undefined;
}

function findingParts(d: RuleDefinition): RuleFindingParts {
  let parts = partsOf.get(d);
  if (!parts) {
    const templates: Record<MessageKey, Bilingual> = {
      violation: d.messages.violation,
      pass: d.messages.pass ?? DEFAULT_MESSAGES.pass,
      undetermined: d.messages.undetermined ?? DEFAULT_MESSAGES.undetermined,
      notApplicable: d.messages.notApplicable ?? DEFAULT_MESSAGES.notApplicable,
    };
    const texts = [...Object.values(d.messages), ...Object.values(DEFAULT_MESSAGES)].flatMap((m) => [m.fr, m.en]);
    const named = texts.flatMap(placeholders).filter((p) => p === 'facts' || p.startsWith('facts.'));
    const messages = {} as RuleFindingParts['messages'];
    for (const key of Object.keys(templates) as MessageKey[]) messages[key] = compileMessages(templates[key].fr, templates[key].en);
    parts = {
      ruleId: d.id,
      pack: d.pack,
      severity: d.severity,
      scope: d.scope,
      legal: d.legal,
      remediation: d.remediation,
      messages,
      factsRead: named.length === 0 ? undefined : named.includes('facts') ? 'all' : [...new Set(named.map((p) => p.split('.')[1]!))],
    };
    partsOf.set(d, parts);
  }
  return parts;
}

/** The message of an outcome: named loads, as a lookup by the status itself goes V8's generic way for each finding. */
function messageFor(messages: Record<MessageKey, CompiledMessages>, status: RuleOutcome['status']): CompiledMessages {
  switch (status) {
    case 'violation':
      return messages.violation;
    case 'undetermined':
      return messages.undetermined;
    case 'pass':
      return messages.pass;
    case 'not-applicable':
      return messages.notApplicable;
  }
}

export function toFinding(rule: LoadedRule, outcome: RuleOutcome, c: FindingContext): Finding {
  const p = findingParts(rule.definition);
  const read = p.factsRead;
  // Each outcome's evidence, list and entries, is made for it alone (outcomeOf): it is completed in place.
  const evidence = outcome.evidence as Evidence[];
  for (let i = 0; i < evidence.length; i++) {
    const out = evidence[i]!;
    if (out.pointer === undefined) continue;
    const location = c.locate(out.pointer);
    if (c.reportPointer) out.pointer = c.reportPointer(out.pointer);
    if (location) out.location = location;
  }
  const missing = c.reportPointer ? outcome.missing.map(c.reportPointer) : outcome.missing;
  const message = messageFor(p.messages, outcome.status);
  const first = evidence[0];
  let facts: Record<string, unknown> | undefined;
  if (read === 'all') {
    facts = {};
    for (const [k, v] of outcome.facts) facts[k] = v.value;
  } else if (read) {
    facts = {};
    const values = c.factValues;
    for (let i = 0; i < read.length; i++) {
      const k = read[i]!;
      if (values !== undefined) {
        const value = values[i];
        if (value !== undefined) facts[k] = value();
      } else if (outcome.facts.has(k)) facts[k] = outcome.facts.get(k)!.value;
    }
  }
  const context: MessageContext = {
    target: c.target,
    targetId: c.targetId,
    pointer: c.pointer,
    actual: first?.actual,
    expected: first?.expected,
    condition: first?.condition,
    missing,
    param: c.params,
    facts,
    asOf: c.asOf,
  };
  return findingObject(p, outcome.status, c.pointer, c.targetId, c.location, renderMessages(message, context), evidence, missing);
}
