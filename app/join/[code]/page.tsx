import type { Metadata } from 'next';
import { getT } from '@/lib/i18n/server';
import { SiteHeader } from '@/app/_components/SiteHeader';
import { cookies } from 'next/headers';
import { PARTICIPANT_COOKIE } from '@/lib/workshops/cookies';
import { JoinForm } from '../_components/JoinForm';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT('workshop');
  return { title: t('joinTitle') };
}

/** `/join/{code}`: the QR code's and the join URL's target — the code is filled in. */
export default async function JoinCodePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const t = await getT('workshop');
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-xl px-4 py-8">
        <h1 className="text-3xl font-bold mb-2">{t('joinTitle')}</h1>
        <p className="mb-5">{t('joinLead')}</p>
        {/* Bounded: a URL segment is the visitor's input (the form normalizes and validates it). */}
        <JoinForm initialCode={code.slice(0, 32)} maybeParticipant={(await cookies()).has(PARTICIPANT_COOKIE)} />
      </main>
    </>
  );
}
