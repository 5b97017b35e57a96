import http from 'node:http';
import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JWK } from 'jose';
import { agent, newLab, type TestLab } from './helpers';
import {
  b64url,
  expectCredentialRefused,
  hmacSign,
  isJwtShaped,
  labSigningKey,
  loginCookies,
  signRaw,
  signWithLabKey,
  splitJwt,
  strategiesOf,
  withCookie,
} from './hostile-support';

/**
 * Forged and mangled JWTs (RFC 8725, OWASP JWT cheat sheet) against every
 * strategy whose cookie is a JWT — found at run time from the registry, so a
 * new JWT strategy is attacked as soon as it lands. Every forgery must get a
 * clean 401 with the right reason, and the genuine token must still work.
 */

type Target = { strategy: string; cookieName: string; token: string };
type Forgery = { name: string; token: string; reasons: readonly string[] };

const MALFORMED = ['malformed'] as const;
const BAD_SIG = ['bad-signature'] as const;
const ALG = ['alg-not-allowed'] as const;
const CLAIMS = ['bad-claims'] as const;

/** A listener that counts requests: a verifier that follows `jku`/`x5u` would call it. */
let fetchedByServer = 0;
let trap: http.Server;
let trapUrl = '';
beforeAll(async () => {
  trap = http.createServer((_req, res) => {
    fetchedByServer++;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [attackerEc.publicJwk] }));
  });
  await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
  trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => trap.close(() => resolve())));

const attackerEc = (() => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privateJwk: privateKey.export({ format: 'jwk' }) as JWK, publicJwk: publicKey.export({ format: 'jwk' }) as JWK };
})();
const attackerEd = (() => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateJwk: privateKey.export({ format: 'jwk' }) as JWK, publicJwk: publicKey.export({ format: 'jwk' }) as JWK };
})();
const attackerSecret: JWK = { kty: 'oct', k: randomBytes(32).toString('base64url') };

/** Logs in to every strategy and keeps those whose cookie is a JWT. */
async function jwtTargets(lab: TestLab, username = 'bob'): Promise<Target[]> {
  const targets: Target[] = [];
  for (const strategy of await strategiesOf(lab)) {
    const cookie = (await loginCookies(lab, strategy, username)).find((c) => isJwtShaped(c.value));
    if (cookie) targets.push({ strategy, cookieName: cookie.name, token: cookie.value });
  }
  // A loop over no targets proves nothing: the brief's JWT strategies must be among them.
  expect(targets.map((t) => t.strategy)).toEqual(expect.arrayContaining(['jwt', 'jwt-denylist', 'jwt-version', 'jwt-refresh']));
  return targets;
}

/** Signs with an attacker-held key of the same kind as the lab's. */
function attackerSign(alg: string, header: Record<string, unknown>, payload: unknown): string {
  if (alg === 'HS256') return signRaw({ alg, ...header }, payload, alg, attackerSecret);
  if (alg === 'ES256') return signRaw({ alg, ...header }, payload, alg, attackerEc.privateJwk);
  return signRaw({ alg, ...header }, payload, alg, attackerEd.privateJwk);
}

function forgeries(lab: TestLab, target: Target): Forgery[] {
  const { header, payload, signature, parts } = splitJwt(target.token);
  const alg = header.alg;
  const admin = { ...payload, role: 'admin', username: 'alice' };
  const [h, p] = parts as [string, string, string];
  const realSign = (hdr: Record<string, unknown>, pl: unknown) => signWithLabKey(lab.labId, hdr, pl);
  const without = (key: string) => Object.fromEntries(Object.entries(payload).filter(([k]) => k !== key));
  const list: Forgery[] = [];

  // alg: none, in every spelling, with and without the original signature.
  for (const none of ['none', 'None', 'NONE', 'nOnE']) {
    list.push({ name: `alg ${none}, empty signature`, token: `${b64url({ ...header, alg: none })}.${b64url(admin)}.`, reasons: ALG });
    list.push({ name: `alg ${none}, original signature`, token: `${b64url({ ...header, alg: none })}.${p}.${signature}`, reasons: ALG });
  }
  // Tampering with the original signature kept.
  list.push({ name: 'payload role→admin, original signature', token: `${h}.${b64url(admin)}.${signature}`, reasons: BAD_SIG });
  list.push({ name: 'payload exp +1 year, original signature', token: `${h}.${b64url({ ...payload, exp: (payload.exp ?? 0) + 31536000 })}.${signature}`, reasons: BAD_SIG });
  list.push({ name: 'header kid changed, original signature', token: `${b64url({ ...header, kid: 'other' })}.${p}.${signature}`, reasons: BAD_SIG });
  list.push({ name: 'one signature character flipped', token: `${h}.${p}.${signature.slice(0, -2)}${signature.at(-2) === 'A' ? 'B' : 'A'}${signature.at(-1)}`, reasons: BAD_SIG });
  // The same signature bytes spelled differently (an unused low bit of the last character): one token must be one string.
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const respelled = signature.slice(0, -1) + B64[B64.indexOf(signature.at(-1)!) ^ 1];
  list.push({ name: 'signature re-spelled, same bytes (non-canonical base64url)', token: `${h}.${p}.${respelled}`, reasons: MALFORMED });
  // Signature missing or cut.
  list.push({ name: 'signature removed (trailing dot)', token: `${h}.${p}.`, reasons: [...BAD_SIG, ...MALFORMED] });
  list.push({ name: 'signature truncated to half', token: `${h}.${p}.${signature.slice(0, signature.length >> 1)}`, reasons: [...BAD_SIG, ...MALFORMED] });
  list.push({ name: 'signature of one character', token: `${h}.${p}.A`, reasons: [...BAD_SIG, ...MALFORMED] });
  // Wrong number of segments.
  list.push({ name: '2 segments', token: `${h}.${p}`, reasons: MALFORMED });
  list.push({ name: '1 segment', token: h, reasons: MALFORMED });
  list.push({ name: '4 segments', token: `${target.token}.${signature}`, reasons: MALFORMED });
  list.push({ name: '5 segments (JWE shape)', token: `${h}..${p}.${signature}.${signature}`, reasons: MALFORMED });
  list.push({ name: 'empty segments', token: '..', reasons: MALFORMED });
  // Bad base64url and junk headers.
  list.push({ name: 'standard base64 padding', token: `${h}==.${p}.${signature}`, reasons: MALFORMED });
  list.push({ name: '+ and / characters', token: `${h}+/.${p}.${signature}`, reasons: MALFORMED });
  list.push({ name: 'non-ASCII in a segment', token: `${h}.${p}é.${signature}`, reasons: MALFORMED });
  list.push({ name: 'header is not JSON', token: `${b64url('not json at all')}.${p}.${signature}`, reasons: MALFORMED });
  list.push({ name: 'header is a JSON array', token: `${b64url([header])}.${p}.${signature}`, reasons: MALFORMED });
  list.push({ name: 'header is JSON null', token: `${b64url('null')}.${p}.${signature}`, reasons: MALFORMED });
  list.push({ name: 'header alg is a number', token: `${b64url({ ...header, alg: 256 })}.${p}.${signature}`, reasons: [...MALFORMED, ...ALG] });
  list.push({ name: 'header alg is an array', token: `${b64url({ ...header, alg: [alg, 'none'] })}.${p}.${signature}`, reasons: [...MALFORMED, ...ALG] });
  list.push({ name: 'header invalid UTF-8', token: `${Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url')}.${p}.${signature}`, reasons: MALFORMED });
  list.push({ name: 'payload is not JSON (real key)', token: `${h}.${b64url('{{{')}.${signature}`, reasons: [...MALFORMED, ...BAD_SIG] });
  list.push({ name: 'far too long', token: `${h}.${b64url({ ...payload, pad: 'x'.repeat(6000) })}.${signature}`, reasons: MALFORMED });
  // Hostile kid: never used to find a key, so never a path, never SQL.
  for (const kid of ['../../../../../../dev/null', "' OR '1'='1' --", '"; DROP TABLE labs; --', '\u0000', 'x'.repeat(2000), 'file:///etc/passwd']) {
    list.push({ name: `attacker-signed, kid ${JSON.stringify(kid).slice(0, 30)}`, token: attackerSign(alg, { ...header, kid }, admin), reasons: BAD_SIG });
  }
  // Keys named by URL or embedded in the token are never fetched, never trusted.
  list.push({ name: 'jku to an attacker JWKS', token: attackerSign(alg, { ...header, jku: `${trapUrl}/jwks.json`, kid: 'attacker' }, admin), reasons: BAD_SIG });
  list.push({ name: 'x5u to an attacker certificate', token: attackerSign(alg, { ...header, x5u: `${trapUrl}/cert.pem` }, admin), reasons: BAD_SIG });
  list.push({ name: 'ES256 with the attacker key embedded as jwk', token: signRaw({ ...header, alg: 'ES256', jwk: attackerEc.publicJwk }, admin, 'ES256', attackerEc.privateJwk), reasons: alg === 'ES256' ? BAD_SIG : ALG });
  list.push({ name: 'EdDSA with the attacker key embedded as jwk', token: signRaw({ ...header, alg: 'EdDSA', jwk: attackerEd.publicJwk }, admin, 'EdDSA', attackerEd.privateJwk), reasons: alg === 'EdDSA' ? BAD_SIG : ALG });
  list.push({ name: 'same alg, attacker key, x5c chain', token: attackerSign(alg, { ...header, x5c: ['MIIB'] }, admin), reasons: BAD_SIG });
  // crit: an extension we do not understand must be refused even when the signature is real.
  list.push({ name: 'crit with an unknown extension (real key)', token: realSign({ ...header, crit: ['x-unknown'], 'x-unknown': 1 }, payload), reasons: MALFORMED });
  list.push({ name: 'crit naming a missing parameter (real key)', token: realSign({ ...header, crit: ['x-missing'] }, payload), reasons: MALFORMED });
  list.push({ name: 'crit empty list (real key)', token: realSign({ ...header, crit: [] }, payload), reasons: MALFORMED });
  list.push({ name: 'crit b64:false unencoded payload (real key)', token: realSign({ ...header, crit: ['b64'], b64: false }, payload), reasons: [...MALFORMED, ...BAD_SIG] });
  // Signed with the real key, wrong in one claim: each pinned check must hold on its own.
  list.push({ name: 'issuer of another lab (real key)', token: realSign(header, { ...payload, iss: 'urn:revocation-lab:lab:AAAAAAAAAAAAAAAAAAAAAA' }), reasons: CLAIMS });
  list.push({ name: 'audience of another strategy (real key)', token: realSign(header, { ...payload, aud: `${payload.aud}-other` }), reasons: CLAIMS });
  list.push({ name: 'audience as an array with a foreign value only (real key)', token: realSign(header, { ...payload, aud: ['urn:other'] }), reasons: CLAIMS });
  list.push({ name: 'typ missing (real key)', token: realSign({ alg }, payload), reasons: CLAIMS });
  list.push({ name: 'typ JWT (real key)', token: realSign({ ...header, typ: 'JWT' }, payload), reasons: CLAIMS });
  list.push({ name: 'typ of another use, at+jwt (real key)', token: realSign({ ...header, typ: 'at+jwt' }, payload), reasons: CLAIMS });
  for (const claim of ['exp', 'iat', 'sub', 'jti']) {
    list.push({ name: `required claim ${claim} missing (real key)`, token: realSign(header, without(claim)), reasons: CLAIMS });
  }
  list.push({ name: 'exp in the past (real key)', token: realSign(header, { ...payload, exp: (payload.iat ?? 0) - 1 }), reasons: ['expired'] });
  list.push({ name: 'exp as a string (real key)', token: realSign(header, { ...payload, exp: String(payload.exp) }), reasons: [...CLAIMS, ...MALFORMED] });
  list.push({ name: 'nbf in the future (real key)', token: realSign(header, { ...payload, nbf: (payload.exp ?? 0) + 1000 }), reasons: CLAIMS });
  list.push({ name: 'sub not a user id (real key)', token: realSign(header, { ...payload, sub: "1 OR 1=1" }), reasons: CLAIMS });
  list.push({ name: 'role outside the enum (real key)', token: realSign(header, { ...payload, role: 'root' }), reasons: CLAIMS });
  list.push({ name: 'payload a JSON array (real key)', token: realSign(header, [payload]), reasons: MALFORMED });
  return list;
}

async function expectGenuineWorks(lab: TestLab, target: Target) {
  const res = await withCookie('GET', lab.api(`/${target.strategy}/me`), `${target.cookieName}=${target.token}`);
  expect(res.status, `${target.strategy} genuine token after the attack: ${JSON.stringify(res.body)}`).toBe(200);
}

async function attack(lab: TestLab, targets: Target[]) {
  expect(targets.map((t) => t.strategy)).toContain('jwt');
  for (const target of targets) {
    for (const forgery of forgeries(lab, target)) {
      for (const endpoint of ['me', 'admin']) {
        const res = await withCookie('GET', lab.api(`/${target.strategy}/${endpoint}`), `${target.cookieName}=${forgery.token}`);
        try {
          expectCredentialRefused(res, forgery.reasons);
        } catch (err) {
          throw new Error(`${target.strategy} /${endpoint}: ${forgery.name}: ${(err as Error).message}`);
        }
      }
    }
    await expectGenuineWorks(lab, target);
  }
}

describe('hostile JWTs, every JWT strategy in the registry', () => {
  // Hundreds of requests, each now also written to the lab journal, while other files run beside: minutes on a loaded machine.
  it('HS256 lab: none, tampering, truncation, segments, base64, junk headers, kid, jku, x5u, jwk, crit, claims', { timeout: 180_000 }, async () => {
    const lab = await newLab();
    expect(labSigningKey(lab.labId).alg).toBe('HS256');
    await attack(lab, await jwtTargets(lab));
    expect(fetchedByServer).toBe(0);
  });

  for (const alg of ['ES256', 'EdDSA'] as const) {
    it(`${alg} lab: the same forgeries, plus HS256 signed with the public key (algorithm confusion)`, async () => {
      const lab = await newLab();
      const patched = await agent().patch(lab.api('/settings'), { jwtAlg: alg });
      expect(patched.status).toBe(200);
      const targets = await jwtTargets(lab);
      expect(splitJwt(targets[0]!.token).header.alg).toBe(alg);
      await attack(lab, targets);

      const { jwk } = labSigningKey(lab.labId);
      const { d: _secret, ...publicJwk } = jwk;
      const pub = createPublicKey({ key: publicJwk as unknown as import('node:crypto').JsonWebKey, format: 'jwk' });
      const publicForms: [string, Buffer | string][] = [
        ['SPKI PEM', pub.export({ type: 'spki', format: 'pem' }) as string],
        ['SPKI DER', pub.export({ type: 'spki', format: 'der' })],
        ['JWK JSON', JSON.stringify(publicJwk)],
        ['raw x coordinate', Buffer.from(publicJwk.x!, 'base64url')],
      ];
      for (const target of targets) {
        const { header, payload } = splitJwt(target.token);
        for (const [form, secret] of publicForms) {
          const token = hmacSign({ ...header, alg: 'HS256' }, { ...payload, role: 'admin' }, secret);
          const res = await withCookie('GET', lab.api(`/${target.strategy}/admin`), `${target.cookieName}=${token}`);
          expectCredentialRefused(res, ALG);
          expect(form).toBeTruthy();
        }
        await expectGenuineWorks(lab, target);
      }
      expect(fetchedByServer).toBe(0);
    });
  }

  it('a token is bound to its lab and its strategy: issuer, audience and key all differ', async () => {
    const [a, b] = await Promise.all([newLab(), newLab()]);
    const targetsA = await jwtTargets(a);
    const targetsB = await jwtTargets(b);
    for (const ta of targetsA) {
      // The same strategy in another lab: another key (and issuer).
      const inB = await withCookie('GET', b.api(`/${ta.strategy}/me`), `${ta.cookieName}=${ta.token}`);
      expectCredentialRefused(inB, ['bad-signature', 'bad-claims']);
      // Lab A's key, but lab B's issuer and audience: refused by claims even though the signature is A's.
      const tb = targetsB.find((t) => t.strategy === ta.strategy)!;
      const { header, payload } = splitJwt(tb.token);
      const signedByA = signWithLabKey(a.labId, header, payload);
      expectCredentialRefused(await withCookie('GET', a.api(`/${ta.strategy}/me`), `${ta.cookieName}=${signedByA}`), CLAIMS);
      // Another JWT strategy of the same lab: same key, other audience.
      for (const other of targetsA.filter((t) => t.strategy !== ta.strategy)) {
        const res = await withCookie('GET', a.api(`/${other.strategy}/me`), `${other.cookieName}=${ta.token}`);
        expectCredentialRefused(res, CLAIMS);
      }
    }
    for (const t of [...targetsA]) await expectGenuineWorks(a, t);
  });

  it('a hostile kid on a token signed with the real key is simply ignored: the pinned key decides', async () => {
    const lab = await newLab();
    for (const target of await jwtTargets(lab)) {
      const { header, payload } = splitJwt(target.token);
      for (const kid of ['../../../../etc/passwd', "' OR 1=1 --", 'unknown-kid']) {
        const token = signWithLabKey(lab.labId, { ...header, kid }, payload);
        const res = await withCookie('GET', lab.api(`/${target.strategy}/me`), `${target.cookieName}=${token}`);
        expect(res.status, `${target.strategy} kid ${kid}: ${JSON.stringify(res.body)}`).toBe(200);
      }
    }
  });

  it('after a key rotation the old key is gone: a token re-signed with it is refused', async () => {
    const lab = await newLab();
    const targets = await jwtTargets(lab);
    const old = labSigningKey(lab.labId);
    expect((await agent().post(lab.api('/keys/rotate'))).status).toBe(200);
    for (const target of targets) {
      const { header, payload } = splitJwt(target.token);
      const token = signRaw(header as Record<string, unknown>, { ...payload, jti: randomBytes(16).toString('base64url') }, old.alg, old.jwk);
      expectCredentialRefused(await withCookie('GET', lab.api(`/${target.strategy}/me`), `${target.cookieName}=${token}`), BAD_SIG);
    }
  });
});
