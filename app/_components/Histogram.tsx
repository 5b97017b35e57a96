import { histogramBars } from '@/lib/ui/mission-look';

/**
 * A prediction's answers as horizontal bars: each option's words, a bar, the
 * count and share. Marks (the participant's own answer, what their lab
 * measured) are words beside the bar, not colour alone.
 */
export function Histogram({
  options,
  counts,
  label,
  optionWords,
  marks,
  testId,
}: {
  options: readonly string[];
  counts: Readonly<Record<string, number>> | undefined;
  label: string;
  optionWords: (option: string) => string;
  marks?: (option: string) => string[];
  testId?: string;
}) {
  const bars = histogramBars(options, counts);
  return (
    <ul className="ws-histogram" aria-label={label} data-testid={testId}>
      {bars.map((bar) => (
        <li key={bar.option} data-option={bar.option} data-count={bar.count}>
          <span className="ws-histogram-label">
            {optionWords(bar.option)}
            {marks?.(bar.option).map((mark) => (
              <span key={mark} className="ws-mark">
                {mark}
              </span>
            ))}
          </span>
          <span className="ws-histogram-track" aria-hidden="true">
            <span className="ws-histogram-bar" style={{ width: `${Math.round(bar.share * 100)}%` }} />
          </span>
          <span className="ws-histogram-count mono">
            {bar.count} <span className="text-muted">({bar.percent}%)</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
