'use client';
import { useT } from '@/lib/i18n/client';
import type { Requirement } from '@/lib/explain/requirements';

/**
 * The requirements a result bears on: number, our own paraphrase, the
 * standard's version, a plain link. Plain <a>: nothing from another origin is
 * loaded until it is clicked (the site works offline on a workshop LAN).
 */
export function Requirements({ requirements }: { requirements: readonly Requirement[] }) {
  const t = useT('explain');
  if (requirements.length === 0) return null;
  return (
    <div data-testid="requirements">
      <h4 className="font-semibold text-sm">{t('headingRequirements')}</h4>
      <ul className="text-sm list-disc pl-5">
        {requirements.map((q) => (
          <li key={q.id}>
            <a href={q.url} target="_blank" rel="noopener noreferrer" className="mono font-semibold" data-testid="requirement-link" data-requirement={q.id}>
              {q.number}
            </a>{' '}
            <span className="text-muted text-xs">
              ({q.source}
              {q.level !== null ? `, L${q.level}` : ''})
            </span>{' '}
            — {t(`req_${q.id}`)}
          </li>
        ))}
      </ul>
      <p className="text-xs text-muted print:hidden" data-secondary>
        {t('linkNote')}
      </p>
    </div>
  );
}
