// `npm test`: build the production app (lint and unit tests beside it), type-check beside
// the API tests against the built server, then end-to-end tests in Chromium.
// Ends with one line "N passed, N failed" summed over Vitest and Playwright.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const reports = 'reports';
fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });

// Each step is one command, or several that need nothing from each other and run side by side;
// their output is printed whole, one after the other. On two cores the build keeps about one and a
// half busy and the API tests (waiting on their server) less than that, so the one-core jobs fill
// the gaps: lint and the unit tests need no build and run beside it; the type-check needs the
// build's next-env.d.ts and route types, so it runs beside the API tests (which need the built server).
const vitest = (project) => ['npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest-${project}.json`]];
const steps = [
  ['build + lint + unit tests (Vitest)', [['npx', ['next', 'build']], ['npx', ['eslint', '.']], vitest('unit')]],
  ['type-check + API tests (Vitest)', [['npx', ['tsc', '--noEmit']], vitest('api')]],
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

/**
 * CPU seconds (user + system) of every finished child process so far, from /proc (Linux only; null
 * elsewhere): wall time on a shared machine says more about the neighbours than about the suite.
 */
function childCpuSeconds() {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    // After "pid (comm) ", field 16 (cutime) and 17 (cstime) are the 14th and 15th, in clock ticks (100 a second on Linux).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

let failedStep = null;
for (const [name, commands] of steps) {
  console.log(`\n▶ ${name}: ${commands.map(([cmd, args]) => `${cmd} ${args.join(' ')}`).join('  &  ')}`);
  const started = Date.now();
  const cpuBefore = childCpuSeconds() ?? 0;
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
  const cpu = childCpuSeconds();
  console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s${cpu === null ? '' : `, ${(cpu - cpuBefore).toFixed(1)} CPU-s`})`);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}
const vitests = ['unit', 'api'].map((project) => readJson(`${reports}/vitest-${project}.json`));
const playwright = readJson(`${reports}/playwright.json`);
const sum = (key) => vitests.reduce((total, report) => total + (report?.[key] ?? 0), 0);
const passed = sum('numPassedTests') + (playwright?.stats?.expected ?? 0) + (playwright?.stats?.flaky ?? 0);
const failed = sum('numFailedTests') + (playwright?.stats?.unexpected ?? 0);
const skipped = sum('numPendingTests') + sum('numTodoTests') + (playwright?.stats?.skipped ?? 0);
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedStep || failed > 0 ? 1 : 0);
