import { z } from 'zod';

/**
 * The JSON export's shape, versioned: a reviewer's tooling can rely on it.
 * Bump REPORT_SCHEMA_VERSION on any change that is not a pure addition.
 * Documented in README ("The reviewer's report"). A superset of the matrix
 * result (lib/scenarios/matrix.ts MatrixReport): whatever read that still can.
 */
import { REPORT_SCHEMA_VERSION } from './report-version';

export { REPORT_SCHEMA_VERSION };

const verdict = z.enum(['blocked', 'works-until-expiry', 'not-applicable', 'error']);
const severity = z.enum(['critical', 'high', 'medium', 'low', 'info']);

export const reportReferenceSchema = z.object({
  id: z.string(),
  number: z.string(),
  source: z.string(),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
  url: z.url(),
  summary: z.string(),
});

export const reportEvidenceSchema = z.object({
  seq: z.number().int(),
  actor: z.string(),
  line: z.string(),
  status: z.number().int().nullable(),
  reason: z.string().nullable(),
});

export const reportFindingSchema = z.object({
  scenario: z.string(),
  strategy: z.string(),
  kind: z.enum(['still-works', 'collateral', 'error']),
  title: z.string(),
  severity,
  severityRationale: z.string(),
  impact: z.string(),
  why: z.string(),
  unexpected: z.string().nullable(),
  evidence: z.array(reportEvidenceSchema),
  remediation: z.string(),
  references: z.array(reportReferenceSchema),
});

export const reportCellSchema = z.object({
  scenario: z.string(),
  strategy: z.string(),
  verdict,
  /** Seconds the copy kept working (null: blocked, not applicable, or still working when measurement stopped). */
  windowSeconds: z.number().nullable(),
  /** The window beside the setting that bounds it, in the report's language. */
  window: z.string().nullable(),
  boundBy: z.string().nullable(),
  collateral: z.object({ loggedOut: z.array(z.string()), bystanders: z.array(z.string()) }),
  lookups: z.object({ perRequest: z.number().nullable(), perRefresh: z.number().nullable() }),
  explanation: z
    .object({ kind: z.enum(['expected', 'unexpected', 'error']), predicted: verdict.exclude(['error']), unexpected: z.string().nullable(), why: z.string(), fix: z.string() })
    .nullable(),
  requirements: z.array(z.string()),
});

export const reviewerReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  kind: z.literal('revocation-lab.matrix-report'),
  locale: z.enum(['en', 'ja']),
  /** When the matrix ran (ISO 8601, real time). */
  generatedAt: z.string(),
  /** The lab clock when the run ended: seconds since the epoch (as MatrixReport has it), and readable. */
  labClock: z.number(),
  labClockIso: z.string(),
  durationMs: z.number(),
  settings: z.record(z.string(), z.union([z.number(), z.string()])),
  versions: z.record(z.string(), z.string().nullable()),
  scenarios: z.array(z.string()),
  strategies: z.array(z.string()),
  /** Which set ran; for presets, each preset with its own settings and sources, and the one-line-per-preset headline. */
  set: z.enum(['strategies', 'presets']).optional(),
  presets: z.array(z.looseObject({ id: z.string(), strategy: z.string(), settings: z.record(z.string(), z.union([z.number(), z.string()])) })).optional(),
  headline: z.array(z.string()).optional(),
  cells: z.array(reportCellSchema),
  findings: z.array(reportFindingSchema),
  /** The raw results, traces included, exactly as the API returned them. */
  results: z.array(z.looseObject({ scenario: z.string(), strategy: z.string(), verdict: z.string() })),
});

export type ReviewerReport = z.infer<typeof reviewerReportSchema>;
export type ReportFinding = z.infer<typeof reportFindingSchema>;
export type ReportCell = z.infer<typeof reportCellSchema>;
