import { describe, expect, it } from 'vitest';
import { SignJWT, jwtVerify } from 'jose';
import { decodeJwtForDisplay, encodeJsonSegment, looksLikeJwt, tamperJwt, utf8Bytes } from './jwt-display';

const secret = new TextEncoder().encode('0123456789abcdef0123456789abcdef');

async function token() {
  return new SignJWT({ username: 'alice', role: 'user', note: 'ユーザー' })
    .setProtectedHeader({ alg: 'HS256', typ: 'session+jwt', kid: 'k1' })
    .setSubject('7')
    .setIssuedAt(1000)
    .setExpirationTime(1900)
    .sign(secret);
}

describe('decodeJwtForDisplay', () => {
  it('reads header, payload (UTF-8 included) and the signature length', async () => {
    const d = decodeJwtForDisplay(await token())!;
    expect(d.header).toEqual({ alg: 'HS256', typ: 'session+jwt', kid: 'k1' });
    expect(d.payload).toMatchObject({ username: 'alice', role: 'user', note: 'ユーザー', sub: '7', iat: 1000, exp: 1900 });
    expect(d.signatureBytes).toBe(32);
  });

  it('returns null for an opaque session id, an iron seal and garbage', () => {
    expect(decodeJwtForDisplay('k2V0bW9yZS1yYW5kb20tYnl0ZXMtaGVyZS0xMjM0NTY3')).toBeNull();
    expect(decodeJwtForDisplay('Fe26.2**abc*def')).toBeNull();
    expect(decodeJwtForDisplay('a.b.c')).toBeNull();
    expect(looksLikeJwt('a.b')).toBe(false);
  });

  it('accepts an empty signature (alg: none) for display', () => {
    const t = `${encodeJsonSegment({ alg: 'none' })}.${encodeJsonSegment({ role: 'admin' })}.`;
    expect(decodeJwtForDisplay(t)).toMatchObject({ header: { alg: 'none' }, payload: { role: 'admin' }, signatureBytes: 0 });
  });
});

describe('tamperJwt', () => {
  it('changes the payload but keeps the old signature, which then fails verification', async () => {
    const original = await token();
    const forged = tamperJwt(original, { payload: { role: 'admin' } });
    expect(decodeJwtForDisplay(forged)!.payload.role).toBe('admin');
    expect(forged.split('.')[2]).toBe(original.split('.')[2]);
    await expect(jwtVerify(original, secret, { currentDate: new Date(1500_000) })).resolves.toBeTruthy();
    await expect(jwtVerify(forged, secret, { currentDate: new Date(1500_000) })).rejects.toMatchObject({ code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
  });

  it('builds an alg:none token with no signature', async () => {
    const forged = tamperJwt(await token(), { header: { alg: 'none' }, dropSignature: true });
    expect(forged.endsWith('.')).toBe(true);
    expect(decodeJwtForDisplay(forged)!.header.alg).toBe('none');
  });
});

it('utf8Bytes counts bytes, not characters', () => {
  expect(utf8Bytes('abc')).toBe(3);
  expect(utf8Bytes('あ')).toBe(3);
});
