/**
 * Findings per piece when a report is written in pieces (formatReportChunks): a few megabytes of
 * text, small enough to hold, large enough that writing them costs few calls.
 */
export const FINDINGS_PER_PIECE = 1000;
