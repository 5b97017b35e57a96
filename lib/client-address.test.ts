import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';
import { PEER_ADDRESS_HEADER } from './peer-header';

const req = (headers: Record<string, string>) => new Request('http://127.0.0.1:3000/api/labs', { headers });

describe('clientAddress', () => {
  it('is the TCP peer the socket hook wrote, whatever X-Forwarded-For says by default', () => {
    expect(clientAddress(req({ [PEER_ADDRESS_HEADER]: '127.0.0.7', 'x-forwarded-for': '10.9.9.9' }), 0)).toBe('127.0.0.7');
  });

  it('folds an IPv4-mapped IPv6 peer into its IPv4 form', () => {
    expect(clientAddress(req({ [PEER_ADDRESS_HEADER]: '::ffff:127.0.0.5' }), 0)).toBe('127.0.0.5');
  });

  it('behind one trusted proxy, believes only the entry that proxy appended', () => {
    const headers = { [PEER_ADDRESS_HEADER]: '10.0.0.1', 'x-forwarded-for': 'forged, 192.168.1.23' };
    expect(clientAddress(req(headers), 1)).toBe('192.168.1.23');
    expect(clientAddress(req(headers), 2)).toBe('forged');
  });

  it('falls back to the peer when the proxy sent fewer hops than configured, and to one shared bucket without either', () => {
    expect(clientAddress(req({ [PEER_ADDRESS_HEADER]: '10.0.0.1' }), 1)).toBe('10.0.0.1');
    expect(clientAddress(req({}), 0)).toBe('unknown');
  });
});
