import type { Key } from '../i18n/dictionaries';
import type { LabSettings } from '../labs/settings';
import { explainResult, type ExplainT, type Locale } from '../explain/explain';
import { isScenarioId, isStrategyId, type ScenarioId, type StrategyId } from '../explain/ids';
import { boundingSetting } from '../explain/mechanism';
import { requirementsFor, requirementsForScenario, type Requirement } from '../explain/requirements';
import type { PresetView } from '../presets/registry';
import { curlLine } from '../curl';
import { copyLineOf, jarFileOf } from './jar-files';
import { formatDuration, formatDurationAtLeast } from './format';
import type { MatrixReport } from './matrix';
import type { ReportCell, ReportFinding, ReviewerReport } from './report-schema';
import { REPORT_SCHEMA_VERSION } from './report-version';
import type { ScenarioResult, TraceEntry } from './types';
import { matrixRows, strategyCosts } from './matrix-table';

/**
 * The reviewer's report: a pure function of a matrix result, the settings it
 * ran under (inside it) and a language. The matrix page builds it from what is
 * on the screen; GET …/matrix?format=md|json builds the same from the server's
 * result. Markdown to paste into a report, JSON with a versioned schema
 * (report-schema.ts) for tooling. The words come in as t() functions so this
 * module never imports the dictionaries (it runs in the page too).
 */

export type ReportT = (key: Key<'report'>, values?: Record<string, string | number>) => string;
export type PresetsT = (key: Key<'presets'>, values?: Record<string, string | number>) => string;
export type ReportOptions = {
  locale: Locale;
  /** Origin the curl lines point at (the page's own, or the API's). */
  origin: string;
  /** `presets` names the library presets; without it a presets run shows their ids. */
  t: { report: ReportT; explain: ExplainT; presets?: PresetsT };
};

/**
 * What a cell is explained as. A lab strategy: itself, under the run's
 * settings. A preset: the lab strategy whose explanations hold for it word for
 * word (`explainAs`), under the preset's own settings; or, for a preset with
 * a mechanism of its own, nothing here (its why/fix come from the presets
 * dictionary and its requirements from the scenario alone).
 */
export type Subject = { result: ScenarioResult; settings: LabSettings; ownPreset: PresetView | null };

export function subjectOf(r: ScenarioResult, matrix: MatrixReport): Subject {
  const preset = matrix.presets?.find((p) => p.id === r.strategy);
  if (!preset) return { result: r, settings: matrix.settings, ownPreset: null };
  const settings = { ...matrix.settings, ...preset.settings } as LabSettings;
  if (preset.explainAs) return { result: { ...r, strategy: preset.explainAs }, settings, ownPreset: null };
  return { result: r, settings, ownPreset: preset };
}

type Severity = ReportFinding['severity'];
const SEVERITIES: Severity[] = ['low', 'medium', 'high', 'critical'];
const HOUR = 3600;
const SHORT = 300;
/** The setting that bounds a working copy, for the presets explained on their own (authjs-jwt, firebase-check-revoked). */
const OWN_PRESET_BOUND: Record<string, string> = { 'authjs-jwt': 'jwtTtlSeconds', 'firebase-check-revoked': 'jwtTtlSeconds' };

/** "2026-12-02 13:45:07 UTC": readable in either language, and unambiguous. */
export function readableTime(epochSeconds: number): string {
  return `${new Date(epochSeconds * 1000).toISOString().replace('T', ' ').slice(0, 19)} UTC`;
}

function windowDuration(r: ScenarioResult, locale: Locale): string {
  if (r.windowSeconds !== null) return `${r.window?.exact === false ? '≤ ' : ''}${formatDuration(r.windowSeconds, locale)}`;
  return `≥ ${formatDurationAtLeast(r.window ? r.window.lastWorkingSeconds : 0, locale)}`;
}

function boundOf(r: ScenarioResult): string | null {
  // A preset with a mechanism of its own: jwtTtlSeconds bounds every copy it leaves working.
  if (r.verdict === 'works-until-expiry' && !isStrategyId(r.strategy) && OWN_PRESET_BOUND[r.strategy]) return OWN_PRESET_BOUND[r.strategy]!;
  if (r.verdict !== 'works-until-expiry' || !isScenarioId(r.scenario) || !isStrategyId(r.strategy)) return null;
  return boundingSetting(r.scenario, r.strategy).setting;
}

/** True when the copy kept in use (ScenarioResult.withUse) was measured working longer than the copy as stolen. */
export function keptInUseLonger(r: ScenarioResult): boolean {
  const kept = r.withUse;
  if (!kept) return false;
  if (kept.windowSeconds === null) return r.windowSeconds !== null || kept.window.lastWorkingSeconds > (r.window?.lastWorkingSeconds ?? 0);
  return r.windowSeconds !== null && kept.windowSeconds > r.windowSeconds;
}

/** The window of a copy kept in use (ScenarioResult.withUse): "≥ …" when it still worked at the horizon. */
export function keptInUseWindow(kept: NonNullable<ScenarioResult['withUse']>, locale: Locale): string {
  return kept.windowSeconds === null ? `≥ ${formatDurationAtLeast(kept.window.lastWorkingSeconds, locale)}` : formatDuration(kept.windowSeconds, locale);
}

/** One matrix cell: a symbol and a word (never colour alone), the window beside the setting that bounds it. */
export function cellText(r: ScenarioResult, t: ReportT, locale: Locale): string {
  const others = r.collateral.loggedOut.length;
  const collateral = others ? t('cellCollateral', { n: others }) : '';
  switch (r.verdict) {
    case 'blocked':
      return `${t('cellBlocked')}${collateral}`;
    case 'works-until-expiry': {
      const inUse = r.withUse ? ` · ${t('keptInUse', { window: keptInUseWindow(r.withUse, locale) })}` : '';
      return `${t('cellWorks', { window: windowDuration(r, locale), setting: boundOf(r) ?? '?' })}${inUse}${collateral}`;
    }
    case 'not-applicable':
      return t('cellNa');
    default:
      return t('cellError');
  }
}

/** Severity from the strictest requirement's ASVS level, moved one step by the window's length. */
export function severityOf(r: ScenarioResult, requirements: Requirement[], t: ReportT, locale: Locale): { severity: Severity; rationale: string } {
  const leveled = requirements.filter((q) => q.level !== null).sort((a, b) => a.level! - b.level!)[0];
  const base: Severity = leveled?.level === 1 ? 'high' : leveled?.level === 2 ? 'medium' : 'low';
  const seconds = r.windowSeconds ?? Infinity; // still working when measurement stopped: at least as long as measured
  const step = seconds >= HOUR ? 1 : seconds <= SHORT ? -1 : 0;
  const severity = SEVERITIES[Math.min(SEVERITIES.length - 1, Math.max(0, SEVERITIES.indexOf(base) + step))]!;
  const values = {
    requirement: leveled?.number ?? '',
    level: leveled?.level ?? '',
    base: t(`sev_${base}`),
    window: windowDuration(r, locale),
    adjust: t(step > 0 ? 'adjustUp' : step < 0 ? 'adjustDown' : 'adjustNone'),
  };
  return { severity, rationale: t(leveled ? 'rationaleWorks' : 'rationaleWorksNoLevel', values) };
}

/** The requests as shell lines a reviewer can run, with what each got back. */
function evidenceOf(r: ScenarioResult, origin: string, phases: readonly string[]): ReportFinding['evidence'] {
  const lines = r.trace.filter((e) => phases.includes(e.phase));
  return lines.map((e: TraceEntry) =>
    e.kind === 'copy'
      ? { seq: e.seq, actor: e.to, line: copyLineOf(e), status: null, reason: null }
      : {
          seq: e.seq,
          actor: e.actor,
          line: curlLine({
            origin,
            method: e.method,
            path: e.path,
            json: e.requestBody === null ? undefined : e.requestBody,
            jar: jarFileOf(e)?.file,
            jarReadOnly: jarFileOf(e)?.readOnly,
          }),
          status: e.status,
          reason: e.reason,
        },
  );
}

function references(requirements: Requirement[], t: ExplainT): ReportFinding['references'] {
  return requirements.map((q) => ({ id: q.id, number: q.number, source: q.source, level: q.level, url: q.url, summary: t(`req_${q.id}`) }));
}

function findingOf(r: ScenarioResult, subject: Subject, o: ReportOptions): ReportFinding | null {
  const s = subject.result;
  if (!isScenarioId(r.scenario)) return null;
  if (!isStrategyId(s.strategy) && !subject.ownPreset) return null;
  const { report: t, explain: te } = o.t;
  const explanation = isStrategyId(s.strategy) ? explainResult(s, subject.settings, te, o.locale) : null;
  const requirements = isStrategyId(s.strategy) ? requirementsFor(r.scenario, s.strategy) : requirementsForScenario(r.scenario);
  const action = t(`action_${r.scenario}`);
  const own = subject.ownPreset && o.t.presets ? { why: o.t.presets(`why_${subject.ownPreset.id}` as never), fix: o.t.presets(`fix_${subject.ownPreset.id}` as never) } : null;
  const base = {
    scenario: r.scenario,
    strategy: r.strategy,
    why: explanation?.why ?? own?.why ?? '',
    unexpected: explanation?.unexpected ?? null,
    remediation: explanation?.fix ?? own?.fix ?? '',
    references: references(requirements, te),
  };
  // Expiry revokes nothing: its window is the lifetime the settings chose, shown in the matrix beside its setting, not a failure.
  if (r.verdict === 'works-until-expiry' && r.scenario !== 'expiry') {
    const { severity, rationale } = severityOf(r, requirements, t, o.locale);
    const window = windowDuration(r, o.locale);
    return {
      ...base,
      kind: 'still-works',
      title: t('title_still-works', { strategy: r.strategy, action }),
      severity,
      severityRationale: rationale,
      impact:
        (r.scenario === 'role-change' ? t('impact_still-works_role-change', { window }) : t('impact_still-works', { window, action })) +
        (r.withUse && keptInUseLonger(r) ? t('impact_kept-in-use', { window: keptInUseWindow(r.withUse, o.locale) }) : ''),
      evidence: evidenceOf(r, o.origin, ['steal', 'check', 'revoke', 'replay', 'time-travel']),
    };
  }
  const others = r.collateral.loggedOut.length;
  if (r.verdict === 'blocked' && others > 0) {
    return {
      ...base,
      kind: 'collateral',
      title: t('title_collateral', { strategy: r.strategy, action, n: others }),
      severity: 'low',
      severityRationale: t('rationaleCollateral', { n: others }),
      impact: t('impact_collateral', { n: others }),
      evidence: evidenceOf(r, o.origin, ['revoke', 'replay', 'collateral']),
    };
  }
  if (r.verdict === 'error') {
    return {
      ...base,
      kind: 'error',
      title: t('title_error', { strategy: r.strategy, scenario: r.scenario }),
      severity: 'info',
      severityRationale: t('rationaleError'),
      impact: t('impact_error'),
      evidence: evidenceOf(r, o.origin, ['setup', 'steal', 'check', 'revoke', 'replay', 'collateral', 'time-travel']),
    };
  }
  return null;
}

function cellOf(r: ScenarioResult, subject: Subject, o: ReportOptions): ReportCell {
  const s = subject.result;
  const explanation = explainResult(s, subject.settings, o.t.explain, o.locale);
  const known = isScenarioId(r.scenario) && isStrategyId(s.strategy);
  return {
    scenario: r.scenario,
    strategy: r.strategy,
    verdict: r.verdict,
    windowSeconds: r.windowSeconds,
    window: explanation?.window ?? null,
    boundBy: boundOf(s),
    collateral: r.collateral,
    lookups: r.lookups,
    explanation: explanation && { kind: explanation.kind, predicted: explanation.predicted, unexpected: explanation.unexpected, why: explanation.why, fix: explanation.fix },
    requirements: known
      ? requirementsFor(r.scenario as ScenarioId, s.strategy as StrategyId).map((q) => q.id)
      : isScenarioId(r.scenario) && subject.ownPreset
        ? requirementsForScenario(r.scenario).map((q) => q.id)
        : [],
  };
}

/** The JSON export (reviewerReportSchema). */
export function reviewerReport(matrix: MatrixReport, o: ReportOptions): ReviewerReport {
  const ordered = orderedResults(matrix);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    kind: 'revocation-lab.matrix-report',
    locale: o.locale,
    generatedAt: matrix.generatedAt,
    labClock: matrix.labClock,
    labClockIso: new Date(matrix.labClock * 1000).toISOString(),
    durationMs: matrix.durationMs,
    settings: matrix.settings,
    versions: matrix.versions,
    scenarios: matrix.scenarios,
    strategies: matrix.strategies,
    ...(matrix.set ? { set: matrix.set } : {}),
    ...(matrix.presets ? { presets: matrix.presets, headline: presetHeadline(matrix, o) } : {}),
    cells: ordered.map((r) => cellOf(r, subjectOf(r, matrix), o)),
    findings: ordered.map((r) => findingOf(r, subjectOf(r, matrix), o)).filter((f): f is ReportFinding => f !== null),
    results: matrix.results,
  };
}

/** A preset's name in the report's language (its id when the words are not at hand). */
export function presetName(id: string, o: ReportOptions): string {
  return o.t.presets ? o.t.presets(`name_${id}` as never) : id;
}

/**
 * The reviewer's headline for a presets run: one line per preset, what a copy
 * stolen before logout still did — computed from the measured cells, never
 * written per preset.
 */
export function presetHeadline(matrix: MatrixReport, o: ReportOptions, scenario = 'logout'): string[] {
  const t = o.t.presets;
  const action = o.t.report(`action_${scenario}` as never);
  return (matrix.presets ?? []).map((p) => {
    const r = matrix.results.find((x) => x.strategy === p.id && x.scenario === scenario);
    const preset = presetName(p.id, o);
    if (!t) return `${p.id} × ${scenario}: ${r?.verdict ?? '?'}`;
    if (!r || r.verdict === 'error') return t('line_error', { preset, action });
    if (r.verdict === 'not-applicable') return t('line_na', { preset, action });
    if (r.verdict === 'blocked') return t('line_blocked', { preset, action });
    const slid = keptInUseClause(r, o) ?? (r.window && r.window.slides > 0 ? t('line_slid', { n: r.window.slides }) : '');
    if (r.windowSeconds === null) {
      return `${t('line_horizon', { preset, action, window: formatDurationAtLeast(r.window?.lastWorkingSeconds ?? 0, o.locale) })}${slid || (o.locale === 'ja' ? '。' : '.')}`;
    }
    const line = t('line_works', { preset, action, window: windowDuration(r, o.locale) });
    return slid ? `${line.replace(/[.。]$/, '')}${slid}` : line;
  });
}

/**
 * Where a second copy was kept in use (ScenarioResult.withUse): what using it
 * did, in words chosen from the two measured windows — longer, or no longer.
 * Null when the run kept no second copy.
 */
function keptInUseClause(r: ScenarioResult, o: ReportOptions): string | null {
  const t = o.t.presets;
  const kept = r.withUse;
  if (!t || !kept) return null;
  if (!keptInUseLonger(r)) return t('line_keptNoLonger');
  const n = kept.window.slides;
  if (kept.windowSeconds === null) return t('line_keptHorizon', { n, window: formatDurationAtLeast(kept.window.lastWorkingSeconds, o.locale) });
  return t('line_keptWorks', { n, window: formatDuration(kept.windowSeconds, o.locale) });
}

/** Results in the matrix's order (scenario rows, strategy columns), whatever order they arrived in. */
function orderedResults(matrix: MatrixReport): ScenarioResult[] {
  const rank = (r: ScenarioResult) => matrix.scenarios.indexOf(r.scenario) * 1000 + matrix.strategies.indexOf(r.strategy);
  return [...matrix.results].sort((a, b) => rank(a) - rank(b));
}

const SEVERITY_MARK: Record<Severity, string> = { critical: '🟥', high: '🔴', medium: '🟠', low: '🟡', info: '⚪' };

export function matrixMarkdown(matrix: MatrixReport, o: ReportOptions): string {
  const t = o.t.report;
  const json = reviewerReport(matrix, o);
  const lines: string[] = [];
  lines.push(`# ${t('title')}`, '');
  lines.push(t('generated', { date: readableTime(Date.parse(matrix.generatedAt) / 1000), clock: readableTime(matrix.labClock), ms: matrix.durationMs }));
  lines.push(t('method'), '');

  if (matrix.presets && json.headline) {
    const tp = o.t.presets;
    lines.push(`## ${tp ? tp('headline') : 'Library defaults, measured'}`, '');
    if (tp) lines.push(tp('headlineIntro'), '');
    for (const line of json.headline) lines.push(`- ${line}`);
    lines.push('', `## ${tp ? tp('presetsTable') : 'Presets'}`, '');
    lines.push(`| ${tp ? [tp('preset'), tp('strategy'), tp('settings'), tp('source'), tp('thread')].join(' | ') : 'preset | strategy | settings | source | thread'} |`, '| --- | --- | --- | --- | --- |');
    for (const p of matrix.presets) {
      const settings = Object.entries(p.settings).map(([k, v]) => `\`${k}\` ${typeof v === 'number' ? formatDuration(v, o.locale) : v}`).join(', ');
      const strategy = p.strategyOptions ? `\`${p.strategy}\` (checkRevoked: ${p.strategyOptions.checkRevoked})` : `\`${p.strategy}\``;
      lines.push(`| ${presetName(p.id, o)} (\`${p.id}\`) | ${strategy} | ${settings} | [${p.source.library} ${p.source.version}](${p.source.docsUrl}) | ${p.source.issueUrl} |`);
    }
    lines.push('');
  }

  lines.push(`## ${t('configuration')}`, '');
  // A presets run ran under each preset's own settings (the table above), not the lab's.
  if (!matrix.presets) {
    lines.push(`| ${t('setting')} | ${t('value')} | |`, '| --- | --- | --- |');
    for (const [key, value] of Object.entries(matrix.settings)) {
      lines.push(`| \`${key}\` | ${value} | ${typeof value === 'number' ? formatDuration(value, o.locale) : ''} |`);
    }
    lines.push('');
  }
  lines.push(`| ${t('package')} | ${t('version')} |`, '| --- | --- |');
  for (const [name, version] of Object.entries(matrix.versions)) lines.push(`| ${name} | ${version ?? '?'} |`);

  lines.push('', `## ${t('matrix')}`, '');
  lines.push(`| ${t('scenario')} | ${matrix.strategies.map((s) => `\`${s}\``).join(' | ')} |`);
  lines.push(`| --- | ${matrix.strategies.map(() => '---').join(' | ')} |`);
  for (const row of matrixRows(matrix)) {
    const cells = row.cells.map(({ result }) => (result ? cellText(subjectOf(result, matrix).result, t, o.locale) : ''));
    lines.push(`| \`${row.scenario}\` | ${cells.join(' | ')} |`);
  }
  lines.push('', t('legend'), '');

  lines.push(`## ${t('costs')}`, '', `| | ${t('lookupsPerRequest')} | ${t('perRefresh')} | ${t('cookieBytes')} |`, '| --- | --- | --- | --- |');
  for (const c of strategyCosts(matrix)) {
    lines.push(`| \`${c.strategy}\` | ${c.perRequest ?? '—'} | ${c.perRefresh ?? '—'} | ${c.cookieBytes ?? '—'} |`);
  }

  lines.push('', `## ${t('findings')}`, '');
  if (json.findings.length === 0) lines.push(t('noFindings'));
  json.findings.forEach((f, i) => {
    lines.push(`### ${i + 1}. ${f.title} (\`${f.strategy}\` × \`${f.scenario}\`)`, '');
    if (f.unexpected) lines.push(`> **${t('unexpectedNote')}:** ${f.unexpected}`, '');
    lines.push(`- **${t('severity')}:** ${SEVERITY_MARK[f.severity]} ${t(`sev_${f.severity}`)} — ${f.severityRationale}`);
    lines.push(`- **${t('impact')}:** ${f.impact}`);
    lines.push(`- **${t('why')}:** ${f.why}`);
    lines.push(`- **${t('remediation')}:** ${f.remediation}`);
    lines.push(`- **${t('references')}:** ${f.references.map((q) => `[${q.number}](${q.url}) (${q.source}) — ${q.summary}`).join('; ')}`);
    lines.push(`- **${t('evidence')}:** ${t('evidenceNote')}`, '', '```sh');
    for (const e of f.evidence) lines.push(e.status === null ? e.line : `${e.line}   # → ${e.status}${e.reason ? ` ${e.reason}` : ''}`);
    lines.push('```', '');
  });
  return lines.join('\n').replace(/\n+$/, '') + '\n';
}
