import { requisitionDeadlines, type DeadlineReport } from '../../audit/deadline.js';
import { formatLocation } from '../../errors.js';
import { formatValue } from '../../engine/template.js';
import { loadConfigFile } from '../../node/load.js';
import type { Lang } from '../../types.js';
import { oneOf, parseCommandArgs, usageError } from '../args.js';
import type { Command } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { parseParameterChoices } from '../report-options.js';

export const deadline: Command = {
  name: 'deadline',
  summary: 'the last day footage recorded at a given time can still be requisitioned, per camera',
  help: `Usage: vigie deadline --config FILE --at DATE-TIME [options]

For footage recorded at DATE-TIME, prints each camera's retention, when the footage is due for
deletion and the last day it can still be requisitioned, and whether that day has passed.
Months count as the month-counting parameter says: 30 days by default, date to date with
--parameter month-counting=calendar.

Options:
  --config FILE          the deployment (YAML or JSON) (required)
  --at DATE-TIME         when the footage was recorded, ISO 8601 with offset (required)
  --camera ID            only this camera (repeatable)
  --as-of YYYY-MM-DD     the date the question is asked (default today)
  --parameter ID=ALT     use the alternative ALT of parameter ID (repeatable), e.g.
                         --parameter month-counting=calendar
  --format text|json     output format (default text)
  --lang fr|en           language of the text output (default fr)
`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      config: { type: 'string' },
      at: { type: 'string' },
      camera: { type: 'string', multiple: true },
      'as-of': { type: 'string' },
      parameter: { type: 'string', multiple: true },
      format: { type: 'string', default: 'text' },
      lang: { type: 'string', default: 'fr' },
    });
    if (values.config === undefined) throw usageError('no deployment given (--config FILE)');
    if (values.at === undefined) throw usageError('no recording time given (--at DATE-TIME)');
    const format = oneOf('format', values.format, ['text', 'json'] as const)!;
    const lang = oneOf('lang', values.lang, ['fr', 'en'] as const)!;
    const config = loadConfigFile(values.config);
    const parameterChoices = parseParameterChoices(values.parameter);
    const report = requisitionDeadlines(config, { at: values.at, cameras: values.camera, asOf: values['as-of'], parameterChoices });
    io.stdout(format === 'json' ? JSON.stringify(report, null, 2) + '\n' : formatDeadlines(report, lang));
    return EXIT.ok;
  },
};

const words = {
  fr: { header: 'Images enregistrées le', asOf: 'au', camera: 'caméra', retention: 'conservation', due: 'effacement prévu', last: 'dernier jour pour requérir', passed: 'DÉPASSÉ', open: 'encore possible', unknown: 'inconnu, manque', month: 'mois compté' },
  en: { header: 'Footage recorded at', asOf: 'as of', camera: 'camera', retention: 'retention', due: 'deletion due', last: 'last day to requisition', passed: 'PASSED', open: 'still possible', unknown: 'unknown, missing', month: 'month counted as' },
} as const;

export function formatDeadlines(report: DeadlineReport, lang: Lang): string {
  const w = words[lang];
  const month = report.monthCounting ? ` (${w.month} ${formatValue(report.monthCounting.value, lang)}${typeof report.monthCounting.value === 'number' ? ` ${lang === 'fr' ? 'jours' : 'days'}` : ''})` : '';
  const lines = [`${w.header} ${report.at}, ${w.asOf} ${report.asOf}${month}:`];
  for (const c of report.cameras) {
    const where = c.location ? ` ${formatLocation(c.location)}` : '';
    if (c.lastDay === undefined) {
      lines.push(`  ${c.camera}: ${w.unknown} ${(c.missing ?? []).join(', ')}${where}`);
      continue;
    }
    lines.push(`  ${c.camera}: ${w.retention} ${formatValue(c.retention, lang)}, ${w.due} ${c.deletionDue}, ${w.last} ${c.lastDay} — ${c.passed ? w.passed : w.open}${where}`);
  }
  return lines.join('\n') + '\n';
}
