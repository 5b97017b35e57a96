import { X509Certificate, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SignJWT, importX509, jwtVerify } from 'jose';
import { frozenLab } from '@/tests/support/frozen-lab';
import { JWT_TYPE, audienceFor, issuerFor, signLabJwt, verifyLabJwt } from './jwt-tokens';

/** DER: one tag, its length, its content. */
function der(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  const n = body.length;
  const length = n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, body]);
}
const seq = (...parts: Buffer[]) => der(0x30, ...parts);
const oid = (hex: string) => der(0x06, Buffer.from(hex, 'hex'));
const utcTime = (s: string) => der(0x17, Buffer.from(s, 'ascii'));
const name = (cn: string) => seq(der(0x31, seq(oid('550403'), der(0x0c, Buffer.from(cn, 'utf8')))));

const SIGNATURE_OID = { EdDSA: '2b6570', ES256: '2a8648ce3d040302' } as const; // Ed25519, ecdsa-with-SHA256

/**
 * A self-signed X.509 certificate for the attacker's key: well formed and
 * correctly signed, so a verifier that took keys from `x5c` would accept it.
 */
function selfSignedCertificate(alg: 'EdDSA' | 'ES256', publicKey: KeyObject, privateKey: KeyObject): Buffer {
  const algorithm = seq(oid(SIGNATURE_OID[alg]));
  const tbs = seq(
    der(0xa0, der(0x02, Buffer.from([2]))), // v3
    der(0x02, Buffer.concat([Buffer.from([0x01]), randomBytes(8)])),
    algorithm,
    name('Revocation Lab'),
    seq(utcTime('250101000000Z'), utcTime('491231235959Z')),
    name('Revocation Lab'),
    publicKey.export({ type: 'spki', format: 'der' }),
  );
  const signature = sign(alg === 'EdDSA' ? null : 'sha256', tbs, privateKey);
  return seq(tbs, algorithm, der(0x03, Buffer.from([0]), signature));
}

describe('verifyLabJwt and x5c', () => {
  for (const alg of ['EdDSA', 'ES256'] as const) {
    it(`${alg}: a token signed by an attacker's key with its certificate in x5c is refused; the lab's key decides`, async () => {
      const lab = await frozenLab({ jwtAlg: alg });
      const ctx = lab.ctx();
      const attacker = alg === 'EdDSA' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const cert = selfSignedCertificate(alg, attacker.publicKey, attacker.privateKey);
      // The forged chain is a real certificate of the attacker's key.
      expect(new X509Certificate(cert).verify(attacker.publicKey)).toBe(true);
      const x5c = [cert.toString('base64')];

      const forged = await new SignJWT({ username: 'bob', role: 'admin' })
        .setProtectedHeader({ alg, typ: JWT_TYPE, kid: ctx.lab.jwtKey.kid, x5c })
        .setIssuer(issuerFor(ctx.lab.id))
        .setAudience(audienceFor(ctx.lab.id, 'jwt'))
        .setSubject(String(lab.users.bob.id))
        .setJti('forged')
        .setIssuedAt(ctx.now)
        .setExpirationTime(ctx.now + 300)
        .sign(attacker.privateKey);
      // Control: trusting the header's certificate would accept the forgery, claims and all.
      const pem = `-----BEGIN CERTIFICATE-----\n${x5c[0]}\n-----END CERTIFICATE-----`;
      const trusted = await jwtVerify(forged, await importX509(pem, alg), { currentDate: new Date(ctx.now * 1000) });
      expect(trusted.payload.role).toBe('admin');

      expect(await verifyLabJwt(ctx, forged, 'jwt')).toEqual({ ok: false, reason: 'bad-signature' });
      // The lab's own token still verifies: only the pinned key counts.
      const { token } = await signLabJwt(ctx, 'jwt', lab.users.bob, 300);
      expect(await verifyLabJwt(ctx, token, 'jwt')).toMatchObject({ ok: true, user: lab.users.bob });
    });
  }
});
