import type { Metadata } from 'next';
import { getT } from '@/lib/i18n/server';
import { SiteHeader } from '@/app/_components/SiteHeader';
import { JoinForm } from './JoinForm';

export async function joinMetadata(): Promise<Metadata> {
  const t = await getT('workshop');
  return { title: t('joinTitle') };
}

/** The join page of `/join` and `/join/{code}`: one title, one lead, one form (the code prefilled or not). */
export async function JoinPage({ initialCode, maybeParticipant }: { initialCode?: string; maybeParticipant?: boolean }) {
  const t = await getT('workshop');
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-xl px-4 py-8">
        <h1 className="text-3xl font-bold mb-2">{t('joinTitle')}</h1>
        <p className="mb-5">{t('joinLead')}</p>
        <JoinForm initialCode={initialCode} maybeParticipant={maybeParticipant} />
      </main>
    </>
  );
}
