'use client';
import { useT } from '@/lib/i18n/client';
import { LOOK_STYLE, type Look } from '@/lib/ui/outcome-look';

/** The legend of the one colour language, for every page that uses it. */
export function LookLegend({ looks = ['danger', 'defended', 'cost', 'neutral'] }: { looks?: readonly Look[] }) {
  const t = useT('common');
  return (
    <div className="look-legend" role="note" aria-label={t('lookLegend')} data-testid="look-legend">
      <span className="font-semibold">{t('lookLegend')}:</span>
      {looks.map((look) => (
        <span key={look} className="inline-flex items-center gap-1">
          <span className={`status ${LOOK_STYLE[look].className}`} aria-hidden="true">
            {LOOK_STYLE[look].symbol}
          </span>
          {t(`look_${look}`)}
        </span>
      ))}
    </div>
  );
}
