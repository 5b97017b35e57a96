import { getT } from '@/lib/i18n/server';
import { SiteHeader } from '@/app/_components/SiteHeader';
import { StartLabButton } from '@/app/_components/StartLabButton';

/** The same answer as the lab page for an unknown or expired lab id. */
export async function MissingLab() {
  const t = await getT('lab');
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-2xl px-6 py-10">
        <h1 className="text-2xl font-bold mb-4">{t('title')}</h1>
        <p className="mb-6">{t('notFound')}</p>
        <StartLabButton label={t('startNew')} />
      </main>
    </>
  );
}
