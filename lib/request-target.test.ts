import { describe, expect, it } from 'vitest';
import { isOriginForm } from './request-target';

describe('request targets (issue 13.8)', () => {
  it('only a path is served: asterisk and absolute forms are not', () => {
    expect(isOriginForm('/api/health')).toBe(true);
    expect(isOriginForm('//evil.example/')).toBe(true); // a path; Next redirects it to /evil.example/ on this host
    for (const t of ['*', 'http://evil.example/', 'HTTP://127.0.0.1/api/health', 'evil.example:443', '', undefined]) expect(isOriginForm(t)).toBe(false);
  });
});
