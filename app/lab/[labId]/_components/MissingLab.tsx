import { getT } from '@/lib/i18n/server';
import { SiteHeader } from '@/app/_components/SiteHeader';
import { StartLabButton } from '@/app/_components/StartLabButton';

/** The body of a lab page's 404: what happened, and a way on. */
export async function MissingLab({ message }: { message: 'notFound' | 'scenarioNotFound' }) {
  const t = await getT('lab');
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-2xl px-6 py-10">
        <h1 className="text-2xl font-bold mb-4">{t('title')}</h1>
        <p className="mb-6">{t(message)}</p>
        <StartLabButton label={t('startNew')} />
      </main>
    </>
  );
}
