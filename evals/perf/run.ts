/**
 * `npm run bench [name…] [--quick]`: runs evals/perf/*.bench.ts and prints each figure
 * with its same-run baseline and ratio. Exits 1 when a row reports ok === false.
 */
import { readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Bench, BenchRow } from './bench.js';

const dir = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.filter((a) => !a.startsWith('--'));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.bench\.ts$/, '')))
  .sort();

const all: Record<string, BenchRow[]> = {};
let bad = 0;
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
    if (r.ok === false) bad++;
  }
}
mkdirSync(join(dir, '..', 'reports'), { recursive: true });
writeFileSync(join(dir, '..', 'reports', 'bench-report.json'), JSON.stringify({ at: new Date().toISOString(), quick, benches: all }, null, 2));
console.log(`\n${bad === 0 ? 'all targets met' : `${bad} target(s) missed`}`);
if (bad > 0) process.exit(1);
