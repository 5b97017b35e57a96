import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCommittedBenchResults, COMMITTED_RESULTS_PATH } from './load';
import { benchResultsSchema, goal, type BenchResults } from './results';
import { costHeadline, throughputHeadline } from './summary';

const timing = { minUs: 1, maxUs: 2, opsPerSecond: 1, rounds: 3, opsPerRound: 10 };

function sample(): BenchResults {
  return {
    schemaVersion: 1,
    createdAt: '2026-11-25T20:00:00.000Z',
    machine: { cpuModel: 'test', cores: 2, memoryGiB: 1, platform: 'test', node: 'v20', packages: {}, loadAverageAtStart: 0 },
    command: 'npm run bench',
    micro: {
      sessionRows: 100_000,
      jwtAlgs: ['HS256'],
      primitives: [
        { id: 'hash', label: 'SHA-256', medianUs: 1, ...timing },
        { id: 'get', label: 'SQLite get', medianUs: 5, ...timing },
        { id: 'hs256', label: 'jwtVerify', medianUs: 150, ...timing },
        { id: 'unseal', label: 'unseal', medianUs: 600, ...timing },
      ],
      strategies: [
        { strategy: 'session', primitives: ['hash', 'get'], primitivesUs: 6, ratio: 1.1, lookups: 1, medianUs: 6.6, ...timing },
        { strategy: 'jwt', primitives: ['hs256'], primitivesUs: 150, ratio: 1, lookups: 0, medianUs: 150, ...timing },
        { strategy: 'iron-stateless', primitives: ['unseal'], primitivesUs: 600, ratio: 1, lookups: 0, medianUs: 600, ...timing },
      ],
    },
    http: {
      connections: 50,
      durationSeconds: 10,
      rounds: 3,
      routes: [
        { id: 'no-auth', path: '/api/health', expectedStatus: 200, requestsPerSecond: 1000, p50Ms: 1, p99Ms: 2, requests: 1, errors: 0, ratioToNoAuth: 1, lookups: null },
        { id: 'session', path: '/s', expectedStatus: 200, requestsPerSecond: 960, p50Ms: 1, p99Ms: 2, requests: 1, errors: 0, ratioToNoAuth: 0.96, lookups: 1 },
        { id: 'jwt', path: '/j', expectedStatus: 200, requestsPerSecond: 800, p50Ms: 1, p99Ms: 2, requests: 1, errors: 0, ratioToNoAuth: 0.8, lookups: 0 },
      ],
    },
    matrix: null,
    workshop: null,
    goals: [],
  };
}

describe('bench results', () => {
  it('the committed file exists and matches the schema the page reads', () => {
    expect(fs.existsSync(path.join(process.cwd(), COMMITTED_RESULTS_PATH))).toBe(true);
    const loaded = loadCommittedBenchResults();
    expect(loaded.ok).toBe(true);
  });

  it('a missing or malformed file is a value the page can explain, not a crash', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-bench-test-'));
    expect(loadCommittedBenchResults(dir)).toEqual({ ok: false, reason: 'missing' });
    fs.mkdirSync(path.join(dir, 'lib', 'bench'), { recursive: true });
    fs.writeFileSync(path.join(dir, COMMITTED_RESULTS_PATH), '{ not json');
    expect(loadCommittedBenchResults(dir)).toEqual({ ok: false, reason: 'invalid' });
    fs.writeFileSync(path.join(dir, COMMITTED_RESULTS_PATH), JSON.stringify({ ...sample(), schemaVersion: 2 }));
    expect(loadCommittedBenchResults(dir)).toEqual({ ok: false, reason: 'invalid' });
    fs.writeFileSync(path.join(dir, COMMITTED_RESULTS_PATH), JSON.stringify(sample()));
    expect(loadCommittedBenchResults(dir)).toMatchObject({ ok: true, results: { command: 'npm run bench' } });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('headlines are derived from the figures: a lookup vs a signature check, session vs jwt throughput', () => {
    const results = sample();
    expect(costHeadline(results)).toEqual({ lookupUs: 5, jwtVerifyUs: 150, jwtInLookups: 30, ironUnsealUs: 600 });
    expect(throughputHeadline(results)).toEqual({ noAuthRps: 1000, sessionRps: 960, jwtRps: 800, sessionOverJwt: 1.2 });
    results.http!.routes = results.http!.routes.filter((r) => r.id !== 'jwt');
    expect(throughputHeadline(results)).toBeNull();
    results.micro = null;
    expect(costHeadline(results)).toBeNull();
  });

  it('a goal is met or missed by its own figure, in the direction it names', () => {
    expect(goal('a', 'a', 1.3, 'max', 1.3, 'ratio').met).toBe(true);
    expect(goal('a', 'a', 1.31, 'max', 1.3, 'ratio').met).toBe(false);
    expect(goal('b', 'b', 0.94, 'min', 0.95, 'ratio').met).toBe(false);
    expect(goal('b', 'b', 0.95, 'min', 0.95, 'ratio').met).toBe(true);
    expect(() => benchResultsSchema.parse({ ...sample(), createdAt: 'yesterday' })).toThrow();
  });
});
