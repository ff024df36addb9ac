import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildTimeline, TIMELINE_DATA, timelineNotes, type TimelineItem } from '../../../src/domain/families/index.js';
import { pregnancyWeekFromDue, parseIsoDay } from '../../../src/domain/stage/index.js';

const KNOWLEDGE = fileURLToPath(new URL('../../../knowledge/', import.meta.url));

function knowledgeIds(): Set<string> {
  const ids = new Set<string>();
  for (const locale of ['zh-CN', 'en']) {
    for (const f of readdirSync(join(KNOWLEDGE, locale))) {
      if (!f.endsWith('.md')) continue;
      const m = /^id:\s*(\S+)/m.exec(readFileSync(join(KNOWLEDGE, locale, f), 'utf8'));
      if (m) ids.add(m[1]!);
    }
  }
  return ids;
}

const day = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
const brief = (i: TimelineItem) => [i.date, i.type, i.title];

describe('timeline data files', () => {
  const files = readdirSync(join(KNOWLEDGE, 'timeline')).filter((f) => f.endsWith('.json'));

  it('each file is versioned and cites its sources', () => {
    expect(files.sort()).toEqual(['milestones.json', 'pregnancy-weeks.json', 'schedule-cn.json', 'schedule-uk.json', 'schedule-us.json']);
    for (const f of files) {
      const data = JSON.parse(readFileSync(join(KNOWLEDGE, 'timeline', f), 'utf8')) as { version: unknown; sources: { url: string }[] };
      expect(Number.isInteger(data.version), f).toBe(true);
      expect(data.sources.length, f).toBeGreaterThan(0);
      for (const s of data.sources) expect(s.url, f).toMatch(/^https?:\/\//);
    }
  });

  it('links only knowledge documents that exist, in the right locale', () => {
    const ids = knowledgeIds();
    expect(ids.size).toBeGreaterThan(100);
    const linked: { where: string; locale: string; id: string }[] = [];
    const collect = (where: string, docIds: { 'zh-CN': string[]; en: string[] }) => {
      for (const id of docIds['zh-CN']) linked.push({ where, locale: 'zh-CN', id });
      for (const id of docIds.en) linked.push({ where, locale: 'en', id });
    };
    for (const s of Object.values(TIMELINE_DATA.schedules)) for (const i of s!.items) collect(i.id, i.docIds);
    for (const m of TIMELINE_DATA.milestones.items) collect(m.id, m.docIds);
    for (const w of TIMELINE_DATA.pregnancy.weeks) collect(`week ${w.week}`, w.docIds);
    expect(linked.length).toBeGreaterThan(150);
    for (const l of linked) {
      expect(ids.has(l.id), `${l.where} links ${l.id}`).toBe(true);
      expect(l.id.startsWith(l.locale === 'zh-CN' ? 'zh-' : 'en-'), `${l.where} links ${l.id} for ${l.locale}`).toBe(true);
    }
  });

  it('covers every pregnancy week from 4 to 40 in both languages, each linked to reading', () => {
    const weeks = TIMELINE_DATA.pregnancy.weeks;
    expect(weeks.map((w) => w.week)).toEqual(Array.from({ length: 37 }, (_, i) => i + 4));
    for (const w of weeks) {
      for (const locale of ['zh-CN', 'en'] as const) {
        expect(w[locale].baby.length).toBeGreaterThan(5);
        expect(w[locale].you.length).toBeGreaterThan(5);
        expect(w[locale].todo.length).toBeGreaterThan(5);
        expect(w.docIds[locale].length, `week ${w.week} ${locale}`).toBeGreaterThan(0);
      }
    }
  });

  it('milestones are given at the CDC ages', () => {
    expect(TIMELINE_DATA.milestones.items.map((m) => m.age.months)).toEqual([2, 4, 6, 9, 12, 18, 24, 36, 48, 60]);
  });

  it('never states a medicine dose', () => {
    const all = readdirSync(join(KNOWLEDGE, 'timeline'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => readFileSync(join(KNOWLEDGE, 'timeline', f), 'utf8'))
      .join('\n');
    expect(all).not.toMatch(/\d\s*(mg|ml|mcg|µg|iu|毫克|毫升|微克|国际单位|滴)\b/i);
    expect(all).not.toMatch(/\d\s*(毫克|毫升|微克|国际单位)/);
  });
});

describe('buildTimeline', () => {
  it('is sorted by date, inclusive at both ends, and switches locale', () => {
    const fam = { children: [{ id: 'c', birthDate: '2026-01-15' }] };
    const zh = buildTimeline(fam, { from: '2026-03-15', to: '2026-03-15', locale: 'zh-CN', market: 'CN' });
    expect(zh.map(brief)).toEqual([
      ['2026-03-15', 'vaccine', '2月龄疫苗接种：脊灰灭活疫苗、百白破疫苗'],
      ['2026-03-15', 'milestone', '2月龄发育里程碑'],
    ]);
    const en = buildTimeline(fam, { from: '2026-03-15', to: '2026-03-15', locale: 'en', market: 'CN' });
    expect(en.map(brief)).toEqual([
      ['2026-03-15', 'vaccine', 'Vaccines at 2 months: inactivated polio (IPV), diphtheria, tetanus, pertussis (DTaP)'],
      ['2026-03-15', 'milestone', '2-month milestones'],
    ]);
    expect(en[0]!.docIds.every((d) => d.startsWith('en-'))).toBe(true);
    expect(zh[0]!.detail).toBe('脊灰灭活疫苗第1剂；百白破疫苗第1剂。');
    expect(buildTimeline(fam, { from: '2026-03-16', to: '2026-04-14', locale: 'zh-CN', market: 'CN' })).toEqual([]);
  });

  it('counts months on the calendar, clamping to the end of short months', () => {
    const items = buildTimeline({ children: [{ id: 'c', birthDate: '2026-01-31' }] }, { from: '2026-01-31', to: '2026-05-31', locale: 'en', market: 'CN' });
    const vaccines = items.filter((i) => i.type === 'vaccine').map((i) => i.date);
    expect(vaccines).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
  });

  it('follows the UK schedule by weeks, and by birth cohort where the schedule changed', () => {
    const newer = buildTimeline({ children: [{ id: 'n', birthDate: '2025-02-01' }] }, { from: '2025-02-01', to: '2026-01-31', locale: 'en', market: 'UK' });
    expect(newer.filter((i) => i.type === 'vaccine').map(brief)).toEqual([
      ['2025-03-29', 'vaccine', 'Vaccines at 8 weeks: 6-in-1 vaccine, rotavirus vaccine, MenB vaccine'],
      ['2025-04-26', 'vaccine', 'Vaccines at 12 weeks: 6-in-1 vaccine, rotavirus vaccine, MenB vaccine'],
      ['2025-05-24', 'vaccine', 'Vaccines at 16 weeks: 6-in-1 vaccine, pneumococcal vaccine (PCV)'],
    ]);
    const newerLater = buildTimeline({ children: [{ id: 'n', birthDate: '2025-02-01' }] }, { from: '2026-02-01', to: '2028-12-31', locale: 'en', market: 'UK' }).filter((i) => i.type === 'vaccine');
    expect(newerLater.map(brief)).toEqual([
      ['2026-02-01', 'vaccine', 'Vaccines at 1 year: MMRV vaccine, pneumococcal vaccine (PCV), MenB vaccine'],
      ['2026-08-01', 'vaccine', 'Vaccines at 18 months: 6-in-1 vaccine, MMRV vaccine'],
      ['2028-06-01', 'vaccine', 'Vaccines at 3 years 4 months: 4-in-1 pre-school booster'],
    ]);
    // born before July 2024: MMR and Hib/MenC at one year, no 18-month visit, second MMR(V) at 3 years 4 months
    const older = buildTimeline({ children: [{ id: 'o', birthDate: '2024-03-01' }] }, { from: '2025-01-01', to: '2027-12-31', locale: 'en', market: 'UK' }).filter((i) => i.type === 'vaccine');
    expect(older.map(brief)).toEqual([
      ['2025-03-01', 'vaccine', 'Vaccines at 1 year: MMR vaccine, pneumococcal vaccine (PCV), MenB vaccine, Hib/MenC vaccine'],
      ['2027-07-01', 'vaccine', 'Vaccines at 3 years 4 months: 4-in-1 pre-school booster, MMRV vaccine'],
    ]);
    // born July–December 2024: MMR at one year, then the 18-month visit with MMRV
    const between = buildTimeline({ children: [{ id: 'b', birthDate: '2024-09-01' }] }, { from: '2025-09-01', to: '2026-03-31', locale: 'en', market: 'UK' }).filter((i) => i.type === 'vaccine');
    expect(between.map((i) => i.title)).toEqual(['Vaccines at 1 year: MMR vaccine, pneumococcal vaccine (PCV), MenB vaccine', 'Vaccines at 18 months: 6-in-1 vaccine, MMRV vaccine']);
    const checks = buildTimeline({ children: [{ id: 'n', birthDate: '2026-01-01' }] }, { from: '2026-01-01', to: '2026-03-01', locale: 'en', market: 'UK' }).filter((i) => i.type === 'checkup');
    expect(checks.map((i) => [i.date, i.title])).toEqual([
      ['2026-01-02', 'Newborn physical examination (within 72 hours)'],
      ['2026-01-06', 'Newborn blood spot (heel prick) test'],
      ['2026-01-11', 'Health visitor new birth visit'],
      ['2026-02-12', '6 to 8 week check'],
    ]);
  });

  it('lists US doses given at a range of ages with their window', () => {
    const items = buildTimeline({ children: [{ id: 'u', birthDate: '2025-06-01' }] }, { from: '2026-06-01', to: '2026-12-31', locale: 'en', market: 'US' }).filter((i) => i.type === 'vaccine');
    expect(items.map((i) => [i.date, i.title])).toEqual([
      ['2026-06-01', 'Vaccines at 12 months: MMR, chickenpox (varicella), hepatitis A (HepA), Hib, pneumococcal (PCV)'],
      ['2026-09-01', 'Vaccines at 15 months: DTaP'],
      ['2026-12-01', 'Vaccines at 18 months: hepatitis A (HepA)'],
    ]);
    expect(items[0]!.detail).toContain('Hib: booster (12–15 months)');
    expect(items[2]!.detail).toContain('at least 6 months after dose 1');
  });

  it('gives EU families milestones and tips but no national schedule', () => {
    const items = buildTimeline({ pregnancy: { dueDate: '2026-09-25' }, children: [{ id: 'e', birthDate: '2026-01-15' }] }, { from: '2026-01-15', to: '2026-12-31', locale: 'en', market: 'EU' });
    expect(new Set(items.map((i) => i.type))).toEqual(new Set(['milestone', 'tip']));
    expect(timelineNotes('EU', 'zh-CN')[0]).toMatch(/欧盟/);
  });

  it('puts the tip for week N on dueDate − (40 − N) × 7, agreeing with the stage module on every boundary', () => {
    fc.assert(
      fc.property(fc.integer({ min: parseIsoDay('2020-01-01')!, max: parseIsoDay('2035-12-31')! }), fc.integer({ min: 4, max: 40 }), (dueDay, week) => {
        const dueDate = day(dueDay);
        const start = dueDay - (40 - week) * 7;
        const items = buildTimeline({ pregnancy: { dueDate }, children: [] }, { from: day(start - 1), to: day(start + 1), locale: 'en', market: 'CN' });
        expect(items.map((i) => [i.date, i.title])).toEqual([[day(start), `Week ${week} of pregnancy`]]);
        // the day before belongs to the previous week, the day itself and the next to this one
        expect(pregnancyWeekFromDue(dueDay - (start - 1))).toBe(week - 1);
        expect(pregnancyWeekFromDue(dueDay - start)).toBe(week);
        expect(pregnancyWeekFromDue(dueDay - (start + 1))).toBe(week);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the whole pregnancy 37 weekly tips, one week apart', () => {
    const items = buildTimeline({ pregnancy: { dueDate: '2027-03-01' }, children: [] }, { from: '2026-01-01', to: '2027-12-31', locale: 'zh-CN', market: 'CN' });
    expect(items).toHaveLength(37);
    expect(items[0]!.date).toBe('2026-06-22'); // week 4: 36 weeks (252 days) before the due date
    expect(items[36]).toMatchObject({ date: '2027-03-01', title: '孕40周' });
    for (let i = 1; i < items.length; i++) expect(parseIsoDay(items[i]!.date)! - parseIsoDay(items[i - 1]!.date)!).toBe(7);
    expect(items[0]!.sources.map((s) => s.publisher)).toContain('国家卫生健康委员会');
  });

  it('interleaves several children by date and keeps each item on its child', () => {
    const items = buildTimeline(
      { children: [{ id: 'a', birthDate: '2026-01-15' }, { id: 'b', birthDate: '2024-01-15' }] },
      { from: '2026-01-15', to: '2026-01-15', locale: 'en', market: 'CN' },
    );
    expect(items.map((i) => [i.childId, i.type, i.title])).toEqual([
      ['a', 'vaccine', 'Vaccines at birth: hepatitis B (HepB), BCG (tuberculosis)'],
      ['b', 'vaccine', 'Vaccines at 2 years: Japanese encephalitis, live (JE-L)'],
      ['b', 'checkup', '24-month child health check'],
      ['b', 'milestone', '2-year milestones'],
    ]);
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
  });

  it('rejects a malformed range', () => {
    expect(() => buildTimeline({ children: [] }, { from: '2026-02-30', to: '2026-03-01', locale: 'en', market: 'CN' })).toThrow(RangeError);
  });
});
