'use client';
import { useT } from '@/lib/i18n/client';
import { roleKey } from '@/lib/i18n/keys';
import type { Key } from '@/lib/i18n/dictionaries';
import { formatClockDuration, formatLabTime } from '@/lib/ui/format';
import type { CredentialView, JwtDisplay } from './types';

const KNOWN_CLAIMS = ['alg', 'typ', 'kid', 'iss', 'aud', 'sub', 'jti', 'iat', 'exp', 'username', 'role', 'ver'] as const;
type KnownClaim = (typeof KNOWN_CLAIMS)[number];
const isKnownClaim = (name: string): name is KnownClaim => (KNOWN_CLAIMS as readonly string[]).includes(name);
/** Typed: a claim added to KNOWN_CLAIMS without its words fails the type check. */
const claimKey = (name: KnownClaim): Key<'lab'> => `claim_${name}`;

/**
 * The token inspector: what this browser presented for the panel's strategy,
 * as the server saw it. A JWT is split into its three coloured parts with
 * every claim explained; a session id shows its server row; a sealed iron
 * blob is shown as the unreadable thing it is.
 */
export function TokenInspector({ view, labNow }: { view: CredentialView | null; labNow: number }) {
  const t = useT('lab');
  return (
    // A fixed height with its own scroll: the panel keeps its size whether it shows a long JWT,
    // a session row or nothing, so nothing below it jumps when a request comes back.
    <section aria-label={t('inspector')} className="inspector h-[30rem] overflow-y-auto pr-1" tabIndex={0}>
      <h3 className="font-semibold">{t('inspector')}</h3>
      <p className="text-xs text-muted mb-2" data-secondary>
        {t('inspectorMalware')}
      </p>
      {!view || view.cookies.length === 0 ? (
        <p className="text-muted" data-testid="no-cookie">
          {t('noCookie')}
        </p>
      ) : (
        <>
          <p className="text-sm mb-1" data-testid="cookie-size">
            {t('cookieSize', { bytes: view.totalBytes })}
          </p>
          {view.cookies.map((c) => (
            <div key={c.name} className="mb-2" data-testid="inspected-cookie" data-cookie={c.name}>
              <p className="mono text-xs text-muted">
                {c.name}= <span data-secondary>{t('cookieFacts', { length: c.length, hash: c.hash })}</span>
              </p>
              {c.jwt ? (
                <JwtView jwt={c.jwt} labNow={labNow} />
              ) : c.kind === 'sealed' ? (
                <>
                  <p className="mono text-xs break-all bg-surface-2 p-1 rounded" data-testid="sealed-value">
                    {c.preview}
                  </p>
                  <p className="text-sm mt-1">{t('sealed')}</p>
                </>
              ) : (
                <>
                  <p className="mono text-sm break-all bg-surface-2 p-1 rounded" data-testid="opaque-value">
                    {c.preview}
                  </p>
                  <p className="text-sm mt-1">{view.strategy === 'session' ? t('sessionOpaque') : t('opaque')}</p>
                </>
              )}
            </div>
          ))}
          <p className="text-xs text-muted" data-secondary>
            {t('valueWithheld')}
          </p>
          {view.strategy === 'session' && <SessionRow view={view} labNow={labNow} />}
        </>
      )}
    </section>
  );
}

function JwtView({ jwt, labNow }: { jwt: JwtDisplay; labNow: number }) {
  const t = useT('lab');
  const exp = typeof jwt.payload.exp === 'number' ? jwt.payload.exp : null;
  return (
    <div data-testid="jwt-view">
      <p className="mono text-xs break-all leading-snug" aria-label="JWT">
        <span className="text-jwt-header">{jwt.raw.header}</span>.<span className="text-jwt-payload">{jwt.raw.payload}</span>.
        <span className="text-jwt-signature">{jwt.raw.signature}</span>
      </p>
      {exp !== null && <ExpiryLine exp={exp} labNow={labNow} />}
      <ClaimTable title={t('header')} colorClass="border-jwt-header" claims={jwt.header} />
      <ClaimTable title={t('payload')} colorClass="border-jwt-payload" claims={jwt.payload} note={t('payloadReadable')} />
      <div className="border-l-4 border-jwt-signature pl-2 mt-1">
        <p className="text-sm font-semibold">{t('signature')}</p>
        <p className="text-xs" data-secondary>
          {t('signatureNote', { bytes: jwt.signatureBytes })}
        </p>
      </div>
    </div>
  );
}

export function ExpiryLine({ exp, labNow }: { exp: number; labNow: number }) {
  const t = useT('lab');
  const left = exp - labNow;
  return (
    <p className="text-sm font-semibold my-1" data-testid="expiry" aria-live="off">
            {left > 0 ? t('expiresIn', { time: formatClockDuration(left) }) : t('expiredAgo', { time: formatClockDuration(-left) })}{' '}
      <span className="font-normal text-muted">{t('onLabClock')}</span>
    </p>
  );
}

function ClaimTable({ title, colorClass, claims, note }: { title: string; colorClass: string; claims: Record<string, unknown>; note?: string }) {
  const t = useT('lab');
  return (
    <div className={`border-l-4 ${colorClass} pl-2 mt-1`}>
      <p className="text-sm font-semibold">{title}</p>
      {note && (
        <p className="text-xs" data-secondary>
          {note}
        </p>
      )}
      <dl className="text-xs grid grid-cols-[auto_1fr] gap-x-2">
        {Object.entries(claims).map(([name, value]) => {
          const shown = (name === 'iat' || name === 'exp') && typeof value === 'number' ? `${value} (${formatLabTime(value)})` : JSON.stringify(value);
          return (
            <div key={name} className="contents">
              <dt className="mono font-semibold">{name}</dt>
              <dd className="min-w-0">
                <span className="mono break-all" data-claim={name}>
                  {shown}
                </span>
                <span className="block text-muted" data-secondary>
                  {isKnownClaim(name) ? t(claimKey(name)) : t('claim_other')}
                </span>
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}

/** The role as the page words it elsewhere (admin / user, 管理者 / 一般), the raw value if it is neither. */
function roleWords(t: ReturnType<typeof useT<'lab'>>, role: string): string {
  return role === 'admin' || role === 'user' ? t(roleKey(role)) : role;
}

function SessionRow({ view, labNow }: { view: CredentialView; labNow: number }) {
  const t = useT('lab');
  const row = view.sessionRow;
  if (!row) {
    return (
      <p className="text-sm font-semibold" data-testid="session-no-row">
        ✗ {t('sessionNoRow')}
      </p>
    );
  }
  const expires = Math.min(row.idleExpiresAt, row.absoluteExpiresAt);
  return (
    <div className="border-l-4 border-ok pl-2" data-testid="session-row">
      <p className="text-sm font-semibold">{t('sessionRow')}</p>
      <dl className="text-xs grid grid-cols-[minmax(0,45%)_minmax(0,1fr)] gap-x-2">
        <dt>{t('sessionHash')}</dt>
        <dd className="mono break-all">{row.idHashPrefix}</dd>
        <dt>{t('sessionUser')}</dt>
        <dd className="mono">
          {row.username} ({roleWords(t, row.role)}
          {row.banned ? `, ${t('banned')}` : ''})
        </dd>
        <dt>{t('sessionCreated')}</dt>
        <dd className="mono">{formatLabTime(row.createdAt)}</dd>
        <dt>{t('sessionLastSeen')}</dt>
        <dd className="mono">{formatLabTime(row.lastSeenAt)}</dd>
        <dt>{t('sessionIdleExpires')}</dt>
        <dd className="mono">{formatLabTime(row.idleExpiresAt)}</dd>
        <dt>{t('sessionAbsoluteExpires')}</dt>
        <dd className="mono">{formatLabTime(row.absoluteExpiresAt)}</dd>
      </dl>
      <ExpiryLine exp={expires} labNow={labNow} />
    </div>
  );
}
