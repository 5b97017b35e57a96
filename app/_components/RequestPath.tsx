import { Fragment } from 'react';

/**
 * A request line as the trace and the timeline show it: the method, and the path with the lab's id
 * shortened to "…" (it is the lab's capability and the same on every row). The path wraps after a
 * slash, not inside a word: in a narrow column (a panel at 1280×720 in presenter mode) "…/session/me"
 * broke as "…/sessio n/me". The cell that holds it uses `overflow-wrap: break-word`, not `anywhere` or
 * `break-all`: those make a table column as narrow as one letter, and the browser then breaks every word.
 */
export function RequestPath({ method, path }: { method: string; path: string }) {
  const segments = path.replace(/^\/api\/labs\/[^/]+/, '…').split('/');
  return (
    <>
      {method}{' '}
      {segments.map((segment, i) => (
        // The slash and the break opportunity stand outside the segment's <span>, so a segment the line
        // broke inside is one whose span has two boxes (the e2e presenter test looks for those).
        <Fragment key={i}>
          {i > 0 && (
            <>
              /<wbr />
            </>
          )}
          <span>{segment}</span>
        </Fragment>
      ))}
    </>
  );
}
