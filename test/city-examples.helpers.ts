import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { evaluate, parseConfig, type Deployment, type Report } from '../src/index.js';
import { ROOT } from './helpers.js';

export interface CityManifest {
  asOf: string;
  examples: Array<{ name: string; packs: string[] }>;
}

/** The city examples, their packs and date, as `npm run examples:update` uses them. */
export const manifest: CityManifest = JSON.parse(readFileSync(join(ROOT, 'examples/expected/cities.json'), 'utf8'));

const entry = (name: string) => {
  const e = manifest.examples.find((x) => x.name === name);
  if (!e) throw new Error(`${name} is not listed in examples/expected/cities.json`);
  return e;
};

/** Evaluates a city example as `npm run examples:update` does, the file named as in the repository. */
export async function cityReport(name: string, packs?: string[]): Promise<Report> {
  const file = `examples/${name}.yaml`;
  const config = parseConfig(readFileSync(join(ROOT, file), 'utf8'), { file });
  return evaluate(config, { asOf: manifest.asOf, packs: packs ?? entry(name).packs });
}

/** A city example as plain data, to change one practice and evaluate it again. */
export function cityData(name: string): Deployment {
  entry(name);
  return parseYaml(readFileSync(join(ROOT, `examples/${name}.yaml`), 'utf8')) as Deployment;
}

export function evaluateData(data: Deployment, packs: string[]): Promise<Report> {
  return evaluate(data, { asOf: manifest.asOf, packs });
}
