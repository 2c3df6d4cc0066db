/** Exit codes, as ESLint and conftest use them. */
export const EXIT = {
  /** Nothing at or above the failure threshold. */
  ok: 0,
  /** Findings at or above the threshold. */
  findings: 1,
  /** Invalid input, invalid rule pack, or usage error. */
  invalid: 2,
} as const;
