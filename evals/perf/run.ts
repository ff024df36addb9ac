/**
 * `npm run bench [name…] [--quick] [--strict]`: runs evals/perf/*.bench.ts and prints each
 * figure with its same-run baseline and ratio. Exits 1 when a correctness row under load
 * misses (errors, lost bookings), or with --strict when any target misses.
 */
import { readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Bench, BenchRow } from './bench.js';

const dir = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const strict = args.includes('--strict');
const only = args.filter((a) => !a.startsWith('--'));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.bench\.ts$/, '')))
  .sort();

const all: Record<string, BenchRow[]> = {};
let bad = 0;
const missed: string[] = [];
for (const f of files) {
  const bench = ((await import(pathToFileURL(join(dir, f)).href)) as { default: Bench }).default;
  console.log(`\n== ${bench.name}${quick ? ' (quick)' : ''}`);
  const rows = await bench.run({ quick });
  all[bench.name] = rows;
  for (const r of rows) {
    const base = r.baseline ? `  baseline ${r.baseline.name}: ${r.baseline.value.toFixed(3)} ${r.unit}` : '';
    const ratio = r.ratio !== undefined ? `  ratio ${r.ratio.toFixed(2)}×` : '';
    const target = r.target ? `  target ${r.target}: ${r.ok === false ? 'MISSED' : 'met'}` : '';
    console.log(`  ${r.metric}: ${r.value.toFixed(3)} ${r.unit}${base}${ratio}${target}`);
    if (r.ok === false && (r.gate || strict)) bad++;
    if (r.ok === false) missed.push(`${bench.name}: ${r.metric}`);
  }
}
mkdirSync(join(dir, '..', 'reports'), { recursive: true });
writeFileSync(join(dir, '..', 'reports', 'bench-report.json'), JSON.stringify({ at: new Date().toISOString(), quick, benches: all }, null, 2));
console.log(missed.length ? `\ntargets missed (${missed.length}):\n  ${missed.join('\n  ')}` : '\nall targets met');
if (bad > 0) console.log(`${bad} of them fail the run (${strict ? '--strict' : 'correctness under load'})`);
if (bad > 0) process.exit(1);
