// Types of the bench's seeded generator, for the tests that reuse it.
export function rng(seed: number): () => number;
export function syntheticDeployment(cameras: number, seed?: number, profile?: 'mixed' | 'compliant'): Record<string, unknown>;
export const profiles: string[];
