import Link from 'next/link';
import { getT } from '@/lib/i18n/server';
import { SiteHeader } from './_components/SiteHeader';

/**
 * The site's own 404. Next's built-in one carries an inline <style> without
 * the CSP nonce, which the page policy (docs/SECURITY.md) rightly blocks.
 */
export default async function NotFound() {
  const t = await getT('common');
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-3xl px-6 py-10">
        <h1 className="text-4xl font-bold mb-5">404</h1>
        <p>
          <Link href="/">{t('navHome')}</Link>
        </p>
      </main>
    </>
  );
}
