import type { TestProject } from 'vitest/node';
import { startServer, type RunningServer } from '../support/server';

let server: RunningServer | undefined;

/**
 * One production server for the whole API suite; each test creates its own lab, so tests never share state.
 * It hashes passwords people choose cheaply (the test-only switch, lib/env.ts): no test on it is about what
 * hashing costs. Those that are start servers of their own with the real parameters (review-fixes: the
 * hasher's line; hostile-concurrency: memory under a burst of stretched logins).
 */
export async function setup(project: TestProject) {
  server = await startServer({ env: { UNSAFE_TEST_ONLY_CHEAP_PASSWORD_HASHING: '1' } });
  project.provide('baseUrl', server.baseUrl);
  // Hostile tests read keys from the file (read-only) to forge tokens that are validly signed but wrong in one claim.
  project.provide('dbPath', server.dbPath);
}

export async function teardown() {
  await server?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dbPath: string;
  }
}
