// `npm test`: build the production app, type-check and lint, then unit tests, API
// tests against the built server, and end-to-end tests in Chromium.
import { spawnSync } from 'node:child_process';

const steps = [
  // The build comes first: it writes next-env.d.ts and the route types that tsc reads.
  ['build', 'npx', ['next', 'build']],
  ['type-check', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npx', ['eslint', '.']],
  ['unit + API tests (Vitest)', 'npx', ['vitest', 'run']],
  ['end-to-end tests (Playwright)', 'node', ['scripts/e2e.mjs']],
];

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
for (const [name, cmd, args] of steps) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
