// `npm test`: build the production app, type-check and lint, then unit tests,
// API tests against the built server, and end-to-end tests in Chromium.
// Ends with one line "N passed, N failed" summed over Vitest and Playwright.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const reports = 'reports';
fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });

// Each step is one command, or several that need nothing from each other and run side by side
// (type-check and lint are one core each); their output is printed whole, one after the other.
const steps = [
  // The build comes first: it writes next-env.d.ts and the route types that tsc reads.
  ['build', [['npx', ['next', 'build']]]],
  ['type-check + lint', [['npx', ['tsc', '--noEmit']], ['npx', ['eslint', '.']]]],
  ['unit + API tests (Vitest)', [['npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest.json`]]]],
  ['end-to-end tests (Playwright)', [['node', ['scripts/e2e.mjs']]]],
];

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PLAYWRIGHT_JSON_OUTPUT: `${reports}/playwright.json` };

/** Runs commands at once, output captured; resolves to each one's exit status and output. */
function runTogether(commands) {
  return Promise.all(
    commands.map(
      ([cmd, args]) =>
        new Promise((resolve) => {
          const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
          let output = '';
          child.stdout.on('data', (d) => (output += d));
          child.stderr.on('data', (d) => (output += d));
          child.on('close', (status) => resolve({ status, output, line: `${cmd} ${args.join(' ')}` }));
        }),
    ),
  );
}

let failedStep = null;
for (const [name, commands] of steps) {
  console.log(`\n▶ ${name}: ${commands.map(([cmd, args]) => `${cmd} ${args.join(' ')}`).join('  &  ')}`);
  const started = Date.now();
  let status;
  if (commands.length === 1) {
    status = spawnSync(commands[0][0], commands[0][1], { stdio: 'inherit', env }).status;
  } else {
    const results = await runTogether(commands);
    for (const r of results) process.stdout.write(r.output ? `— ${r.line}\n${r.output}` : '');
    status = results.find((r) => r.status !== 0)?.status ?? 0;
  }
  if (status !== 0) {
    console.error(`\n✗ ${name} failed (exit ${status}).`);
    failedStep = name;
    break;
  }
  console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}
const vitest = readJson(`${reports}/vitest.json`);
const playwright = readJson(`${reports}/playwright.json`);
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0) + (playwright?.stats?.flaky ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0);
const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (playwright?.stats?.skipped ?? 0);
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedStep || failed > 0 ? 1 : 0);
