import type { Db, Queryable } from '../../db/db.js';
import { Conflict, Forbidden, NotFound, ValidationFailed, type FieldError } from '../errors.js';
import { checkContext } from './checker.js';
import { diffText, type DiffOp } from './diff.js';
import { adLabel, mandatoryContext, NOTICE_TEXT, stripMandatory, type MandatoryElement } from './mandatory.js';
import type { ContentModel } from './model.js';
import { assessText, runPipeline, type GenerationHistory } from './pipeline.js';
import { allNeutralSentences } from './phrases.js';
import { findNearDuplicate, simhash, type NearDuplicate } from './simhash.js';
import {
  BriefSchema,
  normalizeBrief,
  REVIEW_STAGES,
  STAGE_ROLE,
  type Brief,
  type ContentDoc,
  type DraftFinding,
  type DraftStatus,
  type ImplicitAigc,
  type ReviewerRole,
  type ReviewStage,
  type Verdict,
} from './types.js';

export interface ContentDeps {
  db: Db;
  clock: () => Date;
  /** The language model when LLM_* is configured; the offline writer otherwise. */
  llm?: ContentModel;
  onFallback?: (stage: 'generate' | 'revise', err: unknown) => void;
  /** Epoch ms by which generation must finish (see PipelineOptions.deadline). */
  deadline?: number;
}

/** Who is acting: the API key, and the reviewer named in X-Reviewer / X-Reviewer-Role. */
export interface Actor {
  keyId: string;
  reviewer?: { id: string; role: ReviewerRole };
  requestId?: string;
}

const actorName = (a: Actor) => (a.reviewer ? `reviewer:${a.reviewer.id}` : `key:${a.keyId}`);

// ---------------------------------------------------------------- rows and views

interface DraftRow {
  id: string;
  tenant_id: string;
  status: DraftStatus;
  channel: string;
  locale: 'zh-CN' | 'en';
  market: string;
  product_type: string;
  brief: Brief;
  revision: number;
  title: string | null;
  body: string;
  doc: ContentDoc | null;
  verdict: Verdict;
  findings: DraftFinding[];
  mandatory: MandatoryElement[];
  labels: Labels;
  generator: 'llm' | 'offline';
  model: string;
  prompt_version: string | null;
  simhash: string;
  needs_review: 'near_duplicate' | null;
  near_duplicate: NearDuplicate | null;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
}

interface RevisionRow {
  number: number;
  kind: 'generated' | 'edit';
  actor: string;
  title: string | null;
  body: string;
  verdict: Verdict;
  findings: DraftFinding[];
  history: Partial<GenerationHistory> & { diff?: { title?: DiffOp[]; body: DiffOp[] } };
  created_at: Date;
}

interface ReviewRow {
  revision: number;
  stage: ReviewStage;
  decision: 'approve' | 'reject';
  role: ReviewerRole;
  reviewer: string;
  comment: string | null;
  created_at: Date;
}

interface AuditRow {
  revision: number;
  actor: string;
  role: string | null;
  action: 'override' | 'publish';
  reason: string | null;
  details: Record<string, unknown>;
  request_id: string | null;
  at: Date;
}

export interface Labels {
  aigc: { explicit: string; implicit: ImplicitAigc };
  ad?: string;
}

export interface StageState {
  stage: ReviewStage;
  role: ReviewerRole;
  status: 'pending' | 'approved' | 'rejected';
  reviewer?: string;
  comment?: string;
  decidedAt?: string;
}

export interface DraftView {
  id: string;
  status: DraftStatus;
  channel: string;
  locale: 'zh-CN' | 'en';
  market: string;
  productType: string;
  title?: string;
  body: string;
  verdict: Verdict;
  findings: DraftFinding[];
  labels: Labels;
  mandatory: MandatoryElement[];
  structure: ContentDoc | null;
  revision: number;
  revisions: {
    number: number;
    kind: 'generated' | 'edit';
    actor: string;
    createdAt: string;
    title?: string;
    body: string;
    verdict: Verdict;
    findings: DraftFinding[];
    history: RevisionRow['history'];
  }[];
  reviews: { stages: StageState[]; history: { revision: number; stage: ReviewStage; decision: 'approve' | 'reject'; role: ReviewerRole; reviewer: string; comment?: string; at: string }[] };
  override?: { actor: string; reason: string; at: string; ruleIds: string[] };
  audit: { action: string; actor: string; role?: string; reason?: string; revision: number; requestId?: string; at: string }[];
  needsReview?: 'near_duplicate';
  nearDuplicate?: NearDuplicate;
  generator: 'llm' | 'offline';
  model: string;
  promptVersion?: string;
  brief: Brief;
  createdAt: string;
  updatedAt: string;
  publishedAt?: string;
}

const iso = (d: Date | string) => new Date(d).toISOString();

/** The current state of each stage for the draft's current revision (latest decision wins). */
export function stageStates(reviews: ReviewRow[], revision: number): StageState[] {
  return REVIEW_STAGES.map((stage) => {
    const last = reviews.filter((r) => r.revision === revision && r.stage === stage).at(-1);
    const base: StageState = { stage, role: STAGE_ROLE[stage], status: 'pending' };
    if (!last) return base;
    return {
      ...base,
      status: last.decision === 'approve' ? 'approved' : 'rejected',
      reviewer: last.reviewer,
      ...(last.comment ? { comment: last.comment } : {}),
      decidedAt: iso(last.created_at),
    };
  });
}

function currentOverride(audit: AuditRow[], revision: number): AuditRow | undefined {
  return audit.filter((a) => a.action === 'override' && a.revision === revision).at(-1);
}

function toView(row: DraftRow, revisions: RevisionRow[], reviews: ReviewRow[], audit: AuditRow[]): DraftView {
  const ov = currentOverride(audit, row.revision);
  return {
    id: row.id,
    status: row.status,
    channel: row.channel,
    locale: row.locale,
    market: row.market,
    productType: row.product_type,
    ...(row.title !== null ? { title: row.title } : {}),
    body: row.body,
    verdict: row.verdict,
    findings: row.findings,
    labels: row.labels,
    mandatory: row.mandatory,
    structure: row.doc,
    revision: row.revision,
    revisions: revisions.map((r) => ({
      number: r.number,
      kind: r.kind,
      actor: r.actor,
      createdAt: iso(r.created_at),
      ...(r.title !== null ? { title: r.title } : {}),
      body: r.body,
      verdict: r.verdict,
      findings: r.findings,
      history: r.history,
    })),
    reviews: {
      stages: stageStates(reviews, row.revision),
      history: reviews.map((r) => ({
        revision: r.revision,
        stage: r.stage,
        decision: r.decision,
        role: r.role,
        reviewer: r.reviewer,
        ...(r.comment ? { comment: r.comment } : {}),
        at: iso(r.created_at),
      })),
    },
    ...(ov ? { override: { actor: ov.actor, reason: ov.reason ?? '', at: iso(ov.at), ruleIds: (ov.details.ruleIds as string[] | undefined) ?? [] } } : {}),
    audit: audit.map((a) => ({
      action: a.action,
      actor: a.actor,
      ...(a.role ? { role: a.role } : {}),
      ...(a.reason ? { reason: a.reason } : {}),
      revision: a.revision,
      ...(a.request_id ? { requestId: a.request_id } : {}),
      at: iso(a.at),
    })),
    ...(row.needs_review ? { needsReview: row.needs_review } : {}),
    ...(row.near_duplicate ? { nearDuplicate: row.near_duplicate } : {}),
    generator: row.generator,
    model: row.model,
    ...(row.prompt_version ? { promptVersion: row.prompt_version } : {}),
    brief: row.brief,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    ...(row.published_at ? { publishedAt: iso(row.published_at) } : {}),
  };
}

async function loadRow(q: Queryable, tenantId: string, id: string, lock = false): Promise<DraftRow> {
  const res = await q.query<DraftRow>(`SELECT * FROM content_drafts WHERE id = $1 AND tenant_id = $2${lock ? ' FOR UPDATE' : ''}`, [id, tenantId]);
  if (!res.rows[0]) throw new NotFound('Draft');
  return res.rows[0];
}

async function loadView(q: Queryable, row: DraftRow): Promise<DraftView> {
  // one after the other: inside a transaction they share a single connection
  const revs = await q.query<RevisionRow>('SELECT * FROM content_revisions WHERE draft_id = $1 ORDER BY number', [row.id]);
  const reviews = await q.query<ReviewRow>('SELECT * FROM content_reviews WHERE draft_id = $1 ORDER BY id', [row.id]);
  const audit = await q.query<AuditRow>('SELECT * FROM content_audit WHERE draft_id = $1 ORDER BY id', [row.id]);
  return toView(row, revs.rows, reviews.rows, audit.rows);
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getDraft(db: Queryable, tenantId: string, id: string): Promise<DraftView> {
  if (!UUID_RE.test(id)) throw new NotFound('Draft');
  return loadView(db, await loadRow(db, tenantId, id));
}

export interface DraftSummary {
  id: string;
  status: DraftStatus;
  channel: string;
  locale: string;
  market: string;
  productType: string;
  title?: string;
  verdict: Verdict;
  needsReview?: 'near_duplicate';
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export async function listDrafts(db: Queryable, tenantId: string, f: { status?: DraftStatus; limit?: number }): Promise<DraftSummary[]> {
  const res = await db.query<DraftRow>(
    `SELECT * FROM content_drafts WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2)
     ORDER BY created_at DESC, id LIMIT $3`,
    [tenantId, f.status ?? null, Math.min(Math.max(f.limit ?? 50, 1), 200)],
  );
  return res.rows.map((r) => ({
    id: r.id,
    status: r.status,
    channel: r.channel,
    locale: r.locale,
    market: r.market,
    productType: r.product_type,
    ...(r.title !== null ? { title: r.title } : {}),
    verdict: r.verdict,
    ...(r.needs_review ? { needsReview: r.needs_review } : {}),
    revision: r.revision,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  }));
}

// ---------------------------------------------------------------- creating

const NEUTRAL = allNeutralSentences();

/**
 * The wording two drafts are compared on: without the mandatory labels and notices and
 * without the offline writer's neutral guidance, which every draft of a product family
 * shares by design. What is left is what the brief (or the writer) made of it.
 */
export function similarityText(title: string | undefined | null, body: string): string {
  let t = stripMandatory(`${title ?? ''}\n${body}`);
  for (const s of NEUTRAL) if (t.includes(s)) t = t.split(s).join('');
  return t;
}

async function nearDuplicateOf(q: Queryable, tenantId: string, selfId: string, text: string, hash: string, before: Date): Promise<NearDuplicate | undefined> {
  // The tenant's recent drafts, newest first; the fingerprint filter is cheap, the
  // shingle comparison only runs for the few that pass it.
  const res = await q.query<{ id: string; simhash: string; title: string | null; body: string }>(
    `SELECT id, simhash, title, body FROM content_drafts
     WHERE tenant_id = $1 AND id <> $2 AND created_at <= $3
     ORDER BY created_at DESC LIMIT 2000`,
    [tenantId, selfId, before],
  );
  return findNearDuplicate(
    text,
    hash,
    res.rows.map((r) => ({ id: r.id, simhash: r.simhash, text: similarityText(r.title, r.body) })),
  );
}

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): FieldError[] {
  return issues.map((i) => ({ field: i.path.map(String).join('.') || '(body)', message: i.message }));
}

export function parseBrief(input: unknown): Brief {
  const parsed = BriefSchema.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(`${parsed.error.issues.length} field(s) failed validation.`, fieldErrors(parsed.error.issues));
  return normalizeBrief(parsed.data);
}

/**
 * Writes a draft from a brief: generate (model or offline) → check → revise (≤ 3 rounds)
 * → mandatory elements → final check → near-duplicate check → save with the whole
 * history. Nothing is written when the brief is invalid.
 */
export async function createDraft(deps: ContentDeps, tenantId: string, input: unknown, actor?: Actor): Promise<DraftView> {
  const brief = parseBrief(input);
  const id = crypto.randomUUID();
  const result = await runPipeline(brief, {
    ...(deps.llm ? { llm: deps.llm } : {}),
    ...(deps.onFallback ? { onFallback: deps.onFallback } : {}),
    ...(deps.deadline !== undefined ? { deadline: deps.deadline, now: () => deps.clock().getTime() } : {}),
  });
  const now = deps.clock();
  const labels: Labels = {
    aigc: {
      explicit: NOTICE_TEXT.aigc_label[brief.locale],
      implicit: { contentAttribute: 'AIGC', provider: 'Nestwise', contentId: id, model: result.model, generatedAt: now.toISOString() },
    },
    ...(brief.commercial ? { ad: adLabel(brief.market, brief.channel, brief.locale) } : {}),
  };
  const simText = similarityText(result.title, result.body);
  const hash = simhash(simText);
  return deps.db.tx(async (q) => {
    const dup = await nearDuplicateOf(q, tenantId, id, simText, hash, now);
    await q.query(
      `INSERT INTO content_drafts (id, tenant_id, status, channel, locale, market, product_type, brief, revision, title, body, doc,
         verdict, findings, mandatory, labels, generator, model, prompt_version, simhash, needs_review, near_duplicate, created_at, updated_at)
       VALUES ($1, $2, 'draft', $3, $4, $5, $6, $7, 1, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $21)`,
      [
        id,
        tenantId,
        brief.channel,
        brief.locale,
        brief.market,
        brief.productType,
        JSON.stringify(brief),
        result.title ?? null,
        result.body,
        JSON.stringify(result.doc),
        result.verdict,
        JSON.stringify(result.findings),
        JSON.stringify(result.mandatory),
        JSON.stringify(labels),
        result.generator,
        result.model,
        result.promptVersion ?? null,
        hash,
        dup ? 'near_duplicate' : null,
        dup ? JSON.stringify(dup) : null,
        now,
      ],
    );
    await q.query(
      `INSERT INTO content_revisions (tenant_id, draft_id, number, kind, actor, title, body, verdict, findings, history, created_at)
       VALUES ($1, $2, 1, 'generated', $3, $4, $5, $6, $7, $8, $9)`,
      [tenantId, id, actor ? actorName(actor) : 'system', result.title ?? null, result.body, result.verdict, JSON.stringify(result.findings), JSON.stringify(result.history), now],
    );
    return loadView(q, await loadRow(q, tenantId, id));
  });
}

// ---------------------------------------------------------------- editing

function assertOpen(row: DraftRow) {
  if (row.status === 'published') throw new Conflict('This draft is published; create a new draft to change it.', 'already_published');
}

/**
 * A hand edit: re-checks the text, stores it as a new revision with its diff, and starts
 * the reviews again (decisions and overrides belong to the revision they were made on).
 */
export async function editDraft(deps: ContentDeps, tenantId: string, id: string, edit: { title?: string; body: string }, actor: Actor): Promise<DraftView> {
  if (!UUID_RE.test(id)) throw new NotFound('Draft');
  if (typeof edit.body !== 'string' || edit.body.trim() === '') throw new ValidationFailed('The body must not be empty.', [{ field: 'body', message: 'must not be empty' }]);
  return deps.db.tx(async (q) => {
    const row = await loadRow(q, tenantId, id, true);
    assertOpen(row);
    const brief = row.brief;
    const title = edit.title !== undefined ? edit.title : (row.title ?? undefined);
    const body = edit.body;
    const a = assessText(title, body, { ...checkContext(brief), ...mandatoryContext(brief) });
    const now = deps.clock();
    const number = row.revision + 1;
    const diff = {
      ...((row.title ?? '') !== (title ?? '') ? { title: diffText(row.title ?? '', title ?? '') } : {}),
      body: diffText(row.body, body),
    };
    const simText = similarityText(title, body);
    const hash = simhash(simText);
    const dup = await nearDuplicateOf(q, tenantId, id, simText, hash, row.created_at);
    await q.query(
      `UPDATE content_drafts SET revision = $3, title = $4, body = $5, doc = NULL, verdict = $6, findings = $7, mandatory = $8,
         simhash = $9, needs_review = $10, near_duplicate = $11, status = 'draft', updated_at = $12
       WHERE id = $1 AND tenant_id = $2`,
      [id, tenantId, number, title ?? null, body, a.verdict, JSON.stringify(a.findings), JSON.stringify(a.mandatory), hash, dup ? 'near_duplicate' : null, dup ? JSON.stringify(dup) : null, now],
    );
    await q.query(
      `INSERT INTO content_revisions (tenant_id, draft_id, number, kind, actor, title, body, verdict, findings, history, created_at)
       VALUES ($1, $2, $3, 'edit', $4, $5, $6, $7, $8, $9, $10)`,
      [tenantId, id, number, actorName(actor), title ?? null, body, a.verdict, JSON.stringify(a.findings), JSON.stringify({ diff }), now],
    );
    return loadView(q, await loadRow(q, tenantId, id));
  });
}

// ---------------------------------------------------------------- reviews, override, publish

function statusFrom(stages: StageState[]): DraftStatus {
  if (stages.some((s) => s.status === 'rejected')) return 'rejected';
  if (stages.every((s) => s.status === 'approved')) return 'approved';
  if (stages.some((s) => s.status === 'approved')) return 'in_review';
  return 'draft';
}

function requireReviewer(actor: Actor): { id: string; role: ReviewerRole } {
  if (!actor.reviewer) {
    throw new ValidationFailed('Reviews and overrides need the X-Reviewer and X-Reviewer-Role headers.', [
      { field: 'X-Reviewer', message: 'required' },
      { field: 'X-Reviewer-Role', message: 'required: writer, compliance_reviewer or business_approver' },
    ]);
  }
  return actor.reviewer;
}

/**
 * Records one stage decision. Stages are decided in order (content → compliance →
 * business) and only by their role; a stage may change its mind until a later stage has
 * decided on the same revision. Every decision is kept with who, when and why.
 */
export async function reviewDraft(
  deps: ContentDeps,
  tenantId: string,
  id: string,
  input: { stage: ReviewStage; decision: 'approve' | 'reject'; comment?: string },
  actor: Actor,
): Promise<DraftView> {
  if (!UUID_RE.test(id)) throw new NotFound('Draft');
  const reviewer = requireReviewer(actor);
  return deps.db.tx(async (q) => {
    const row = await loadRow(q, tenantId, id, true);
    assertOpen(row);
    const need = STAGE_ROLE[input.stage];
    if (reviewer.role !== need) {
      throw new Forbidden(`The ${input.stage} stage is decided by the ${need} role, not ${reviewer.role}.`, 'role_mismatch');
    }
    const reviews = (await q.query<ReviewRow>('SELECT * FROM content_reviews WHERE draft_id = $1 ORDER BY id', [id])).rows;
    const stages = stageStates(reviews, row.revision);
    const idx = REVIEW_STAGES.indexOf(input.stage);
    const pendingBefore = stages.slice(0, idx).filter((s) => s.status !== 'approved');
    if (pendingBefore.length) {
      throw new Conflict(`Stages are decided in order: ${pendingBefore.map((s) => s.stage).join(', ')} must be approved before ${input.stage}.`, 'review_out_of_order');
    }
    const decidedAfter = stages.slice(idx + 1).filter((s) => s.status !== 'pending');
    if (decidedAfter.length) {
      throw new Conflict(`The ${decidedAfter.map((s) => s.stage).join(', ')} stage already decided on this revision; edit the draft to start the reviews again.`, 'review_out_of_order');
    }
    const now = deps.clock();
    await q.query(
      `INSERT INTO content_reviews (tenant_id, draft_id, revision, stage, decision, role, reviewer, comment, request_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [tenantId, id, row.revision, input.stage, input.decision, reviewer.role, reviewer.id, input.comment ?? null, actor.requestId ?? null, now],
    );
    const after = stageStates([...reviews, { revision: row.revision, stage: input.stage, decision: input.decision, role: reviewer.role, reviewer: reviewer.id, comment: input.comment ?? null, created_at: now }], row.revision);
    await q.query('UPDATE content_drafts SET status = $3, updated_at = $4 WHERE id = $1 AND tenant_id = $2', [id, tenantId, statusFrom(after), now]);
    return loadView(q, await loadRow(q, tenantId, id));
  });
}

export const MIN_OVERRIDE_REASON = 10;

/** Blocking findings an override may accept: everything but a missing AI-generated label. */
function overridable(findings: DraftFinding[]): DraftFinding[] {
  return findings.filter((f) => f.severity === 'block' && f.category !== 'aigc_label');
}

/**
 * A compliance reviewer accepts the current revision's blocking findings, in writing.
 * The override is an audit entry (who, role, reason, which rules, request id) and lasts
 * until the next edit. It never covers a missing AI-generated label, and it does not
 * replace the three review stages.
 */
export async function overrideDraft(deps: ContentDeps, tenantId: string, id: string, input: { reason: string }, actor: Actor): Promise<DraftView> {
  if (!UUID_RE.test(id)) throw new NotFound('Draft');
  const reason = (input.reason ?? '').trim();
  if (reason.length < MIN_OVERRIDE_REASON) {
    throw new ValidationFailed('An override needs a written reason.', [{ field: 'reason', message: `must be at least ${MIN_OVERRIDE_REASON} characters` }]);
  }
  const reviewer = requireReviewer(actor);
  if (reviewer.role !== 'compliance_reviewer') throw new Forbidden('Only the compliance_reviewer role may override blocking findings.', 'role_mismatch');
  return deps.db.tx(async (q) => {
    const row = await loadRow(q, tenantId, id, true);
    assertOpen(row);
    const blocking = overridable(row.findings);
    if (!blocking.length) throw new Conflict('This revision has no blocking findings to override.', 'nothing_to_override');
    const now = deps.clock();
    await q.query(
      `INSERT INTO content_audit (tenant_id, draft_id, revision, actor, role, action, reason, details, request_id, at)
       VALUES ($1, $2, $3, $4, $5, 'override', $6, $7, $8, $9)`,
      [
        tenantId,
        id,
        row.revision,
        actorName(actor),
        reviewer.role,
        reason,
        JSON.stringify({ ruleIds: [...new Set(blocking.map((f) => f.ruleId))], findings: blocking.length, keyId: actor.keyId }),
        actor.requestId ?? null,
        now,
      ],
    );
    await q.query('UPDATE content_drafts SET updated_at = $3 WHERE id = $1 AND tenant_id = $2', [id, tenantId, now]);
    return loadView(q, await loadRow(q, tenantId, id));
  });
}

export interface PublishReason {
  code: 'blocking_findings' | 'stage_not_approved' | 'aigc_label_missing';
  message: string;
  stage?: ReviewStage;
  ruleIds?: string[];
}

export class PublishBlocked extends Conflict {
  constructor(public readonly reasons: PublishReason[]) {
    super(`Publishing is refused: ${reasons.map((r) => r.message).join(' ')}`, 'publish_blocked');
  }
}

/** Why a draft cannot be published now (empty when it can). */
export function publishBlockers(row: { findings: DraftFinding[]; mandatory: MandatoryElement[] }, stages: StageState[], override: boolean): PublishReason[] {
  const reasons: PublishReason[] = [];
  const aigcMissing = row.findings.some((f) => f.category === 'aigc_label' && f.severity !== 'advisory') || row.mandatory.some((m) => m.id === 'aigc_label' && !m.present);
  if (aigcMissing) reasons.push({ code: 'aigc_label_missing', message: 'The explicit AI-generated label is missing.' });
  const blocking = overridable(row.findings);
  if (blocking.length && !override) {
    reasons.push({
      code: 'blocking_findings',
      message: `${blocking.length} blocking finding(s) remain (${[...new Set(blocking.map((f) => f.ruleId))].join(', ')}).`,
      ruleIds: [...new Set(blocking.map((f) => f.ruleId))],
    });
  }
  for (const s of stages) {
    if (s.status !== 'approved') reasons.push({ code: 'stage_not_approved', stage: s.stage, message: `The ${s.stage} stage is ${s.status}.` });
  }
  return reasons;
}

export async function publishDraft(deps: ContentDeps, tenantId: string, id: string, actor: Actor): Promise<DraftView> {
  if (!UUID_RE.test(id)) throw new NotFound('Draft');
  return deps.db.tx(async (q) => {
    const row = await loadRow(q, tenantId, id, true);
    assertOpen(row);
    const reviews = (await q.query<ReviewRow>('SELECT * FROM content_reviews WHERE draft_id = $1 ORDER BY id', [id])).rows;
    const audit = (await q.query<AuditRow>('SELECT * FROM content_audit WHERE draft_id = $1 ORDER BY id', [id])).rows;
    const ov = currentOverride(audit, row.revision);
    const reasons = publishBlockers(row, stageStates(reviews, row.revision), !!ov);
    if (reasons.length) throw new PublishBlocked(reasons);
    const now = deps.clock();
    await q.query("UPDATE content_drafts SET status = 'published', published_at = $3, updated_at = $3 WHERE id = $1 AND tenant_id = $2", [id, tenantId, now]);
    await q.query(
      `INSERT INTO content_audit (tenant_id, draft_id, revision, actor, role, action, reason, details, request_id, at)
       VALUES ($1, $2, $3, $4, $5, 'publish', NULL, $6, $7, $8)`,
      [tenantId, id, row.revision, actorName(actor), actor.reviewer?.role ?? null, JSON.stringify({ overridden: !!ov, keyId: actor.keyId }), actor.requestId ?? null, now],
    );
    return loadView(q, await loadRow(q, tenantId, id));
  });
}
