/**
 * A report as committed under examples/expected/: what a reviewer needs to see a change in the
 * outcome, and nothing that repeats the rule files. Per finding: the rule, the status, the object
 * (JSON Pointer, id, line), the French message and what is missing; plus the summary. The legal
 * texts, remediation and evidence are left out (they are the rule's, and make each report
 * megabytes long), and so is the version of vigie, which changes with every release without the
 * law or the example changing. Used by `npm run examples:update` and by test/city-examples.test.ts,
 * so that both compare the same projection.
 */
export function expectedReport(report) {
  return {
    asOf: report.asOf,
    packs: [...report.packs],
    inputs: [...report.inputs],
    summary: report.summary,
    findings: report.findings.map((f) => ({
      ruleId: f.ruleId,
      status: f.status,
      pointer: f.pointer,
      ...(f.targetId !== undefined ? { targetId: f.targetId } : {}),
      ...(f.location?.line !== undefined ? { line: f.location.line } : {}),
      message: f.message.fr,
      ...(f.missing?.length ? { missing: [...f.missing] } : {}),
    })),
  };
}

/** The projection as committed: the summary pretty-printed, one finding per line (compact, and a change is a one-line diff). */
export function formatExpectedReport(projection) {
  const { findings, ...head } = projection;
  const top = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  const rows = findings.map((f) => `    ${JSON.stringify(f)}`).join(',\n');
  return `${top},\n  "findings": [\n${rows}\n  ]\n}\n`;
}
