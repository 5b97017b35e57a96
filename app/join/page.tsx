import type { Metadata } from 'next';
import { getT } from '@/lib/i18n/server';
import { SiteHeader } from '@/app/_components/SiteHeader';
import { JoinForm } from './_components/JoinForm';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT('workshop');
  return { title: t('joinTitle') };
}

/** `/join`: type the code the facilitator shows. */
export default async function JoinPage() {
  const t = await getT('workshop');
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-xl px-4 py-8">
        <h1 className="text-3xl font-bold mb-2">{t('joinTitle')}</h1>
        <p className="mb-5">{t('joinLead')}</p>
        <JoinForm />
      </main>
    </>
  );
}
