/**
 * Family profiles: the least data that lets the service time reminders and tailor
 * answers — a due date, children's birth dates, optional sex and food allergies, and a
 * nickname only when the parent chooses to give one. Nothing is stored without the
 * parent's consent to this purpose. Every table carries tenant_id and subject_id, so a
 * data-subject export or erasure finds every row of one person.
 */
import type { Db, Queryable } from '../../db/db.js';
import { NotFound, Unprocessable, ValidationFailed, type FieldError } from '../errors.js';
import { pregnancyWeekFromDue, stageForPregnancyWeek, stageFromProfile, type Stage } from '../stage/index.js';
import type { Locale } from './data.js';
import { addDays, daysBetween, isIsoDay, marketToday, MARKETS, type Market } from './dates.js';
import { normaliseAllergies } from './allergies.js';
import { TIMELINE_TYPES, type TimelineType } from './timeline.js';

export const CONSENT_PURPOSE = 'profile_and_reminders';
export const MAX_CHILDREN = 10;
export const MAX_ALLERGIES = 10;
export const MAX_ALLERGY_LENGTH = 40;
export const MAX_NICKNAME_LENGTH = 40;
/** Children older than this are outside what the service advises on. */
export const MAX_CHILD_AGE_YEARS = 18;
/** A pregnancy may run to 42 weeks: a due date up to two weeks past is still a pregnancy. */
export const MAX_DAYS_PAST_DUE = 14;
/** A due date more than 40 weeks away cannot belong to a pregnancy that exists yet. */
export const MAX_DAYS_UNTIL_DUE = 280;

export type Sex = 'female' | 'male';
export type ReminderType = TimelineType;
export const REMINDER_TYPES = TIMELINE_TYPES;

export interface ChildInput {
  birthDate: string;
  sex?: Sex;
  allergies?: string[];
  nickname?: string;
}

export interface ChildUpdate {
  id: string;
  birthDate?: string;
  sex?: Sex | null;
  allergies?: string[];
  nickname?: string | null;
}

export interface OptOut {
  all: boolean;
  types: ReminderType[];
}

export interface CreateFamilyInput {
  subjectId: string;
  locale?: Locale;
  market?: Market;
  consent?: { purpose?: string; version?: string; granted?: boolean };
  pregnancy?: { dueDate: string } | null;
  children?: ChildInput[];
  optOut?: Partial<OptOut>;
}

export interface UpdateFamilyInput {
  locale?: Locale;
  market?: Market;
  /** null removes the pregnancy (for example once the baby is added as a child). */
  pregnancy?: { dueDate: string } | null;
  children?: { add?: ChildInput[]; update?: ChildUpdate[]; remove?: string[] };
  optOut?: Partial<OptOut>;
}

export interface Child {
  id: string;
  birthDate: string;
  sex: Sex | null;
  allergies: string[];
  nickname: string | null;
}

export interface Family {
  id: string;
  tenantId: string;
  subjectId: string;
  locale: Locale;
  market: Market;
  pregnancy: { dueDate: string } | null;
  children: Child[];
  optOut: OptOut;
  consent: { purpose: string; version: string; grantedAt: string };
  createdAt: string;
  updatedAt: string;
}

interface FamilyRow {
  id: string;
  tenant_id: string;
  subject_id: string;
  locale: Locale;
  market: Market;
  due_date: string | null;
  opt_out_all: boolean;
  opt_out_types: ReminderType[];
  consent_purpose: string;
  consent_version: string;
  consent_granted_at: Date;
  created_at: Date;
  updated_at: Date;
}

interface ChildRow {
  id: string;
  family_id: string;
  birth_date: string;
  sex: Sex | null;
  allergies: string[];
  nickname: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FAMILY_COLUMNS = `id, tenant_id, subject_id, locale, market, due_date::text AS due_date, opt_out_all, opt_out_types,
  consent_purpose, consent_version, consent_granted_at, created_at, updated_at`;
const CHILD_COLUMNS = 'id, family_id, birth_date::text AS birth_date, sex, allergies, nickname';
const iso = (d: Date) => new Date(d).toISOString();

function toFamily(r: FamilyRow, children: ChildRow[]): Family {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    subjectId: r.subject_id,
    locale: r.locale,
    market: r.market,
    pregnancy: r.due_date ? { dueDate: r.due_date } : null,
    children: children.map((c) => ({ id: c.id, birthDate: c.birth_date, sex: c.sex, allergies: c.allergies ?? [], nickname: c.nickname })),
    optOut: { all: r.opt_out_all, types: r.opt_out_types ?? [] },
    consent: { purpose: r.consent_purpose, version: r.consent_version, grantedAt: iso(r.consent_granted_at) },
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

async function childrenOf(q: Queryable, familyIds: string[]): Promise<ChildRow[]> {
  if (familyIds.length === 0) return [];
  const res = await q.query<ChildRow>(`SELECT ${CHILD_COLUMNS} FROM family_children WHERE family_id = ANY($1::uuid[]) ORDER BY birth_date, created_at, id`, [familyIds]);
  return res.rows;
}

/** Families with their children, for a batch of rows. */
export async function hydrateFamilies(q: Queryable, rows: FamilyRow[]): Promise<Family[]> {
  const kids = await childrenOf(q, rows.map((r) => r.id));
  return rows.map((r) => toFamily(r, kids.filter((k) => k.family_id === r.id)));
}

// ---------------------------------------------------------------- validation

function checkChild(c: { birthDate?: string; sex?: Sex | null; allergies?: string[]; nickname?: string | null }, at: string, today: string, errors: FieldError[], requireBirthDate: boolean): void {
  if (c.birthDate === undefined) {
    if (requireBirthDate) errors.push({ field: `${at}.birthDate`, message: 'required' });
  } else if (!isIsoDay(c.birthDate)) {
    errors.push({ field: `${at}.birthDate`, message: 'must be a real calendar date, YYYY-MM-DD' });
  } else if (c.birthDate > today) {
    errors.push({ field: `${at}.birthDate`, message: 'cannot be in the future (record an expected baby as a pregnancy with a dueDate)' });
  } else if (c.birthDate < addDays(today, -Math.ceil(MAX_CHILD_AGE_YEARS * 365.25))) {
    errors.push({ field: `${at}.birthDate`, message: `must be within the last ${MAX_CHILD_AGE_YEARS} years` });
  }
  if (c.sex !== undefined && c.sex !== null && c.sex !== 'female' && c.sex !== 'male') errors.push({ field: `${at}.sex`, message: 'must be female or male' });
  if (c.allergies !== undefined) {
    if (!Array.isArray(c.allergies)) errors.push({ field: `${at}.allergies`, message: 'must be a list' });
    else {
      if (c.allergies.length > MAX_ALLERGIES) errors.push({ field: `${at}.allergies`, message: `at most ${MAX_ALLERGIES} allergies` });
      c.allergies.forEach((a, i) => {
        if (typeof a !== 'string' || a.trim().length === 0 || a.trim().length > MAX_ALLERGY_LENGTH) {
          errors.push({ field: `${at}.allergies.${i}`, message: `must be 1–${MAX_ALLERGY_LENGTH} characters` });
        }
      });
    }
  }
  if (c.nickname !== undefined && c.nickname !== null) {
    if (typeof c.nickname !== 'string' || c.nickname.trim().length === 0 || c.nickname.trim().length > MAX_NICKNAME_LENGTH) {
      errors.push({ field: `${at}.nickname`, message: `must be 1–${MAX_NICKNAME_LENGTH} characters` });
    }
  }
}

function checkPregnancy(p: { dueDate: string } | null | undefined, today: string, errors: FieldError[]): void {
  if (!p) return;
  if (!isIsoDay(p.dueDate)) {
    errors.push({ field: 'pregnancy.dueDate', message: 'must be a real calendar date, YYYY-MM-DD' });
    return;
  }
  const until = daysBetween(today, p.dueDate);
  if (until < -MAX_DAYS_PAST_DUE) errors.push({ field: 'pregnancy.dueDate', message: `is more than ${MAX_DAYS_PAST_DUE} days ago: add the baby as a child with a birthDate` });
  if (until > MAX_DAYS_UNTIL_DUE) errors.push({ field: 'pregnancy.dueDate', message: `is more than ${MAX_DAYS_UNTIL_DUE} days (40 weeks) away` });
}

function checkOptOut(o: Partial<OptOut> | undefined, errors: FieldError[]): void {
  if (!o) return;
  if (o.all !== undefined && typeof o.all !== 'boolean') errors.push({ field: 'optOut.all', message: 'must be true or false' });
  (o.types ?? []).forEach((t, i) => {
    if (!REMINDER_TYPES.includes(t)) errors.push({ field: `optOut.types.${i}`, message: `must be one of ${REMINDER_TYPES.join(', ')}` });
  });
}

function checkLocaleMarket(v: { locale?: string; market?: string }, errors: FieldError[]): void {
  if (v.locale !== undefined && v.locale !== 'zh-CN' && v.locale !== 'en') errors.push({ field: 'locale', message: 'must be zh-CN or en' });
  if (v.market !== undefined && !MARKETS.includes(v.market as Market)) errors.push({ field: 'market', message: `must be one of ${MARKETS.join(', ')}` });
}

function cleanNickname(n: string | null | undefined): string | null {
  return typeof n === 'string' && n.trim() ? n.trim() : null;
}

// ---------------------------------------------------------------- verbs

/**
 * Creates a family profile. Refused with 422 `consent_required` unless the parent
 * granted consent to `profile_and_reminders`; the consent is also recorded in the
 * shared consents table as proof that outlives an erasure.
 */
export async function createFamily(db: Db, tenantId: string, input: CreateFamilyInput, now: Date): Promise<Family> {
  const c = input.consent;
  if (!c || c.granted !== true || c.purpose !== CONSENT_PURPOSE || typeof c.version !== 'string' || c.version.trim() === '') {
    throw new Unprocessable(`A family profile needs the parent's consent: send consent { purpose: "${CONSENT_PURPOSE}", version, granted: true }.`, 'consent_required');
  }
  const market = input.market ?? 'CN';
  const locale = input.locale ?? 'zh-CN';
  const today = marketToday(now, MARKETS.includes(market) ? market : 'CN');
  const errors: FieldError[] = [];
  if (typeof input.subjectId !== 'string' || input.subjectId.trim().length === 0 || input.subjectId.length > 200) errors.push({ field: 'subjectId', message: 'must be 1–200 characters' });
  checkLocaleMarket({ locale, market }, errors);
  checkPregnancy(input.pregnancy, today, errors);
  const children = input.children ?? [];
  if (children.length > MAX_CHILDREN) errors.push({ field: 'children', message: `at most ${MAX_CHILDREN} children` });
  children.forEach((ch, i) => checkChild(ch, `children.${i}`, today, errors, true));
  checkOptOut(input.optOut, errors);
  if (errors.length) throw new ValidationFailed(`${errors.length} field${errors.length === 1 ? '' : 's'} failed validation.`, errors);

  return db.tx(async (q) => {
    const fam = await q.query<{ id: string }>(
      `INSERT INTO families (tenant_id, subject_id, locale, market, due_date, opt_out_all, opt_out_types, consent_purpose, consent_version, consent_granted_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5::date, $6, $7::text[], $8, $9, $10, $10, $10) RETURNING id`,
      [tenantId, input.subjectId, locale, market, input.pregnancy?.dueDate ?? null, input.optOut?.all ?? false, [...new Set(input.optOut?.types ?? [])], CONSENT_PURPOSE, c.version!.trim(), now],
    );
    const familyId = fam.rows[0]!.id;
    for (const ch of children) await insertChild(q, tenantId, familyId, input.subjectId, ch, now);
    await q.query('INSERT INTO consents (tenant_id, subject_id, purpose, version, granted_at) VALUES ($1, $2, $3, $4, $5)', [tenantId, input.subjectId, CONSENT_PURPOSE, c.version!.trim(), now]);
    return loadFamily(q, tenantId, familyId);
  });
}

async function insertChild(q: Queryable, tenantId: string, familyId: string, subjectId: string, ch: ChildInput, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO family_children (tenant_id, family_id, subject_id, birth_date, sex, allergies, nickname, created_at)
     VALUES ($1, $2, $3, $4::date, $5, $6::text[], $7, $8)`,
    [tenantId, familyId, subjectId, ch.birthDate, ch.sex ?? null, normaliseAllergies(ch.allergies ?? []), cleanNickname(ch.nickname), now],
  );
}

async function loadFamily(q: Queryable, tenantId: string, id: string, lock = false): Promise<Family> {
  if (!UUID.test(id)) throw new NotFound('Family');
  const res = await q.query<FamilyRow>(`SELECT ${FAMILY_COLUMNS} FROM families WHERE tenant_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`, [tenantId, id]);
  const row = res.rows[0];
  if (!row) throw new NotFound('Family');
  return toFamily(row, await childrenOf(q, [row.id]));
}

/** One family of the tenant; another tenant's id is simply not found. */
export async function getFamily(q: Queryable, tenantId: string, id: string): Promise<Family> {
  return loadFamily(q, tenantId, id);
}

/**
 * Applies a partial update atomically: every change is validated before anything is
 * written, and the family row is locked so two concurrent edits cannot interleave.
 */
export async function updateFamily(db: Db, tenantId: string, id: string, patch: UpdateFamilyInput, now: Date): Promise<Family> {
  return db.tx(async (q) => {
    const fam = await loadFamily(q, tenantId, id, true);
    const market = patch.market ?? fam.market;
    const today = marketToday(now, MARKETS.includes(market) ? market : 'CN');
    const errors: FieldError[] = [];
    checkLocaleMarket(patch, errors);
    if (patch.pregnancy) checkPregnancy(patch.pregnancy, today, errors);
    checkOptOut(patch.optOut, errors);

    const known = new Set(fam.children.map((c) => c.id));
    const add = patch.children?.add ?? [];
    const update = patch.children?.update ?? [];
    const remove = patch.children?.remove ?? [];
    remove.forEach((cid, i) => {
      if (!known.has(cid)) errors.push({ field: `children.remove.${i}`, message: 'no such child in this family' });
    });
    const removed = new Set(remove);
    const updated = new Set<string>();
    update.forEach((u, i) => {
      if (!known.has(u.id)) errors.push({ field: `children.update.${i}.id`, message: 'no such child in this family' });
      else if (removed.has(u.id)) errors.push({ field: `children.update.${i}.id`, message: 'cannot update a child removed in the same request' });
      else if (updated.has(u.id)) errors.push({ field: `children.update.${i}.id`, message: 'listed twice' });
      updated.add(u.id);
      checkChild(u, `children.update.${i}`, today, errors, false);
    });
    add.forEach((ch, i) => checkChild(ch, `children.add.${i}`, today, errors, true));
    const count = fam.children.length - removed.size + add.length;
    if (count > MAX_CHILDREN) errors.push({ field: 'children', message: `at most ${MAX_CHILDREN} children` });
    if (errors.length) throw new ValidationFailed(`${errors.length} field${errors.length === 1 ? '' : 's'} failed validation.`, errors);

    const optOut: OptOut = {
      all: patch.optOut?.all ?? fam.optOut.all,
      types: patch.optOut?.types !== undefined ? [...new Set(patch.optOut.types)] : fam.optOut.types,
    };
    const dueDate = patch.pregnancy === undefined ? (fam.pregnancy?.dueDate ?? null) : (patch.pregnancy?.dueDate ?? null);
    await q.query(
      `UPDATE families SET locale = $3, market = $4, due_date = $5::date, opt_out_all = $6, opt_out_types = $7::text[], updated_at = $8
        WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, patch.locale ?? fam.locale, market, dueDate, optOut.all, optOut.types, now],
    );
    if (remove.length) await q.query('DELETE FROM family_children WHERE family_id = $1 AND id = ANY($2::uuid[])', [id, remove]);
    for (const u of update) {
      const cur = fam.children.find((c) => c.id === u.id)!;
      await q.query('UPDATE family_children SET birth_date = $3::date, sex = $4, allergies = $5::text[], nickname = $6 WHERE family_id = $1 AND id = $2', [
        id,
        u.id,
        u.birthDate ?? cur.birthDate,
        u.sex === undefined ? cur.sex : u.sex,
        u.allergies === undefined ? cur.allergies : normaliseAllergies(u.allergies),
        u.nickname === undefined ? cur.nickname : cleanNickname(u.nickname),
      ]);
    }
    for (const ch of add) await insertChild(q, tenantId, id, fam.subjectId, ch, now);
    return loadFamily(q, tenantId, id);
  });
}

/**
 * Every food allergy known for any child of the family (union, first spelling kept),
 * so the advisor can warn when a sibling's food question touches one.
 */
export async function familyAllergies(q: Queryable, tenantId: string, familyId: string): Promise<string[]> {
  if (!UUID.test(familyId)) return [];
  const res = await q.query<{ allergies: string[] }>(
    'SELECT allergies FROM family_children WHERE tenant_id = $1 AND family_id = $2 ORDER BY birth_date, created_at, id',
    [tenantId, familyId],
  );
  return normaliseAllergies(res.rows.flatMap((r) => r.allergies ?? []));
}

// ---------------------------------------------------------------- views

export interface ChildView extends Omit<Child, 'nickname'> {
  nickname?: string;
  stage: Stage | null;
  ageDays: number;
}

export interface FamilyView extends Omit<Family, 'tenantId' | 'children' | 'pregnancy'> {
  /** week is null once the due date is well past: the baby has most likely arrived, stage then reads it as a birth date */
  pregnancy: { dueDate: string; week: number | null; stage: Stage | null } | null;
  children: ChildView[];
}

/** The family as the API shows it, with each child's stage and the pregnancy week for `today`. */
export function familyView(f: Family, today: string): FamilyView {
  const { tenantId: _tenant, ...rest } = f;
  let pregnancy: FamilyView['pregnancy'] = null;
  if (f.pregnancy) {
    const until = daysBetween(today, f.pregnancy.dueDate);
    if (until >= -MAX_DAYS_PAST_DUE) {
      const week = pregnancyWeekFromDue(until);
      pregnancy = { dueDate: f.pregnancy.dueDate, week, stage: stageForPregnancyWeek(week) };
    } else {
      pregnancy = { dueDate: f.pregnancy.dueDate, week: null, stage: stageFromProfile({ dueDate: f.pregnancy.dueDate }, today)?.stage ?? null };
    }
  }
  return {
    ...rest,
    pregnancy,
    children: f.children.map((c) => {
      const { nickname, ...child } = c;
      return {
        ...child,
        // "stored only if given": a child without a nickname has no nickname field at all
        ...(nickname ? { nickname } : {}),
        stage: stageFromProfile({ birthDate: c.birthDate }, today)?.stage ?? null,
        ageDays: daysBetween(c.birthDate, today),
      };
    }),
  };
}

export function familyToday(f: Pick<Family, 'market'>, now: Date): string {
  return marketToday(now, f.market);
}

// ---------------------------------------------------------------- data subjects

export interface SubjectFamilyData {
  families: (Omit<Family, 'tenantId'>)[];
  reminders: { familyId: string; childId: string | null; itemKey: string; type: string; date: string; sentAt: string }[];
}

/** Everything stored about the subject's families, for a data-subject export. */
export async function exportFamilies(q: Queryable, tenantId: string, subjectId: string): Promise<SubjectFamilyData> {
  const rows = await q.query<FamilyRow>(`SELECT ${FAMILY_COLUMNS} FROM families WHERE tenant_id = $1 AND subject_id = $2 ORDER BY created_at, id`, [tenantId, subjectId]);
  const families = (await hydrateFamilies(q, rows.rows)).map(({ tenantId: _t, ...f }) => f);
  const rem = await q.query<{ family_id: string; child_id: string | null; item_key: string; item_type: string; item_date: string; sent_at: Date }>(
    `SELECT family_id, child_id, item_key, item_type, item_date::text AS item_date, sent_at FROM reminders_sent
      WHERE tenant_id = $1 AND subject_id = $2 ORDER BY sent_at, id`,
    [tenantId, subjectId],
  );
  return {
    families,
    reminders: rem.rows.map((r) => ({ familyId: r.family_id, childId: r.child_id, itemKey: r.item_key, type: r.item_type, date: r.item_date, sentAt: iso(r.sent_at) })),
  };
}

/**
 * Erases the subject's families, children and reminder history. The consent record in
 * the shared consents table stays as proof of what was agreed, marked withdrawn.
 * Pass a transaction's `q` to make it part of a wider erasure.
 */
export async function eraseFamilies(q: Queryable, tenantId: string, subjectId: string): Promise<{ families: number; children: number; reminders: number }> {
  const children = await q.query('DELETE FROM family_children WHERE tenant_id = $1 AND subject_id = $2', [tenantId, subjectId]);
  const reminders = await q.query('DELETE FROM reminders_sent WHERE tenant_id = $1 AND subject_id = $2', [tenantId, subjectId]);
  const families = await q.query('DELETE FROM families WHERE tenant_id = $1 AND subject_id = $2', [tenantId, subjectId]);
  await q.query(
    `UPDATE consents SET withdrawn_at = now() WHERE tenant_id = $1 AND subject_id = $2 AND purpose = $3 AND withdrawn_at IS NULL`,
    [tenantId, subjectId, CONSENT_PURPOSE],
  );
  return { families: families.rowCount, children: children.rowCount, reminders: reminders.rowCount };
}

export type { FamilyRow };
