import Link from 'next/link';
import { getT } from '@/lib/i18n/server';
import { SiteHeader } from './_components/SiteHeader';
import { StartLabButton } from './_components/StartLabButton';
import { RunWorkshopForm } from './_components/RunWorkshopForm';

/** `/`: what this is, who it is for, and one button. */
export default async function Home() {
  const t = await getT('home');
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-3xl px-6 py-10">
        <h1 className="text-4xl font-bold mb-5">{t('title')}</h1>
        <p className="text-lg mb-4">{t('lead')}</p>
        <p className="mb-4 text-muted">{t('audience')}</p>
        <p className="mb-8">{t('how')}</p>
        <div className="grid gap-6 md:grid-cols-2 items-start">
          <div>
            <StartLabButton />
            <p className="mt-3 text-sm text-muted">{t('startNote')}</p>
          </div>
          <RunWorkshopForm />
        </div>
        <p className="mt-8">
          <Link href="/learn">{t('learnLink')}</Link>
        </p>
      </main>
    </>
  );
}
