/**
 * The family timeline: vaccines, health checks and developmental milestones for each
 * child (from the market's schedule) and a weekly tip for a pregnancy, between two
 * dates, in one locale. Pure: the data and "today" come from the caller.
 */
import { TIMELINE_DATA, resolveSources, type Locale, type ScheduleFile, type ScheduleItem, type TimelineData, type TimelineSource } from './data.js';
import { dateAtAge, pregnancyWeekStart, parseIsoDay, type Market } from './dates.js';

export const TIMELINE_TYPES = ['vaccine', 'checkup', 'milestone', 'tip'] as const;
export type TimelineType = (typeof TIMELINE_TYPES)[number];

export interface TimelineFamily {
  pregnancy?: { dueDate: string } | null;
  children: { id: string; birthDate: string }[];
}

export interface TimelineOptions {
  /** YYYY-MM-DD, inclusive */
  from: string;
  /** YYYY-MM-DD, inclusive */
  to: string;
  locale: Locale;
  market: Market;
  /** Defaults to the bundled knowledge/timeline files. */
  data?: TimelineData;
}

export interface TimelineItem {
  /** Stable per family: "<childId or 'pregnancy'>:<schedule item id>". Reminders dedupe on it. */
  key: string;
  date: string;
  type: TimelineType;
  childId?: string;
  title: string;
  detail?: string;
  sources: Omit<TimelineSource, 'id'>[];
  docIds: string[];
}

/** Same-day items: vaccines and checks (things to book) before milestones and tips. */
const TYPE_ORDER: Record<TimelineType, number> = { vaccine: 0, checkup: 1, milestone: 2, tip: 3 };

const DOSE_WORD: Record<Locale, (d: number | 'booster') => string> = {
  'zh-CN': (d) => (d === 'booster' ? '加强剂' : `第${d}剂`),
  en: (d) => (d === 'booster' ? 'booster' : `dose ${d}`),
};

function bornInCohort(birthDate: string, c: { bornOnOrAfter?: string; bornBefore?: string }): boolean {
  if (c.bornOnOrAfter && birthDate < c.bornOnOrAfter) return false;
  if (c.bornBefore && birthDate >= c.bornBefore) return false;
  return true;
}

function scheduleItem(file: ScheduleFile, item: ScheduleItem, child: { id: string; birthDate: string }, date: string, locale: Locale): TimelineItem | undefined {
  const base = {
    key: `${child.id}:${item.id}`,
    date,
    type: item.type,
    childId: child.id,
    sources: resolveSources(file.sources, item.sources),
    docIds: item.docIds[locale],
  };
  if (item.type === 'checkup') {
    return { ...base, title: item.title![locale], ...(item.detail ? { detail: item.detail[locale] } : {}) };
  }
  // Which doses a child is offered can depend on when they were born (schedule changes
  // apply to birth cohorts), so a visit may shrink or vanish for an older child.
  const doses = (item.doses ?? []).filter((d) => bornInCohort(child.birthDate, d));
  if (doses.length === 0) return undefined;
  const names = doses.map((d) => file.vaccines[d.vaccine]![locale]);
  const uniqueNames = [...new Set(names)];
  const label = item.label[locale];
  const title = locale === 'zh-CN' ? `${label}疫苗接种：${uniqueNames.join('、')}` : `Vaccines at ${label}: ${uniqueNames.join(', ')}`;
  const lines = doses.map((d, i) => {
    const dose = DOSE_WORD[locale](d.dose);
    const window = d.window ? (locale === 'zh-CN' ? `（${d.window[locale]}）` : ` (${d.window[locale]})`) : '';
    return locale === 'zh-CN' ? `${names[i]}${dose}${window}` : `${names[i]}: ${dose}${window}`;
  });
  const list = locale === 'zh-CN' ? `${lines.join('；')}。` : `${lines.join('; ')}.`;
  const extra = item.detail ? ` ${item.detail[locale]}` : '';
  return { ...base, title, detail: list + extra };
}

function inRange(date: string, from: string, to: string): boolean {
  return date >= from && date <= to;
}

/**
 * Items dated from `from` to `to` (inclusive), sorted by date. Each child gets the
 * schedule of `market` (none for EU, whose member states differ) and the milestones;
 * a pregnancy gets one tip on the first day of each week 4–40, week N starting on
 * dueDate − (40 − N) × 7 days.
 */
export function buildTimeline(family: TimelineFamily, opts: TimelineOptions): TimelineItem[] {
  const data = opts.data ?? TIMELINE_DATA;
  const { from, to, locale } = opts;
  if (parseIsoDay(from) === undefined || parseIsoDay(to) === undefined) throw new RangeError('from and to must be YYYY-MM-DD dates');
  const items: TimelineItem[] = [];
  const schedule = data.schedules[opts.market];

  for (const child of family.children) {
    if (parseIsoDay(child.birthDate) === undefined) continue;
    if (schedule) {
      for (const item of schedule.items) {
        if (!bornInCohort(child.birthDate, item)) continue;
        const date = dateAtAge(child.birthDate, item.age);
        if (!inRange(date, from, to)) continue;
        const built = scheduleItem(schedule, item, child, date, locale);
        if (built) items.push(built);
      }
    }
    for (const m of data.milestones.items) {
      const date = dateAtAge(child.birthDate, m.age);
      if (!inRange(date, from, to)) continue;
      items.push({
        key: `${child.id}:${m.id}`,
        date,
        type: 'milestone',
        childId: child.id,
        title: m.title[locale],
        detail: `${m.detail[locale]} ${m.watch[locale]}`,
        sources: resolveSources(data.milestones.sources, m.sources),
        docIds: m.docIds[locale],
      });
    }
  }

  const due = family.pregnancy?.dueDate;
  if (due && parseIsoDay(due) !== undefined) {
    for (const w of data.pregnancy.weeks) {
      const date = pregnancyWeekStart(due, w.week);
      if (!inRange(date, from, to)) continue;
      const t = w[locale];
      items.push({
        key: `pregnancy:week-${w.week}`,
        date,
        type: 'tip',
        title: locale === 'zh-CN' ? `孕${w.week}周` : `Week ${w.week} of pregnancy`,
        detail: locale === 'zh-CN' ? `宝宝：${t.baby} 你：${t.you} 可以做：${t.todo}` : `Baby: ${t.baby} You: ${t.you} To do: ${t.todo}`,
        sources: resolveSources(data.pregnancy.sources, w.sources),
        docIds: w.docIds[locale],
      });
    }
  }

  const childOrder = new Map(family.children.map((c, i) => [c.id, i]));
  return items.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      TYPE_ORDER[a.type] - TYPE_ORDER[b.type] ||
      (a.childId === undefined ? 1e9 : childOrder.get(a.childId)!) - (b.childId === undefined ? 1e9 : childOrder.get(b.childId)!) ||
      a.key.localeCompare(b.key),
  );
}

/** The schedule's own caveats (which edition, what is not listed), for showing beside a timeline. */
export function timelineNotes(market: Market, locale: Locale, data: TimelineData = TIMELINE_DATA): string[] {
  const notes: string[] = [];
  const schedule = data.schedules[market];
  if (schedule) notes.push(schedule.notes[locale]);
  else
    notes.push(
      locale === 'zh-CN'
        ? '欧盟各国的疫苗接种和儿童体检安排不同，这里没有列出；请按所在国家的程序和医生的通知进行。'
        : 'Vaccination and child health check schedules differ between EU countries, so none is listed here: follow your national schedule and your doctor.',
    );
  notes.push(data.milestones.notes[locale]);
  return notes;
}
