import type { useT } from '@/lib/i18n/client';
import type { ActorLabel } from '@/lib/ui/journal-view';

/** An actor in words ("panel 2", "curl / other client"): typed keys, so no translation can be missing. */
export function actorWords(t: ReturnType<typeof useT<'lab'>>, label: ActorLabel): string {
  return label.key === 'actor_panel' ? t('actor_panel', { n: label.n }) : t(label.key);
}
