import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { getStore } from '@/lib/db';
import { findLab } from '@/lib/labs/lab';
import { strategyIds } from '@/lib/auth/registry';
import { scenarioIds } from '@/lib/scenarios/registry';
import { isScenarioId, type ScenarioId } from '@/lib/ids';
import { getT } from '@/lib/i18n/server';
import { SiteHeader } from '@/app/_components/SiteHeader';
import { ScenarioStepper } from '../../_scenarios/ScenarioStepper';
import { LookLegend } from '@/app/_components/LookLegend';
import { questionKey, scenarioKey } from '@/lib/i18n/keys';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT('scenarios');
  return { title: t('scenarioTitle') };
}

/** A guided scenario: the question, both sides run for real, then stepped through with → / ←. */
export default async function ScenarioPage({ params }: { params: Promise<{ labId: string; scenario: string }> }) {
  const { labId, scenario } = await params;
  if (!isScenarioId(scenario)) notFound();
  const t = await getT('scenarios');
  const lab = findLab(getStore(), labId);
  if (!lab) notFound();
  const name = (id: ScenarioId) => t(scenarioKey(id));
  const at = scenarioIds.indexOf(scenario);
  const prev = at > 0 ? scenarioIds[at - 1]! : null;
  const next = at < scenarioIds.length - 1 ? scenarioIds[at + 1]! : null;
  const href = (id: string) => `/lab/${lab.id}/scenarios/${id}`;
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
          {/* Always visible, presenter mode included: a projector never ends in a dead end. */}
          <nav aria-label={t('scenarioNav')} className="flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="scenario-nav">
            {prev && (
              <Link href={href(prev)} data-testid="prev-scenario">
                {t('prevScenario', { name: name(prev) })}
              </Link>
            )}
            {next && (
              <Link href={href(next)} data-testid="next-scenario">
                {t('nextScenario', { name: name(next) })}
              </Link>
            )}
            <Link href={`/lab/${lab.id}`} data-testid="back-to-lab">
              {t('backToLab')}
            </Link>
          </nav>
        </div>
        <nav aria-label={t('otherScenarios')} className="flex flex-wrap gap-3 text-sm" data-secondary>
          {scenarioIds.map((id) => (
            <Link key={id} href={href(id)} aria-current={id === scenario ? 'page' : undefined} className={id === scenario ? 'font-bold' : ''}>
              {name(id)}
            </Link>
          ))}
          <Link href={`/lab/${lab.id}/matrix`}>{t('matrixTitle')}</Link>
        </nav>
        <p className="text-xl font-semibold">{t(questionKey(scenario))}</p>
        <LookLegend />
        <ScenarioStepper key={scenario} labId={lab.id} scenario={scenario} strategies={[...strategyIds]} nextHref={next ? href(next) : null} />
      </main>
    </>
  );
}
