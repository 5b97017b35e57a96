import { formatDuration } from './format';
import type { MatrixReport } from './matrix';
import type { ScenarioResult } from './types';

/**
 * The matrix as Markdown a reviewer can paste into a report: the verdicts
 * (a symbol and a word each, never colour alone), the configuration they
 * were produced under, the measured costs, and one finding per red cell.
 */

const what: Record<string, string> = {
  logout: 'after the victim logged out',
  'stolen-token': 'after the victim pressed "sign out everywhere" on another device',
  'password-change': 'after the victim changed the password',
  'role-change': 'after the operator demoted the victim from admin, the copy still opened admin-only pages',
  ban: 'after the operator disabled the account',
  'key-rotation': 'after the operator rotated the signing key',
  expiry: 'with nobody revoking anything',
};

export function windowText(r: ScenarioResult): string {
  if (r.windowSeconds !== null) return `${r.window?.exact === false ? '≤ ' : ''}${formatDuration(r.windowSeconds)}`;
  const atLeast = r.window ? r.window.lastWorkingSeconds : 0;
  return `≥ ${formatDuration(atLeast)}`;
}

export function cellText(r: ScenarioResult): string {
  const others = r.collateral.loggedOut.length;
  const collateral = others ? ` · logged out ${others} other user${others === 1 ? '' : 's'}` : '';
  switch (r.verdict) {
    case 'blocked':
      return `🟢 blocked${collateral}`;
    case 'works-until-expiry':
      return `🔴 works ${windowText(r)}${collateral}`;
    case 'not-applicable':
      return '⚪ not applicable';
    default:
      return '⚠️ error';
  }
}

function finding(r: ScenarioResult): string | null {
  const cell = `**\`${r.strategy}\` × \`${r.scenario}\`**`;
  const lookups = r.lookups.perRequest === null ? '' : ` Store lookups per request: ${r.lookups.perRequest}.`;
  if (r.verdict === 'works-until-expiry') {
    const refresh = r.refusedWith?.refreshReason ? `; the stolen refresh cookie: \`${r.refusedWith.refreshReason}\`` : '';
    const refused = r.refusedWith?.reason ? `, then it was refused (\`${r.refusedWith.reason}\`${refresh})` : '';
    const lead = r.scenario === 'role-change' ? what[r.scenario] : `${what[r.scenario] ?? r.scenario}, the attacker's copy kept working`;
    const span = r.windowSeconds === null ? `for at least ${windowText(r).slice(2)} (still working when measurement stopped)` : `for ${windowText(r)} (${r.windowSeconds} s on the lab clock)${refused}`;
    return `- ${cell} — ${lead} ${span}.${lookups}`;
  }
  if (r.verdict === 'blocked' && r.collateral.loggedOut.length > 0) {
    const { loggedOut, bystanders } = r.collateral;
    return `- ${cell} — the copy was refused, but ${loggedOut.length} of ${bystanders.length} other users were logged out with it (${loggedOut.join(', ')}).`;
  }
  if (r.verdict === 'error') return `- ${cell} — the run failed: ${r.note ?? 'unknown error'}.`;
  return null;
}

export function matrixMarkdown(report: MatrixReport): string {
  const byCell = new Map(report.results.map((r) => [`${r.scenario}|${r.strategy}`, r]));
  const lines: string[] = [];
  lines.push('# Revocation Lab — results matrix', '');
  lines.push(`Generated ${report.generatedAt} (lab clock ${report.labClock}); the run took ${report.durationMs} ms.`);
  lines.push('Every cell is the outcome of real HTTP requests to the verification code, in a throwaway copy of the lab.', '');
  lines.push(`| scenario | ${report.strategies.map((s) => `\`${s}\``).join(' | ')} |`);
  lines.push(`| --- | ${report.strategies.map(() => '---').join(' | ')} |`);
  for (const scenario of report.scenarios) {
    const cells = report.strategies.map((strategy) => {
      const r = byCell.get(`${scenario}|${strategy}`);
      return r ? cellText(r) : '';
    });
    lines.push(`| \`${scenario}\` | ${cells.join(' | ')} |`);
  }
  lines.push('', '🟢 blocked: the copy was refused on its next request · 🔴 works: the copy kept working for the time shown after the revoking action · ⚪ not applicable', '');

  lines.push('## Cost per strategy', '', '| strategy | store lookups per request | per refresh | cookie bytes |', '| --- | --- | --- | --- |');
  for (const strategy of report.strategies) {
    const runs = report.results.filter((r) => r.strategy === strategy && r.verdict !== 'not-applicable' && r.verdict !== 'error');
    const first = runs[0];
    const refresh = runs.map((r) => r.lookups.perRefresh).find((v) => v !== null) ?? null;
    lines.push(`| \`${strategy}\` | ${first?.lookups.perRequest ?? '—'} | ${refresh ?? '—'} | ${first?.cookieBytes ?? '—'} |`);
  }

  lines.push('', '## Configuration', '', '| setting | value |', '| --- | --- |');
  for (const [key, value] of Object.entries(report.settings)) lines.push(`| \`${key}\` | ${value} |`);
  lines.push('', '| package | version |', '| --- | --- |');
  for (const [name, version] of Object.entries(report.versions)) lines.push(`| ${name} | ${version ?? 'unknown'} |`);

  const findings = report.results.map(finding).filter((f): f is string => f !== null);
  lines.push('', '## Findings', '');
  lines.push(...(findings.length ? findings : ['- No revocation left a working copy.']));
  return lines.join('\n') + '\n';
}
