/** A file of a rule pack, as text: the loader needs no file system. */
export interface PackFile {
  /** Path relative to the packs' root, with `/` separators, e.g. `fr-law/no-audio-capture/rule.yaml`. */
  path: string;
  text: string;
}

export type PackFileKind = 'scopes' | 'pack' | 'parameter' | 'rule' | 'other';

export function classifyPackFile(path: string): PackFileKind {
  if (/(^|\/)scopes\.(ya?ml|json)$/.test(path)) return 'scopes';
  if (/(^|\/)pack\.(ya?ml|json)$/.test(path)) return 'pack';
  if (/(^|\/)parameters\/[^/]+\.(ya?ml|json)$/.test(path)) return 'parameter';
  if (/(^|\/)rule\.(ya?ml|json)$/.test(path)) return 'rule';
  return 'other';
}

/** The folder holding a rule file: the rule's id by convention. */
export function ruleFolder(path: string): string | undefined {
  const parts = path.split('/');
  return parts.length >= 2 ? parts[parts.length - 2] : undefined;
}
