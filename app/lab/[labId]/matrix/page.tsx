import { notFound } from 'next/navigation';
import Link from 'next/link';
import type { Metadata } from 'next';
import { getStore } from '@/lib/db';
import { findLab } from '@/lib/labs/lab';
import { strategyIds } from '@/lib/auth/registry';
import { scenarioIds } from '@/lib/scenarios/registry';
import { lastMatrixRun } from '@/lib/scenarios/matrix-runs';
import { presets } from '@/lib/presets/registry';
import type { MatrixSet } from '@/lib/db/matrix-runs';
import { getT } from '@/lib/i18n/server';
import { SiteHeader } from '@/app/_components/SiteHeader';
import { MatrixRunner } from '../_scenarios/MatrixRunner';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT('scenarios');
  return { title: t('matrixTitle') };
}

/** The results matrix: every scenario against every strategy, run through the API and kept by the lab. */
export default async function MatrixPage({
  params,
  searchParams,
}: {
  params: Promise<{ labId: string }>;
  searchParams: Promise<{ set?: string | string[] }>;
}) {
  const { labId } = await params;
  // ?set=presets runs the library presets; anything else is the lab's strategies (the default, never a dead end).
  const set: MatrixSet = (await searchParams).set === 'presets' ? 'presets' : 'strategies';
  const t = await getT('scenarios');
  const tp = await getT('presets');
  const store = getStore();
  const lab = findLab(store, labId);
  if (!lab) notFound();
  // The lab's last run, shown again on return until it is run again (a read: nothing starts).
  const last = lastMatrixRun(store, lab.id, set);
  const runnable = set === 'presets' ? presets.map((p) => p.id) : [...strategyIds];
  return (
    <>
      <SiteHeader presenter />
      <main id="main" className="px-4 py-3 max-w-[1600px] mx-auto flex flex-col gap-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-2xl font-bold">{t('matrixTitle')}</h1>
          {/* Visible in presenter mode too (no dead ends on a projector); not on paper. */}
          <Link href={`/lab/${lab.id}`} className="print:hidden">
            {t('backToLab')}
          </Link>
        </div>
        <p className="text-sm max-w-4xl" data-secondary>
          {t('matrixIntro')}
        </p>
        <nav aria-label={tp('setLabel')} className="flex flex-wrap items-center gap-2 print:hidden" data-testid="matrix-set">
          <span className="text-sm font-semibold">{tp('setLabel')}:</span>
          {(['strategies', 'presets'] as const).map((s) => (
            <Link
              key={s}
              href={s === 'presets' ? `/lab/${lab.id}/matrix?set=presets` : `/lab/${lab.id}/matrix`}
              aria-current={s === set ? 'page' : undefined}
              className={`btn btn-small ${s === set ? 'btn-primary' : ''}`}
              data-testid={`set-${s}`}
            >
              {tp(`set_${s}`)}
            </Link>
          ))}
        </nav>
        <MatrixRunner key={set} labId={lab.id} scenarios={[...scenarioIds]} strategies={runnable} initial={last} set={set} />
      </main>
    </>
  );
}
