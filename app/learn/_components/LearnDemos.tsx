'use client';
import { useT } from '@/lib/i18n/client';
import { reasonWords } from '@/lib/ui/reason';
import { useDemoLab } from './useDemoLab';
import { TamperDemo } from './TamperDemo';
import { StorageDemo } from './StorageDemo';
import { PayloadDemo } from './PayloadDemo';

/** The three live demos; tamper and payload share one demo lab. */
export function LearnDemos() {
  const t = useT('learn');
  const tr = useT('reasons');
  const demo = useDemoLab();
  return (
    <section aria-labelledby="demos-h" className="flex flex-col gap-6">
      <h2 id="demos-h" className="text-2xl font-bold">
        {t('demosTitle')}
      </h2>
      <div className="card flex flex-col gap-2">
        <p className="text-sm">{t('demoLabNote')}</p>
        <div className="flex items-center gap-3 min-h-[2.5rem]">
          <button type="button" className="btn btn-primary" onClick={() => void demo.prepare()} disabled={demo.busy || demo.lab !== null}>
            {demo.busy ? t('preparing') : t('prepare')}
          </button>
          <p role="status" className="text-sm" data-testid="demo-status">
            {demo.lab ? t('prepared', { lab: demo.lab.labId.slice(0, 6) + '…' }) : demo.error ? t('failed', { reason: reasonWords(tr, demo.error) }) : ''}
          </p>
        </div>
      </div>
      <TamperDemo demo={demo} />
      <StorageDemo />
      <PayloadDemo demo={demo} />
    </section>
  );
}
