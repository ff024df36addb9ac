/**
 * The timeline's content lives in knowledge/timeline/*.json (versioned, with sources),
 * not in code, so clinicians can review and update schedules without touching logic.
 * The files are bundled as JSON modules (no file system: this runs on Workers too) and
 * validated once at load, so a malformed edit fails at start-up rather than mid-request.
 */
import { z } from 'zod';
import cnJson from '../../../knowledge/timeline/schedule-cn.json' with { type: 'json' };
import usJson from '../../../knowledge/timeline/schedule-us.json' with { type: 'json' };
import ukJson from '../../../knowledge/timeline/schedule-uk.json' with { type: 'json' };
import milestonesJson from '../../../knowledge/timeline/milestones.json' with { type: 'json' };
import pregnancyJson from '../../../knowledge/timeline/pregnancy-weeks.json' with { type: 'json' };

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = z.string().min(1).max(600);
const l10n = z.object({ 'zh-CN': text, en: text }).strict();
const docIds = z.object({ 'zh-CN': z.array(z.string().min(1)), en: z.array(z.string().min(1)) }).strict();
const age = z
  .object({ years: z.number().int().min(0).optional(), months: z.number().int().min(0).optional(), weeks: z.number().int().min(0).optional(), days: z.number().int().min(0).optional() })
  .strict();

const SourceSchema = z.object({ id: z.string().min(1), publisher: z.string().min(1), title: z.string().min(1), url: z.string().url(), year: z.number().int() }).strict();
export type TimelineSource = z.infer<typeof SourceSchema>;

const cohort = { bornOnOrAfter: day.optional(), bornBefore: day.optional() };

const DoseSchema = z
  .object({ vaccine: z.string().min(1), dose: z.union([z.number().int().min(1), z.literal('booster')]), window: l10n.optional(), ...cohort })
  .strict();

const ScheduleItemSchema = z
  .object({
    id: z.string().min(1),
    type: z.enum(['vaccine', 'checkup']),
    age,
    label: l10n,
    title: l10n.optional(),
    detail: l10n.optional(),
    doses: z.array(DoseSchema).optional(),
    docIds,
    sources: z.array(z.string()).min(1),
    ...cohort,
  })
  .strict()
  .refine((i) => (i.type === 'vaccine' ? (i.doses?.length ?? 0) > 0 : i.title !== undefined), { message: 'a vaccine item needs doses; a checkup needs a title' });

const fileHead = { version: z.number().int().min(1), updated: day, reviewed: z.string(), sources: z.array(SourceSchema).min(1), notes: l10n };

const ScheduleFileSchema = z
  .object({ ...fileHead, market: z.enum(['CN', 'US', 'UK']), vaccines: z.record(z.string(), l10n), items: z.array(ScheduleItemSchema) })
  .strict();
export type ScheduleFile = z.infer<typeof ScheduleFileSchema>;
export type ScheduleItem = ScheduleFile['items'][number];

const MilestoneFileSchema = z
  .object({
    ...fileHead,
    items: z.array(z.object({ id: z.string().min(1), age, title: l10n, detail: l10n, watch: l10n, docIds, sources: z.array(z.string()).min(1) }).strict()),
  })
  .strict();
export type MilestoneFile = z.infer<typeof MilestoneFileSchema>;

const weekText = z.object({ baby: text, you: text, todo: text }).strict();
const PregnancyFileSchema = z
  .object({
    ...fileHead,
    weeks: z.array(z.object({ week: z.number().int().min(1).max(42), 'zh-CN': weekText, en: weekText, docIds, sources: z.array(z.string()).optional() }).strict()),
  })
  .strict();
export type PregnancyFile = z.infer<typeof PregnancyFileSchema>;

export interface TimelineData {
  schedules: Partial<Record<'CN' | 'US' | 'UK' | 'EU', ScheduleFile>>;
  milestones: MilestoneFile;
  pregnancy: PregnancyFile;
}

/** Every id referenced inside a file must name one of its sources or vaccines. */
function checkReferences(name: string, sources: TimelineSource[], refs: { where: string; ids: string[] }[], problems: string[]) {
  const known = new Set(sources.map((s) => s.id));
  for (const r of refs) for (const id of r.ids) if (!known.has(id)) problems.push(`${name}: ${r.where} cites unknown source "${id}"`);
}

export function parseTimelineData(raw: { cn: unknown; us: unknown; uk: unknown; milestones: unknown; pregnancy: unknown }): TimelineData {
  const problems: string[] = [];
  const parse = <T>(name: string, schema: z.ZodType<T>, v: unknown): T => {
    const r = schema.safeParse(v);
    if (!r.success) throw new Error(`knowledge/timeline/${name} is invalid: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return r.data;
  };
  const cn = parse('schedule-cn.json', ScheduleFileSchema, raw.cn);
  const us = parse('schedule-us.json', ScheduleFileSchema, raw.us);
  const uk = parse('schedule-uk.json', ScheduleFileSchema, raw.uk);
  const milestones = parse('milestones.json', MilestoneFileSchema, raw.milestones);
  const pregnancy = parse('pregnancy-weeks.json', PregnancyFileSchema, raw.pregnancy);

  for (const [name, f] of [['schedule-cn.json', cn], ['schedule-us.json', us], ['schedule-uk.json', uk]] as const) {
    const ids = new Set<string>();
    for (const item of f.items) {
      if (ids.has(item.id)) problems.push(`${name}: duplicate item id ${item.id}`);
      ids.add(item.id);
      for (const d of item.doses ?? []) if (!f.vaccines[d.vaccine]) problems.push(`${name}: ${item.id} names unknown vaccine "${d.vaccine}"`);
    }
    checkReferences(name, f.sources, f.items.map((i) => ({ where: i.id, ids: i.sources })), problems);
  }
  checkReferences('milestones.json', milestones.sources, milestones.items.map((i) => ({ where: i.id, ids: i.sources })), problems);
  checkReferences('pregnancy-weeks.json', pregnancy.sources, pregnancy.weeks.map((w) => ({ where: `week ${w.week}`, ids: w.sources ?? [] })), problems);
  const weeks = pregnancy.weeks.map((w) => w.week);
  if (new Set(weeks).size !== weeks.length) problems.push('pregnancy-weeks.json: a week appears twice');
  if (problems.length) throw new Error(`knowledge/timeline has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);

  // EU member states each run their own schedule: no single one can be listed for "EU".
  return { schedules: { CN: cn, US: us, UK: uk }, milestones, pregnancy };
}

export const TIMELINE_DATA: TimelineData = parseTimelineData({ cn: cnJson, us: usJson, uk: ukJson, milestones: milestonesJson, pregnancy: pregnancyJson });

/** Looks up a file's sources by id, in the order cited. */
export function resolveSources(all: TimelineSource[], ids: string[] | undefined): Omit<TimelineSource, 'id'>[] {
  const list = ids && ids.length ? ids : all.map((s) => s.id);
  return list.flatMap((id) => {
    const s = all.find((x) => x.id === id);
    return s ? [{ publisher: s.publisher, title: s.title, url: s.url, year: s.year }] : [];
  });
}
