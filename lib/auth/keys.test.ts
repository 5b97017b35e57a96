import { describe, expect, it } from 'vitest';
import { jwtVerify, SignJWT } from 'jose';
import { jwtAlgs } from '@/lib/labs/settings';
import { newLabId } from '@/lib/labs/create';
import { generateJwtKey, importJwtKey } from './keys';

describe('importJwtKey', () => {
  it.each(jwtAlgs)('%s: both halves are CryptoKeys (raw bytes would make jose import the key again on every call)', async (alg) => {
    const key = await generateJwtKey(alg);
    const { signKey, verifyKey } = await importJwtKey(newLabId(), key);
    expect(signKey).toBeInstanceOf(CryptoKey);
    expect(verifyKey).toBeInstanceOf(CryptoKey);
    // The secret or private key never leaves WebCrypto as bytes again; the verify half of a key pair is the public one.
    if (alg === 'HS256') expect(signKey.extractable).toBe(false);
    else expect(verifyKey.type).toBe('public');

    const token = await new SignJWT({}).setProtectedHeader({ alg }).setSubject('1').sign(signKey);
    expect((await jwtVerify(token, verifyKey, { algorithms: [alg] })).payload.sub).toBe('1');
  });

  it('imports once per lab and kid: the same pair comes back until the key is rotated', async () => {
    const labId = newLabId();
    const key = await generateJwtKey('HS256');
    const first = await importJwtKey(labId, key);
    expect(await importJwtKey(labId, key)).toBe(first);
    const rotated = await generateJwtKey('HS256');
    expect(await importJwtKey(labId, rotated)).not.toBe(first);
  });

  it('an HS256 key of one lab does not verify another lab’s tokens', async () => {
    const a = await importJwtKey(newLabId(), await generateJwtKey('HS256'));
    const b = await importJwtKey(newLabId(), await generateJwtKey('HS256'));
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(a.signKey);
    await expect(jwtVerify(token, b.verifyKey, { algorithms: ['HS256'] })).rejects.toMatchObject({ code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
  });
});
