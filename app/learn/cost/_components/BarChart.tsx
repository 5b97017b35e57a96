/**
 * A horizontal bar chart drawn with plain HTML (no chart library, no client
 * JavaScript): each bar's length is its value over the largest value. The
 * figures are also in the table beside it, so the chart is a picture of the
 * table, not the only copy of the data.
 */
export type Bar = {
  key: string;
  label: string;
  value: number;
  /** The value as the reader sees it, with its unit. */
  valueText: string;
  /** A second line under the label (e.g. "0 lookups"). */
  note?: string;
  tone: 'accent' | 'muted' | 'ok' | 'warn';
};

export type BarGroup = { key: string; title: string; bars: Bar[] };

const TONE_CLASS: Record<Bar['tone'], string> = {
  accent: 'bg-accent',
  muted: 'bg-muted',
  ok: 'bg-ok',
  warn: 'bg-warn',
};

export function BarChart({ title, groups, testId }: { title: string; groups: BarGroup[]; testId: string }) {
  const max = Math.max(...groups.flatMap((g) => g.bars.map((b) => b.value)), Number.MIN_VALUE);
  return (
    <figure className="card flex flex-col gap-3" data-testid={testId}>
      <figcaption className="font-semibold">{title}</figcaption>
      {groups.map((group) => (
        <div key={group.key} className="flex flex-col gap-1">
          {group.title && <p className="text-sm font-semibold text-muted">{group.title}</p>}
          <ul className="flex flex-col gap-1.5">
            {group.bars.map((bar) => {
              // A sliver stays visible: a 6 µs lookup next to a 700 µs unseal is the point of the chart.
              const percent = Math.max(0.6, (bar.value / max) * 100);
              return (
                // On a phone the label sits above its bar: beside it, label + bar + figure were wider than the screen.
                <li key={bar.key} className="grid grid-cols-1 sm:grid-cols-[minmax(8rem,13rem)_1fr] items-center gap-x-3 gap-y-0.5" data-bar={bar.key}>
                  <span className="text-sm leading-tight">
                    <span className="mono">{bar.label}</span>
                    {bar.note && <span className="block text-xs text-muted">{bar.note}</span>}
                  </span>
                  <span className="flex items-center gap-2 min-w-0">
                    {/* The bar is a share of its own track, so the figure beside it always fits. */}
                    <span className="flex-1 min-w-0" aria-hidden="true">
                      <span className={`block h-5 rounded-sm ${TONE_CLASS[bar.tone]}`} style={{ width: `${percent}%` }} />
                    </span>
                    <span className="mono text-sm whitespace-nowrap shrink-0" data-value>
                      {bar.valueText}
                    </span>
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </figure>
  );
}
