/**
 * `npm run eval [suite…]`: runs every suite under evals/ (or the named ones), prints a
 * metrics table, writes evals/reports/eval-report.json and exits 1 when any metric
 * misses its committed threshold in evals/thresholds.json.
 */
import { readdirSync, existsSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { judge, formatTable, type EvalSuite, type MetricRow, type Thresholds } from './harness.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const thresholds = JSON.parse(readFileSync(join(root, 'thresholds.json'), 'utf8')) as Thresholds;

const suites = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'suite.ts')))
  .map((d) => d.name)
  .filter((n) => only.length === 0 || only.includes(n))
  .sort();

const rows: MetricRow[] = [];
const report: Record<string, unknown> = {};
let failed = false;
for (const name of suites) {
  const mod = (await import(pathToFileURL(join(root, name, 'suite.ts')).href)) as { default: EvalSuite };
  const t0 = performance.now();
  try {
    const res = await mod.default.run();
    const r = judge(name, res.metrics, thresholds);
    rows.push(...r);
    report[name] = { metrics: res.metrics, seconds: (performance.now() - t0) / 1000, details: res.details };
    console.log(`\n== ${name} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    console.log(formatTable(r));
    if (res.report) console.log('\n' + res.report);
  } catch (err) {
    failed = true;
    console.error(`\n== ${name}: the suite crashed`, err);
    report[name] = { error: String(err) };
  }
}
for (const name of Object.keys(thresholds)) {
  if ((only.length === 0 || only.includes(name)) && !suites.includes(name)) {
    failed = true;
    console.error(`\n== ${name}: has thresholds but no suite (evals/${name}/suite.ts)`);
  }
}
const bad = rows.filter((r) => !r.ok);
mkdirSync(join(root, 'reports'), { recursive: true });
const out = join(root, 'reports', 'eval-report.json');
writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), rows, suites: report }, null, 2));
console.log(`\n${rows.length - bad.length} passed, ${bad.length} failed  (report: ${out})`);
if (bad.length > 0 || failed) process.exit(1);
