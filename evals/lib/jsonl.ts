import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Reads every `<prefix>*.jsonl` file in a folder; blank lines are skipped, a bad line fails loudly. */
export function readJsonl<T>(dir: string, prefix: string): T[] {
  const out: T[] = [];
  for (const f of readdirSync(dir).filter((n) => n.startsWith(prefix) && n.endsWith('.jsonl')).sort()) {
    readFileSync(join(dir, f), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        try {
          out.push(JSON.parse(line) as T);
        } catch {
          throw new Error(`${f}:${i + 1}: not valid JSON`);
        }
      });
  }
  return out;
}
