/** Reads the knowledge base from disk (Node only): knowledge/<locale>/<id>.md. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument, documentProblems, DocumentError, type KnowledgeDocument } from './domain/knowledge/document.js';

export const KNOWLEDGE_DIR = fileURLToPath(new URL('../knowledge/', import.meta.url));

export interface LoadedDocument {
  file: string;
  raw: string;
  doc: KnowledgeDocument;
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return walk(p);
      return name.endsWith('.md') && name !== 'README.md' ? [p] : [];
    });
}

/** Parses every document; throws one error listing every problem in every file. */
export function loadKnowledge(dir = KNOWLEDGE_DIR): LoadedDocument[] {
  const out: LoadedDocument[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const file of walk(dir)) {
    const raw = readFileSync(file, 'utf8');
    const rel = relative(join(dir, '..'), file);
    try {
      const doc = parseDocument(rel, raw);
      const p = documentProblems('/' + rel, doc);
      if (seen.has(doc.meta.id)) p.push(`duplicate id ${doc.meta.id} (also ${seen.get(doc.meta.id)})`);
      seen.set(doc.meta.id, rel);
      if (p.length) problems.push(`${rel}: ${p.join('; ')}`);
      else out.push({ file: rel, raw, doc });
    } catch (err) {
      if (err instanceof DocumentError) problems.push(err.message);
      else throw err;
    }
  }
  if (problems.length) throw new Error(`knowledge base has ${problems.length} invalid document(s):\n  ${problems.join('\n  ')}`);
  return out;
}
