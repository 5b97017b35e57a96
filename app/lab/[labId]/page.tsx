import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { getStore } from '@/lib/db';
import { findLab } from '@/lib/labs/lab';
import { labView } from '@/lib/labs/view';
import { scenarioIds } from '@/lib/scenarios/registry';
import { getT } from '@/lib/i18n/server';
import { SiteHeader } from '@/app/_components/SiteHeader';
import { LabWorkbench } from './_components/LabWorkbench';
import { WorkshopMissionsSlot } from './_components/WorkshopMissionsSlot';
import type { LabState } from './_components/types';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT('lab');
  return { title: t('title') };
}

/**
 * The lab: server-rendered with the lab's current state (so the panels have
 * their size on first paint), then driven by the client workbench through
 * the same HTTP API curl would use.
 */
export default async function LabPage({ params }: { params: Promise<{ labId: string }> }) {
  const { labId } = await params;
  const t = await getT('lab');
  const store = getStore();
  const lab = findLab(store, labId);
  if (!lab) notFound();
  // A plain JSON DTO (no hashes, no keys) crosses into the client component.
  const initial = JSON.parse(JSON.stringify(labView(store, lab, scenarioIds))) as LabState;
  return (
    <>
      <SiteHeader presenter />
      <main id="main" className="px-4 py-3 max-w-[1600px] mx-auto">
        <div className="flex flex-wrap items-baseline justify-between gap-2 mb-2">
          <h1 className="lab-heading text-xl font-bold">
            {t('title')} <span className="mono text-sm font-normal text-muted" data-secondary>{lab.id}</span>
          </h1>
          <nav className="flex gap-4 text-sm" aria-label={t('title')}>
            <Link href={`/lab/${lab.id}/matrix`}>{t('matrixLink')}</Link>
            {scenarioIds[0] && <Link href={`/lab/${lab.id}/scenarios/${scenarioIds[0]}`}>{t('scenariosLink')}</Link>}
          </nav>
        </div>
        <p className="text-sm mb-3" data-secondary>
          {t('intro')}
        </p>
        <WorkshopMissionsSlot labId={lab.id} />
        <LabWorkbench initial={initial} />
      </main>
    </>
  );
}
