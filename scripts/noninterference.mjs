#!/usr/bin/env node
// A larger search for need-to-know leaks than the suite's: `npm run test:ni -- --runs 20 --seed 7`.
// Runs the noninterference property (tests/noninterference) alone, with more generated world pairs
// per viewer, and prints the time it took, for docs/BENCHMARKS.md.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const runs = opt('runs', '20');
const seed = opt('seed', String(Date.now() % 2_147_483_647));
if (!/^\d+$/.test(runs) || !/^\d+$/.test(seed)) {
  console.error('usage: npm run test:ni -- [--runs N] [--seed S]');
  process.exit(2);
}
console.log(`noninterference: ${runs} world pairs per viewer, seed ${seed}`);
const started = Date.now();
const r = spawnSync('npx', ['vitest', 'run', '--project', 'noninterference'], {
  stdio: 'inherit',
  env: { ...process.env, NI_RUNS: runs, NI_SEED: seed },
});
console.log(`noninterference: ${r.status === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s (runs ${runs}, seed ${seed})`);
process.exit(r.status ?? 1);
