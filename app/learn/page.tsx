import type { Metadata } from 'next';
import Link from 'next/link';
import { getT } from '@/lib/i18n/server';
import { SiteHeader } from '@/app/_components/SiteHeader';
import { StartLabButton } from '@/app/_components/StartLabButton';
import { LearnDemos } from './_components/LearnDemos';
import { LibraryMeasured } from './_components/LibraryMeasured';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT('learn');
  return { title: t('title') };
}

const SOURCES = [
  { key: 'srcRfc', url: 'https://www.rfc-editor.org/rfc/rfc8725' },
  { key: 'srcOwaspSession', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html' },
  { key: 'srcOwaspJwt', url: 'https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html' },
  { key: 'srcJoepie', url: 'http://cryto.net/~joepie91/blog/2016/06/13/stop-using-jwt-for-sessions/' },
  // co3k's article carries the flowchart translated into Japanese (found via the search corpus; cited by many Japanese JWT write-ups).
  { key: 'srcCo3k', url: 'https://co3k.org/blog/why-do-you-use-jwt-for-session' },
] as const;

/** `/learn`: the argument in plain words, where signed tokens do fit, the sources, and three live demos. */
export default async function LearnPage() {
  const t = await getT('learn');
  const tc = await getT('cost');
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-3xl px-6 py-8 flex flex-col gap-8">
        <header>
          <h1 className="text-3xl font-bold mb-2">{t('title')}</h1>
          <p className="text-lg text-muted">{t('lead')}</p>
        </header>

        <section aria-labelledby="arg-h" className="flex flex-col gap-3">
          <h2 id="arg-h" className="text-2xl font-bold">
            {t('argTitle')}
          </h2>
          <p>{t('arg1')}</p>
          <p>{t('arg2')}</p>
          <p>{t('arg3')}</p>
          <p>{t('arg4')}</p>
          <p className="font-semibold">{t('arg5')}</p>
        </section>

        <section aria-labelledby="fair-h" className="flex flex-col gap-3">
          <h2 id="fair-h" className="text-2xl font-bold">
            {t('fairTitle')}
          </h2>
          <p>{t('fair1')}</p>
          <p>{t('fair2')}</p>
          <p>{t('fair3')}</p>
        </section>

        <LibraryMeasured />

        <section aria-labelledby="cost-h" className="card flex flex-col gap-2">
          <h2 id="cost-h" className="text-xl font-bold">
            {tc('learnTeaserTitle')}
          </h2>
          <p>{tc('learnTeaser')}</p>
          <p>
            <Link href="/learn/cost" className="font-semibold">
              {tc('learnTeaserLink')} →
            </Link>
          </p>
        </section>

        <section aria-labelledby="src-h">
          <h2 id="src-h" className="text-2xl font-bold mb-2">
            {t('sourcesTitle')}
          </h2>
          <ul className="list-disc pl-6 flex flex-col gap-2">
            {SOURCES.map((s) => (
              <li key={s.key}>
                {/* A plain link: nothing from the other site is loaded until it is clicked. */}
                <a href={s.url} target="_blank" rel="noopener noreferrer" data-testid="source-link">
                  <cite className="not-italic">{t(s.key)}</cite>
                </a>
                <br />
                <code className="mono text-sm break-all">{s.url}</code>
              </li>
            ))}
          </ul>
          <p className="text-sm text-muted mt-2">{t('sourcesNote')}</p>
        </section>

        <LearnDemos />

        <section aria-labelledby="lab-h" className="card flex flex-col gap-2">
          <h2 id="lab-h" className="text-xl font-bold">
            {t('labTitle')}
          </h2>
          <p>{t('labText')}</p>
          <StartLabButton />
        </section>
      </main>
    </>
  );
}
