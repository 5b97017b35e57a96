/**
 * The reviewer's report JSON's shape version (see report-schema.ts). Its own
 * module, free of zod: the matrix page builds the export in the browser, and
 * zod 4 probes `new Function` when it is loaded, which the site's CSP refuses
 * (and reports as a violation).
 */
export const REPORT_SCHEMA_VERSION = 1;
