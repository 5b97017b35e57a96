import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { getStore } from '@/lib/db';
import { findLab } from '@/lib/labs/lab';
import { strategyIds } from '@/lib/auth/registry';
import { findScenario, scenarioIds } from '@/lib/scenarios/registry';
import { getT } from '@/lib/i18n/server';
import { SiteHeader } from '@/app/_components/SiteHeader';
import { ScenarioStepper } from '../../_scenarios/ScenarioStepper';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT('scenarios');
  return { title: t('scenarioTitle') };
}

/** A guided scenario: the question, both sides run for real, then stepped through with → / ←. */
export default async function ScenarioPage({ params }: { params: Promise<{ labId: string; scenario: string }> }) {
  const { labId, scenario } = await params;
  if (!findScenario(scenario)) notFound();
  const t = await getT('scenarios');
  const lab = findLab(getStore(), labId);
  if (!lab) notFound();
  const name = (id: string) => t(`scenario_${id}` as Parameters<typeof t>[0]);
  return (
    <>
      <SiteHeader presenter />
      <main id="main" className="px-4 py-3 max-w-[1600px] mx-auto flex flex-col gap-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-2xl font-bold">
            <span className="text-muted font-normal" data-secondary>
              {t('scenarioTitle')}:{' '}
            </span>
            {name(scenario)}
          </h1>
          <Link href={`/lab/${lab.id}`} data-secondary>
            {t('backToLab')}
          </Link>
        </div>
        <nav aria-label={t('otherScenarios')} className="flex flex-wrap gap-3 text-sm" data-secondary>
          {scenarioIds.map((id) => (
            <Link key={id} href={`/lab/${lab.id}/scenarios/${id}`} aria-current={id === scenario ? 'page' : undefined} className={id === scenario ? 'font-bold' : ''}>
              {name(id)}
            </Link>
          ))}
          <Link href={`/lab/${lab.id}/matrix`}>{t('matrixTitle')}</Link>
        </nav>
        <p className="text-xl font-semibold">{t(`question_${scenario}` as Parameters<typeof t>[0])}</p>
        <ScenarioStepper key={scenario} labId={lab.id} scenario={scenario} strategies={[...strategyIds]} />
      </main>
    </>
  );
}
