import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { ROOT } from './helpers.js';

/**
 * Every SARIF log the tests produce goes through both validators: the OASIS SARIF 2.1.0 JSON
 * Schema (draft-04) and Microsoft's SARIF Multitool, whose rules (SARIF1xxx errors, SARIF2xxx
 * warnings) GitHub code scanning relies on.
 */
const schema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false });
const validateSchema = ajv.compile(schema);

export function sarifSchemaErrors(log: unknown): string[] {
  if (validateSchema(log)) return [];
  return (validateSchema.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const multitool: string = createRequire(import.meta.url)('@microsoft/sarif-multitool');
const work = mkdtempSync(join(tmpdir(), 'vigie-sarif-'));
let batch = 0;

export interface MultitoolFinding {
  ruleId: string;
  level: string;
  text: string;
}

interface ValidationResult {
  ruleId: string;
  level?: string;
  message: { id?: string; text?: string; arguments?: string[] };
  locations?: Array<{ physicalLocation?: { artifactLocation?: { uri?: string } } }>;
}

/**
 * Runs `Sarif.Multitool validate` once on several logs (each run costs seconds) and returns, for
 * each log, the validator's findings at level warning or error. The tool writes its findings as a
 * SARIF log to an output file, one result per problem, located in the log it comes from.
 */
export function multitoolProblems(logs: string[]): MultitoolFinding[][] {
  const dir = join(work, `batch-${++batch}`);
  mkdirSync(dir);
  const inputs = logs.map((text, i) => {
    const file = join(dir, `log-${i}.sarif`);
    writeFileSync(file, text);
    return file;
  });
  const output = join(dir, 'validation.sarif');
  const r = spawnSync(multitool, ['validate', ...inputs, '--output', output, '--level', 'Error', 'Warning', 'Note'], {
    encoding: 'utf8',
    // The multitool echoes every finding on stdout; the output file is what is read.
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
  });
  if (r.error) throw r.error;
  if (!existsSync(output)) throw new Error(`the SARIF multitool wrote no output (exit ${r.status}): ${r.stdout}${r.stderr}`);
  const run = JSON.parse(readFileSync(output, 'utf8')).runs[0];
  const rules: Array<{ id: string; messageStrings?: Record<string, { text: string }>; defaultConfiguration?: { level?: string } }> = run.tool.driver.rules ?? [];
  const toolErrors: MultitoolFinding[] = (run.invocations ?? []).flatMap((i: { toolExecutionNotifications?: Array<{ level?: string; message: { text: string } }> }) =>
    (i.toolExecutionNotifications ?? []).filter((x) => x.level === 'error').map((x) => ({ ruleId: 'tool', level: 'error', text: x.message.text })),
  );
  if (toolErrors.length) throw new Error(`the SARIF multitool failed: ${toolErrors.map((e) => e.text).join('; ')}`);
  const perLog: MultitoolFinding[][] = logs.map(() => []);
  for (const x of (run.results ?? []) as ValidationResult[]) {
    const rule = rules.find((r) => r.id === x.ruleId);
    // SARIF: a result without a level takes its rule's default level, else warning.
    const level = x.level ?? rule?.defaultConfiguration?.level ?? 'warning';
    if (level !== 'error' && level !== 'warning') continue;
    const template = rule?.messageStrings?.[x.message.id ?? '']?.text ?? x.message.text ?? '';
    const text = template.replace(/\{(\d+)\}/g, (_, i) => x.message.arguments?.[Number(i)] ?? '');
    const uri = x.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
    const index = Number(/log-(\d+)\.sarif$/.exec(uri)?.[1] ?? NaN);
    if (Number.isNaN(index)) throw new Error(`the SARIF multitool reported on an unknown file: ${x.ruleId} ${text}`);
    perLog[index]!.push({ ruleId: x.ruleId, level, text });
  }
  return perLog;
}

/** Both validators' complaints about each SARIF log (an empty list for a valid log). */
export function sarifProblems(logs: string[]): string[][] {
  const tool = multitoolProblems(logs);
  return logs.map((text, i) => [...sarifSchemaErrors(JSON.parse(text)).map((e) => `schema: ${e}`), ...tool[i]!.map((p) => `${p.ruleId} ${p.level}: ${p.text}`)]);
}

/** Collects the SARIF logs a test file produces, to validate them all in one multitool run at its end. */
export class SarifLogs {
  readonly logs: Array<{ name: string; text: string }> = [];
  add(name: string, text: string): string {
    this.logs.push({ name, text });
    return text;
  }
  /** `name: problem` for every problem of every log collected. */
  problems(): string[] {
    const found = sarifProblems(this.logs.map((l) => l.text));
    return this.logs.flatMap((l, i) => found[i]!.map((p) => `${l.name}: ${p}`));
  }
}
