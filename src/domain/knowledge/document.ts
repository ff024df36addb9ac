import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { LOCALES, STAGE_IDS, TOPIC_IDS } from './taxonomy.js';

const isoDate = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.date().transform((d) => d.toISOString().slice(0, 10))]);

export const FrontMatterSchema = z
  .object({
    id: z.string().regex(/^(zh|en)-[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase words joined by hyphens, prefixed zh- or en-'),
    title: z.string().min(2).max(120),
    locale: z.enum(LOCALES),
    stages: z.array(z.enum(STAGE_IDS)),
    topics: z.array(z.enum(TOPIC_IDS)).min(1).max(4),
    sources: z
      .array(
        z.object({
          publisher: z.string().min(2),
          title: z.string().min(2),
          url: z.string().url(),
          year: z.number().int().min(1990).max(2030),
        }),
      )
      .min(1),
    reviewed: z.union([z.literal('pending'), z.object({ by: z.string().min(2), at: isoDate })]),
    version: z.number().int().min(1),
    updated: isoDate,
  })
  .strict();

export type FrontMatter = z.infer<typeof FrontMatterSchema>;

export interface Section {
  heading: string;
  text: string;
}

export interface KnowledgeDocument {
  meta: FrontMatter;
  /** Markdown body without front matter. */
  body: string;
  /** Text before the first `##` heading (the title line removed). */
  intro: string;
  sections: Section[];
}

export const REQUIRED_SECTIONS: Record<FrontMatter['locale'], string[]> = {
  'zh-CN': ['要点', '怎么做', '常见担心', '什么时候需要就医', '参考来源'],
  en: ['Key points', 'What to do', 'Common worries', 'When to see a clinician', 'Sources'],
};

/** The heading under which a document says when to see a clinician, per locale. */
export const CLINICIAN_SECTION: Record<FrontMatter['locale'], string> = { 'zh-CN': '什么时候需要就医', en: 'When to see a clinician' };
export const KEY_POINTS_SECTION: Record<FrontMatter['locale'], string> = { 'zh-CN': '要点', en: 'Key points' };

export class DocumentError extends Error {
  constructor(
    public readonly file: string,
    public readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
  }
}

/** Splits front matter from the body and the body into `##` sections. */
export function parseDocument(file: string, raw: string): KnowledgeDocument {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(raw);
  if (!m) throw new DocumentError(file, ['missing front matter between --- lines']);
  let data: unknown;
  try {
    data = parseYaml(m[1]!);
  } catch (err) {
    throw new DocumentError(file, [`front matter is not valid YAML: ${(err as Error).message}`]);
  }
  const fm = FrontMatterSchema.safeParse(data);
  if (!fm.success) throw new DocumentError(file, fm.error.issues.map((i) => `${i.path.join('.') || 'front matter'}: ${i.message}`));
  const body = m[2]!.trim();
  const sections: Section[] = [];
  let intro = '';
  let current: Section | undefined;
  for (const line of body.split(/\r?\n/)) {
    const h = /^##\s+(.+?)\s*$/.exec(line);
    if (h && !line.startsWith('###')) {
      current = { heading: h[1]!, text: '' };
      sections.push(current);
    } else if (current) current.text += line + '\n';
    else if (!/^#\s/.test(line)) intro += line + '\n';
  }
  for (const s of sections) s.text = s.text.trim();
  return { meta: fm.data, body, intro: intro.trim(), sections };
}

/** Words for English, Han characters for Chinese: the units the length limits are set in. */
export function bodyLength(doc: KnowledgeDocument): number {
  if (doc.meta.locale === 'zh-CN') return (doc.body.match(/[\u3400-\u9fff]/g) ?? []).length;
  return (doc.body.match(/[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*/g) ?? []).length;
}

export const LENGTH_LIMITS: Record<FrontMatter['locale'], [number, number]> = { 'zh-CN': [500, 2500], en: [300, 1500] };

/**
 * Medicine doses are never given. A weight-based dose is always refused; any other
 * amount in mg / ml / drops is refused unless the sentence is about food or a
 * nutrition supplement (millilitres of milk or water, vitamin D, folic acid, iron…).
 */
const WEIGHT_DOSE = /\d+(?:\.\d+)?\s*(?:mg\s*\/\s*kg|毫克\s*\/\s*(?:千克|公斤)|毫克每(?:千克|公斤))/i;
const AMOUNT = /\d+(?:\.\d+)?\s*(?:mg|ml|毫克|毫升|drops?|滴)(?![a-z])/gi;
const NUTRITION_CONTEXT = /(奶|水|母乳|配方|辅食|汤|粥|果汁|叶酸|维生素|碘|铁|钙|咖啡因|dha|milk|water|formula|feed|juice|folic|vitamin|iodine|iron|calcium|caffeine|coffee|food|puree)/i;

export function findDosePatterns(text: string): string[] {
  const hits: string[] = [];
  for (const line of text.split(/\n/)) {
    const w = WEIGHT_DOSE.exec(line);
    if (w) hits.push(line.slice(Math.max(0, w.index - 20), w.index + w[0].length + 10).trim());
    for (const m of line.matchAll(AMOUNT)) {
      const around = line.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40);
      if (!NUTRITION_CONTEXT.test(around)) hits.push(around.trim());
    }
  }
  return hits;
}

/** Everything a document must satisfy beyond its front matter. Returns the problems found. */
export function documentProblems(file: string, doc: KnowledgeDocument): string[] {
  const problems: string[] = [];
  const expectedName = `${doc.meta.id}.md`;
  if (!file.endsWith(`/${doc.meta.locale}/${expectedName}`) && !file.endsWith(`\\${doc.meta.locale}\\${expectedName}`)) {
    problems.push(`file should be knowledge/${doc.meta.locale}/${expectedName}`);
  }
  if (!doc.meta.id.startsWith(doc.meta.locale === 'zh-CN' ? 'zh-' : 'en-')) problems.push('id prefix does not match locale');
  const headings = doc.sections.map((s) => s.heading);
  for (const h of REQUIRED_SECTIONS[doc.meta.locale]) {
    if (!headings.includes(h)) problems.push(`missing section "## ${h}"`);
  }
  const [min, max] = LENGTH_LIMITS[doc.meta.locale];
  const len = bodyLength(doc);
  if (len < min || len > max) problems.push(`length ${len} outside ${min}–${max} ${doc.meta.locale === 'zh-CN' ? 'characters' : 'words'}`);
  for (const d of findDosePatterns(doc.body)) problems.push(`looks like a medicine dose: "${d}"`);
  return problems;
}
