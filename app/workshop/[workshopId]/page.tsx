import type { Metadata } from 'next';
import { getT } from '@/lib/i18n/server';
import { SiteHeader } from '@/app/_components/SiteHeader';
import { WorkshopConsole } from './_components/WorkshopConsole';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT('workshop');
  return { title: t('consoleTitle') };
}

/**
 * `/workshop/{workshopId}`: the facilitator's console. Everything on it comes
 * from the console API, which accepts only the facilitator cookie (set by the
 * key exchange the client component makes from the URL fragment) — the page
 * itself reveals nothing, not even whether the workshop exists.
 */
export default async function WorkshopPage({ params }: { params: Promise<{ workshopId: string }> }) {
  const { workshopId } = await params;
  return (
    <>
      <SiteHeader presenter />
      <main id="main" className="px-4 py-3 max-w-[1600px] mx-auto">
        <WorkshopConsole workshopId={workshopId.slice(0, 64)} />
      </main>
    </>
  );
}
