import Link from 'next/link';
import { cookies } from 'next/headers';
import { getT } from '@/lib/i18n/server';
import { PRESENTER_COOKIE, THEME_COOKIE, isTheme } from '@/lib/ui/prefs';
import { LanguageSwitch } from './LanguageSwitch';
import { ThemeSwitch } from './ThemeSwitch';
import { PresenterToggle } from './PresenterToggle';

/** Site chrome. `presenter` adds the presenter toggle (lab pages only). */
export async function SiteHeader({ presenter = false }: { presenter?: boolean }) {
  const t = await getT('common');
  const jar = await cookies();
  const theme = jar.get(THEME_COOKIE)?.value;
  return (
    <header className="site-header">
      <nav aria-label={t('siteName')} className="flex items-center gap-4">
        <Link href="/" className="font-bold text-lg no-underline">
          {t('siteName')}
        </Link>
        <Link href="/learn" data-secondary>
          {t('navLearn')}
        </Link>
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        {presenter && <PresenterToggle initial={jar.get(PRESENTER_COOKIE)?.value === '1'} />}
        <ThemeSwitch initial={isTheme(theme) ? theme : 'system'} />
        <LanguageSwitch />
      </div>
    </header>
  );
}
