/** File-system helpers for Node.js: `import { loadConfigFile } from 'vigie/node'`. */
export { loadConfigFile, loadRulePackDir, readPackDir } from './load.js';
export { readTextFile, decodeUtf8, DEFAULT_MAX_FILE_BYTES } from './read.js';
export { readLines, logFile, auditLogFiles, DEFAULT_MAX_LOG_LINE_BYTES } from './read-log.js';
