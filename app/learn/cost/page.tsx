import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getT } from '@/lib/i18n/server';
import type { Translate } from '@/lib/i18n/translate';
import { loadCommittedBenchResults } from '@/lib/bench/load';
import type { BenchResults, Goal } from '@/lib/bench/results';
import { costHeadline, throughputHeadline } from '@/lib/bench/summary';
import { SiteHeader } from '@/app/_components/SiteHeader';
import { BarChart, type Bar } from './_components/BarChart';
import { primitiveLabel } from './primitive-labels';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT('cost');
  return { title: t('title') };
}

type T = Translate<'cost'>;

/**
 * `/learn/cost`: the committed `npm run bench` run (lib/bench/results.json),
 * as charts and tables, with the machine and date it came from. Every figure
 * on the page is read from that file; the sentences only arrange them.
 */
export default async function CostPage() {
  const t = await getT('cost');
  const locale = await getLocale();
  const loaded = loadCommittedBenchResults();
  const n = (value: number, digits = 0) => value.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-4xl px-6 py-8 flex flex-col gap-8">
        <header className="flex flex-col gap-2">
          <p className="text-sm">
            <Link href="/learn">← {t('backToLearn')}</Link>
          </p>
          <h1 className="text-3xl font-bold">{t('title')}</h1>
          <p className="text-lg text-muted">{t('lead')}</p>
        </header>
        {loaded.ok ? (
          <Results results={loaded.results} t={t} n={n} />
        ) : (
          <section className="card flex flex-col gap-2" data-testid="bench-missing">
            <p className="font-semibold">{loaded.reason === 'missing' ? t('noResults') : t('noResultsInvalid')}</p>
            <p>{t('noResultsHow')}</p>
          </section>
        )}
      </main>
    </>
  );
}

type Fmt = (value: number, digits?: number) => string;

/** Microseconds with as many decimals as the size deserves. */
const usDigits = (us: number) => (us >= 100 ? 0 : us >= 10 ? 1 : 2);

function Results({ results, t, n }: { results: BenchResults; t: T; n: Fmt }) {
  const us = (v: number) => n(v, usDigits(v));
  const cost = costHeadline(results);
  const http = throughputHeadline(results);
  return (
    <>
      <section aria-label={t('title')} className="flex flex-col gap-2 text-lg" data-testid="bench-headline">
        {cost && <p>{t('headlineCost', { lookupUs: us(cost.lookupUs), jwtUs: us(cost.jwtVerifyUs), times: n(cost.jwtInLookups) })}</p>}
        {cost?.ironUnsealUs != null && <p>{t('headlineIron', { ironUs: us(cost.ironUnsealUs) })}</p>}
        {http && (
          <p>
            {t(http.sessionOverJwt >= 1 ? 'headlineHttpNotSlower' : 'headlineHttpSlower', {
              sessionRps: n(http.sessionRps),
              jwtRps: n(http.jwtRps),
              noAuthRps: n(http.noAuthRps),
              ratio: n(http.sessionOverJwt, 2),
              percent: n((1 / http.sessionOverJwt - 1) * 100, 1),
            })}
          </p>
        )}
        <p className="font-semibold">{t('headlineRevocation')}</p>
      </section>

      {results.micro && <MicroSection micro={results.micro} t={t} n={n} us={us} />}
      {results.http && <HttpSection http={results.http} t={t} n={n} />}
      {(results.matrix || results.workshop) && <LoadSection results={results} t={t} n={n} />}
      {results.goals.length > 0 && <GoalsSection goals={results.goals} labs={results.workshop?.labs ?? 0} t={t} n={n} />}

      <section aria-labelledby="read-h" className="flex flex-col gap-2">
        <h2 id="read-h" className="text-2xl font-bold">
          {t('readTitle')}
        </h2>
        <p>{t('read1')}</p>
        <p>{t('read2')}</p>
        <p>{t('read3')}</p>
        <p>{t('read4')}</p>
      </section>

      <MachineSection results={results} t={t} n={n} />
    </>
  );
}

function MicroSection({ micro, t, n, us }: { micro: NonNullable<BenchResults['micro']>; t: T; n: Fmt; us: (v: number) => string }) {
  const first = micro.primitives[0]!;
  const bars = (rows: { key: string; label: string; value: number; note?: string }[], tone: Bar['tone']): Bar[] =>
    rows.map((r) => ({ ...r, valueText: `${us(r.value)} µs`, tone }));
  const primitiveBars = bars(
    micro.primitives.map((p) => ({ key: p.id, label: primitiveLabel(t, p.id), value: p.medianUs })),
    'muted',
  );
  const verifyBars = bars(
    micro.strategies.map((s) => ({ key: s.strategy, label: s.strategy, value: s.medianUs, note: `${t('colLookups')}: ${s.lookups}` })),
    'accent',
  );
  return (
    <section aria-labelledby="micro-h" className="flex flex-col gap-3">
      <h2 id="micro-h" className="text-2xl font-bold">
        {t('microTitle')}
      </h2>
      <p>{t('microIntro', { rounds: first.rounds, ops: n(Math.max(...micro.primitives.map((p) => p.opsPerRound))), rows: n(micro.sessionRows) })}</p>
      <BarChart
        testId="chart-micro"
        title={t('chartMicroTitle')}
        groups={[
          { key: 'primitives', title: t('groupPrimitives'), bars: primitiveBars },
          { key: 'verify', title: t('groupVerify'), bars: verifyBars },
        ]}
      />
      <div className="overflow-x-auto">
        <table className="data-table" data-testid="table-primitives">
          <thead>
            <tr>
              <th scope="col">{t('colOperation')}</th>
              <th scope="col">{t('colMedianUs')}</th>
              <th scope="col">{t('colSpreadUs')}</th>
              <th scope="col">{t('colOpsPerSecond')}</th>
            </tr>
          </thead>
          <tbody>
            {micro.primitives.map((p) => (
              <tr key={p.id} data-row={p.id}>
                <th scope="row">{primitiveLabel(t, p.id)}</th>
                <td className="mono">{us(p.medianUs)}</td>
                <td className="mono">
                  {us(p.minUs)}–{us(p.maxUs)}
                </td>
                <td className="mono">{n(p.opsPerSecond)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="overflow-x-auto">
        <table className="data-table" data-testid="table-verify">
          <thead>
            <tr>
              <th scope="col">{t('colStrategy')}</th>
              <th scope="col">{t('colVerifyUs')}</th>
              <th scope="col">{t('colMadeOf')}</th>
              <th scope="col">{t('colPrimitivesUs')}</th>
              <th scope="col">{t('colRatio')}</th>
              <th scope="col">{t('colLookups')}</th>
            </tr>
          </thead>
          <tbody>
            {micro.strategies.map((s) => (
              <tr key={s.strategy} data-row={s.strategy}>
                <th scope="row" className="mono">
                  {s.strategy}
                </th>
                <td className="mono">{us(s.medianUs)}</td>
                <td>{s.primitives.map((id) => primitiveLabel(t, id)).join(' + ')}</td>
                <td className="mono">{us(s.primitivesUs)}</td>
                <td className="mono">{n(s.ratio, 2)}×</td>
                <td className="mono">{s.lookups}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function HttpSection({ http, t, n }: { http: NonNullable<BenchResults['http']>; t: T; n: Fmt }) {
  const routeLabel = (id: string) => (id === 'no-auth' ? t('noAuthRoute') : id === 'no-credential' ? t('noCredentialRoute') : id);
  // Derived here from the two measured rates, never stored: the auth's share with the route's own cost taken out.
  const noCredentialRps = http.routes.find((r) => r.id === 'no-credential')?.requestsPerSecond ?? null;
  const bars: Bar[] = http.routes.map((r) => ({
    key: r.id,
    label: routeLabel(r.id),
    value: r.requestsPerSecond,
    valueText: `${n(r.requestsPerSecond)} /s · ${n(r.ratioToNoAuth, 2)}×`,
    note: r.lookups === null ? undefined : `${t('colLookups')}: ${r.lookups}`,
    tone: r.id === 'no-auth' || r.id === 'no-credential' ? 'muted' : r.lookups ? 'ok' : 'accent',
  }));
  return (
    <section aria-labelledby="http-h" className="flex flex-col gap-3">
      <h2 id="http-h" className="text-2xl font-bold">
        {t('httpTitle')}
      </h2>
      <p>{t('httpIntro', { connections: http.connections, duration: n(http.durationSeconds), rounds: http.rounds })}</p>
      <BarChart testId="chart-http" title={t('chartHttpTitle')} groups={[{ key: 'routes', title: '', bars }]} />
      <div className="overflow-x-auto">
        <table className="data-table" data-testid="table-http">
          <thead>
            <tr>
              <th scope="col">{t('colRoute')}</th>
              <th scope="col">{t('colRps')}</th>
              <th scope="col">{t('colP50')}</th>
              <th scope="col">{t('colP99')}</th>
              <th scope="col">{t('colVsNoAuth')}</th>
              {noCredentialRps !== null && <th scope="col">{t('colVsNoCredential')}</th>}
              <th scope="col">{t('colLookups')}</th>
              <th scope="col">{t('colErrors')}</th>
            </tr>
          </thead>
          <tbody>
            {http.routes.map((r) => (
              <tr key={r.id} data-row={r.id}>
                <th scope="row">
                  <span className="block">{routeLabel(r.id)}</span>
                  <code className="mono text-xs text-muted break-all">
                    GET {r.path}
                    {r.expectedStatus !== 200 ? ` → ${r.expectedStatus}` : ''}
                  </code>
                </th>
                <td className="mono">{n(r.requestsPerSecond)}</td>
                <td className="mono">{n(r.p50Ms, 1)}</td>
                <td className="mono">{n(r.p99Ms, 1)}</td>
                <td className="mono">{n(r.ratioToNoAuth, 3)}×</td>
                {noCredentialRps !== null && <td className="mono">{noCredentialRps > 0 ? `${n(r.requestsPerSecond / noCredentialRps, 3)}×` : '–'}</td>}
                <td className="mono">{r.lookups ?? '–'}</td>
                <td className="mono">{r.errors}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {noCredentialRps !== null && <p className="text-sm text-muted">{t('httpRowsNote')}</p>}
    </section>
  );
}

function LoadSection({ results, t, n }: { results: BenchResults; t: T; n: Fmt }) {
  const { matrix, workshop } = results;
  return (
    <section aria-labelledby="load-h" className="grid gap-4 md:grid-cols-2">
      {matrix && (
        <div className="card flex flex-col gap-2" data-testid="bench-matrix">
          <h2 id="load-h" className="text-xl font-bold">
            {t('matrixTitle')}
          </h2>
          <p>{t('matrixText', { cells: matrix.cells, requests: n(matrix.requestsPerMatrix), median: n(matrix.medianMs), max: n(matrix.maxMs), runs: matrix.runs })}</p>
          {matrix.serverCpuMsPerMatrix !== null && <p className="text-muted">{t('matrixCpu', { cpu: n(matrix.serverCpuMsPerMatrix) })}</p>}
        </div>
      )}
      {workshop && (
        <div className="card flex flex-col gap-2" data-testid="bench-workshop">
          <h2 className="text-xl font-bold">{t('workshopTitle', { labs: workshop.labs })}</h2>
          <p>
            {t('workshopText', {
              labs: workshop.labs,
              requests: n(workshop.requests),
              errors: workshop.errors,
              p50: n(workshop.requestP50Ms, 1),
              p99: n(workshop.requestP99Ms, 1),
              matrixP50: n(workshop.matrixP50Ms),
              matrixMax: n(workshop.matrixMaxMs),
              wall: n(workshop.wallMs),
            })}
          </p>
          {workshop.peakRssMiB !== null && <p className="text-muted">{t('workshopMemory', { mib: n(workshop.peakRssMiB) })}</p>}
          <p className="text-muted">{t(workshop.verdictsIdentical ? 'workshopIdentical' : 'workshopNotIdentical')}</p>
        </div>
      )}
    </section>
  );
}

function goalLabel(t: T, goal: Goal, labs: number): string {
  if (goal.id.startsWith('verify-')) return t('goal_verify', { strategy: goal.id.slice('verify-'.length) });
  switch (goal.id) {
    case 'http-session':
    case 'http-jwt':
    case 'http-session-vs-jwt':
    case 'matrix':
      return t(`goal_${goal.id}`);
    case 'workshop-errors':
    case 'workshop-p99':
      return t(`goal_${goal.id}`, { labs });
    default:
      return goal.label;
  }
}

function GoalsSection({ goals, labs, t, n }: { goals: Goal[]; labs: number; t: T; n: Fmt }) {
  const value = (g: Goal, v: number) => (g.unit === 'ratio' ? `${n(v, 2)}×` : g.unit === 'ms' ? `${n(v)} ms` : n(v));
  return (
    <section aria-labelledby="goals-h" className="flex flex-col gap-3">
      <h2 id="goals-h" className="text-2xl font-bold">
        {t('goalsTitle')}
      </h2>
      <div className="overflow-x-auto">
        <table className="data-table" data-testid="table-goals">
          <thead>
            <tr>
              <th scope="col">{t('colGoal')}</th>
              <th scope="col">{t('colMeasured')}</th>
              <th scope="col">{t('colTarget')}</th>
              <th scope="col">{t('colResult')}</th>
            </tr>
          </thead>
          <tbody>
            {goals.map((g) => (
              <tr key={g.id} data-row={g.id} data-met={g.met}>
                <th scope="row">{goalLabel(t, g, labs)}</th>
                <td className="mono">{value(g, g.value)}</td>
                <td className="mono">
                  {g.kind === 'max' ? '≤' : '≥'} {value(g, g.target)}
                </td>
                <td className={g.met ? 'text-ok font-semibold' : 'text-bad font-semibold'}>{g.met ? `✓ ${t('goalMet')}` : `✗ ${t('goalMissed')}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function MachineSection({ results, t, n }: { results: BenchResults; t: T; n: Fmt }) {
  const m = results.machine;
  const rows: [string, string][] = [
    [t('machineDate'), results.createdAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')],
    [t('machineCpu'), m.cpuModel],
    [t('machineCores'), String(m.cores)],
    [t('machineMemory'), `${n(m.memoryGiB, 1)} GiB`],
    [t('machineOs'), m.platform],
    [t('machineNode'), m.node],
    [t('machinePackages'), Object.entries(m.packages).map(([name, version]) => `${name} ${version}`).join(', ')],
    [t('machineLoad'), n(m.loadAverageAtStart, 2)],
    [t('machineCommand'), results.command],
  ];
  return (
    <section aria-labelledby="machine-h" className="grid gap-4 md:grid-cols-2">
      <div className="card flex flex-col gap-2" data-testid="bench-machine">
        <h2 id="machine-h" className="text-xl font-bold">
          {t('machineTitle')}
        </h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-muted">{label}</dt>
              <dd className="mono break-words">{value}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="card flex flex-col gap-2">
        <h2 className="text-xl font-bold">{t('reproduceTitle')}</h2>
        <p>{t('reproduce1')}</p>
        <pre className="mono text-sm overflow-x-auto">
          <code>{'npm ci\nnpm run build\nnpm run bench'}</code>
        </pre>
        <p>{t('reproduce2')}</p>
      </div>
    </section>
  );
}
