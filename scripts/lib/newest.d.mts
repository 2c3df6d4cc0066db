// Types of newest.mjs, for the test setup that imports it.
export function newestMtime(dir: string): number;
