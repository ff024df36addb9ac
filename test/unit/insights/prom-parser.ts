/**
 * A strict parser for the Prometheus text exposition format (0.0.4), written for the
 * tests: it throws on anything a real scraper would reject or that the format forbids
 * (bad names, bad escapes, a TYPE after samples, interleaved families, duplicate
 * series, histograms whose buckets are not cumulative or lack +Inf, negative counters).
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}
export interface Family {
  name: string;
  type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';
  help?: string;
  samples: Sample[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*/;

function parseValue(s: string, line: number): number {
  if (s === 'NaN') return NaN;
  if (s === '+Inf' || s === 'Inf') return Infinity;
  if (s === '-Inf') return -Infinity;
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(s)) throw new Error(`line ${line}: bad value "${s}"`);
  return Number(s);
}

function parseSample(text: string, line: number): Sample {
  const m = NAME.exec(text);
  if (!m) throw new Error(`line ${line}: bad metric name`);
  const name = m[0];
  let i = name.length;
  const labels: Record<string, string> = {};
  if (text[i] === '{') {
    i++;
    while (text[i] !== '}') {
      const lm = LABEL.exec(text.slice(i));
      if (!lm) throw new Error(`line ${line}: bad label name`);
      const label = lm[0];
      if (label in labels) throw new Error(`line ${line}: label ${label} repeated`);
      i += label.length;
      if (text[i] !== '=' || text[i + 1] !== '"') throw new Error(`line ${line}: expected ="`);
      i += 2;
      let value = '';
      for (;;) {
        const ch = text[i];
        if (ch === undefined) throw new Error(`line ${line}: unterminated label value`);
        if (ch === '"') break;
        if (ch === '\\') {
          const next = text[i + 1];
          if (next === '\\') value += '\\';
          else if (next === '"') value += '"';
          else if (next === 'n') value += '\n';
          else throw new Error(`line ${line}: bad escape \\${next}`);
          i += 2;
          continue;
        }
        if (ch === '\n') throw new Error(`line ${line}: raw newline in label value`);
        value += ch;
        i++;
      }
      i++; // closing quote
      labels[label] = value;
      if (text[i] === ',') i++;
      else if (text[i] !== '}') throw new Error(`line ${line}: expected , or }`);
    }
    i++;
  }
  if (text[i] !== ' ') throw new Error(`line ${line}: expected a space before the value`);
  const parts = text.slice(i + 1).split(' ');
  if (parts.length < 1 || parts.length > 2 || parts.some((p) => p === '')) throw new Error(`line ${line}: expected "value [timestamp]"`);
  if (parts[1] !== undefined && !/^-?\d+$/.test(parts[1])) throw new Error(`line ${line}: bad timestamp`);
  return { name, labels, value: parseValue(parts[0]!, line) };
}

/** HELP text escapes only backslash (\\\\) and newline (\\n). */
function unescapeHelp(s: string, line: number): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = s[++i];
    if (next === '\\') out += '\\';
    else if (next === 'n') out += '\n';
    else throw new Error(`line ${line}: bad escape in HELP`);
  }
  return out;
}

/** The family a sample belongs to: histogram and summary samples carry suffixes. */
function familyOf(sample: string, families: Map<string, Family>): string {
  for (const suffix of ['_bucket', '_sum', '_count']) {
    if (sample.endsWith(suffix)) {
      const base = sample.slice(0, -suffix.length);
      const f = families.get(base);
      if (f && (f.type === 'histogram' || (f.type === 'summary' && suffix !== '_bucket'))) return base;
    }
  }
  return sample;
}

export function parsePrometheusText(text: string): Map<string, Family> {
  if (text.length && !text.endsWith('\n')) throw new Error('the exposition must end with a newline');
  const families = new Map<string, Family>();
  const closed = new Set<string>();
  let current: string | undefined;
  const seen = new Set<string>();
  const open = (name: string) => {
    if (current !== name) {
      if (current) closed.add(current);
      if (closed.has(name)) throw new Error(`family ${name} is not contiguous`);
      current = name;
    }
  };

  text.split('\n').forEach((raw, idx) => {
    const line = idx + 1;
    if (raw === '') return;
    if (raw.startsWith('#')) {
      const m = /^# (HELP|TYPE) ([^ ]+)(?: (.*))?$/.exec(raw);
      if (!m) return; // a plain comment
      const [, kind, name, rest] = m;
      if (!NAME.test(name!) || NAME.exec(name!)![0] !== name) throw new Error(`line ${line}: bad metric name in ${kind}`);
      open(name!);
      let f = families.get(name!);
      if (kind === 'TYPE') {
        if (!['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(rest ?? '')) throw new Error(`line ${line}: bad type ${rest}`);
        if (f && (f.samples.length || f.type !== 'untyped' || (f as { typed?: boolean }).typed)) throw new Error(`line ${line}: TYPE for ${name} after its samples or twice`);
        if (!f) families.set(name!, (f = { name: name!, type: 'untyped', samples: [] }));
        f.type = rest as Family['type'];
        (f as { typed?: boolean }).typed = true;
      } else {
        if (f?.help !== undefined) throw new Error(`line ${line}: HELP for ${name} twice`);
        if (!f) families.set(name!, (f = { name: name!, type: 'untyped', samples: [] }));
        f.help = unescapeHelp(rest ?? '', line);
      }
      return;
    }
    const s = parseSample(raw, line);
    const fam = familyOf(s.name, families);
    open(fam);
    let f = families.get(fam);
    if (!f) families.set(fam, (f = { name: fam, type: 'untyped', samples: [] }));
    const key = s.name + JSON.stringify(Object.entries(s.labels).sort());
    if (seen.has(key)) throw new Error(`line ${line}: duplicate series ${key}`);
    seen.add(key);
    if (f.type === 'counter' && !(s.value >= 0)) throw new Error(`line ${line}: negative counter`);
    if (f.type === 'histogram' && s.name === `${fam}_bucket` && s.labels.le === undefined) throw new Error(`line ${line}: bucket without le`);
    f.samples.push(s);
  });

  for (const f of families.values()) if (f.type === 'histogram') checkHistogram(f);
  return families;
}

function checkHistogram(f: Family): void {
  const groups = new Map<string, { buckets: [number, number][]; sum?: number; count?: number }>();
  for (const s of f.samples) {
    const { le, ...rest } = s.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    const g = groups.get(key) ?? { buckets: [] };
    groups.set(key, g);
    if (s.name === `${f.name}_bucket`) g.buckets.push([parseValue(le!, 0), s.value]);
    else if (s.name === `${f.name}_sum`) g.sum = s.value;
    else if (s.name === `${f.name}_count`) g.count = s.value;
    else throw new Error(`histogram ${f.name} has a stray sample ${s.name}`);
  }
  for (const [key, g] of groups) {
    if (g.sum === undefined || g.count === undefined) throw new Error(`histogram ${f.name}${key} lacks _sum or _count`);
    for (let i = 1; i < g.buckets.length; i++) {
      if (!(g.buckets[i]![0] > g.buckets[i - 1]![0])) throw new Error(`histogram ${f.name}${key}: le not increasing`);
      if (g.buckets[i]![1] < g.buckets[i - 1]![1]) throw new Error(`histogram ${f.name}${key}: buckets not cumulative`);
    }
    const inf = g.buckets.at(-1);
    if (!inf || inf[0] !== Infinity) throw new Error(`histogram ${f.name}${key} lacks the +Inf bucket`);
    if (inf[1] !== g.count) throw new Error(`histogram ${f.name}${key}: +Inf bucket ≠ _count`);
  }
}

/** The value of one series, or undefined. */
export function sampleValue(families: Map<string, Family>, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const f of families.values()) {
    for (const s of f.samples) {
      if (s.name !== name) continue;
      const keys = Object.keys(labels);
      if (keys.length === Object.keys(s.labels).length && keys.every((k) => s.labels[k] === labels[k])) return s.value;
    }
  }
  return undefined;
}
