import { lengthBand, measure } from './channels.js';
import { aigcFindings, checkContext, runCheck, type CheckContext } from './checker.js';
import { diffText, type DiffOp } from './diff.js';
import { pruneHollowLive, retimeLive } from './live.js';
import { addMandatory, mandatoryContext, mandatoryStatus, type MandatoryContext, type MandatoryElement } from './mandatory.js';
import type { ContentModel } from './model.js';
import { generateOffline, OFFLINE_MODEL, paddingSentences } from './offline.js';
import { checkText, cloneDoc, renderDoc } from './render.js';
import { applyRewrites, firstCut, isRevisable, locate, reviseOffline, rewriteTargets, type Change, type LocatedFinding } from './revise.js';
import type { Block, Brief, ContentDoc, DraftFinding, Finding, MandatoryId, Verdict } from './types.js';

/** Generation is revised at most this many times; the last round is always the deterministic one. */
export const MAX_ROUNDS = 3;

export interface Round {
  round: number;
  reviser: 'llm' | 'offline';
  /** What the checker found before this round's changes. */
  findings: DraftFinding[];
  changes: Change[];
  diff: { title?: DiffOp[]; body: DiffOp[] };
}

export interface GenerationHistory {
  generated: { title?: string; body: string };
  rounds: Round[];
  /** Neutral sentences added (or blocks dropped) to bring the draft back into its length band. */
  fit?: { added: string[]; droppedBlocks: number };
  mandatoryAdded: MandatoryId[];
  fallbacks: { stage: 'generate' | 'revise'; error: string }[];
}

export interface Assessment {
  findings: DraftFinding[];
  verdict: Verdict;
  mandatory: MandatoryElement[];
}

export interface PipelineResult extends Assessment {
  doc: ContentDoc;
  title?: string;
  body: string;
  generator: 'llm' | 'offline';
  model: string;
  promptVersion?: string;
  history: GenerationHistory;
}

export interface PipelineOptions {
  llm?: ContentModel;
  onFallback?: (stage: 'generate' | 'revise', err: unknown) => void;
  /**
   * Epoch ms by which the pipeline must be done (the HTTP request's own timeout). A model
   * call that could run past it is not started: the offline writer or reviser steps in,
   * so the caller gets its draft rather than a timeout with a draft saved behind its back.
   */
  deadline?: number;
  now?: () => number;
}

class OutOfTime extends Error {
  constructor() {
    super('not enough time left in the request for a model call');
    this.name = 'OutOfTime';
  }
}

export function verdictOf(findings: { severity: string }[]): Verdict {
  if (findings.some((f) => f.severity === 'block')) return 'block';
  if (findings.some((f) => f.severity === 'review')) return 'review';
  return 'pass';
}

function errText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 300) : String(err).slice(0, 300);
}

function checkDoc(doc: ContentDoc, brief: Brief, ctx: CheckContext): { located: LocatedFinding[]; text: string } {
  const r = renderDoc(doc, brief.locale);
  const { text, bodyOffset } = checkText(r);
  return { located: locate(runCheck(text, ctx), r, bodyOffset), text };
}

/**
 * A finding inside the product's own name (or brand) cannot be fixed by rewriting: the
 * pipeline would have to rename the product. It is left in place, blocking, for a person
 * to decide (rename, or a compliance override with a reason).
 */
function inProductName(f: { start: number; end: number }, text: string, brief: Brief): boolean {
  for (const name of [brief.product.name, brief.product.brand].filter((n): n is string => !!n)) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      if (f.start >= i && f.end <= i + name.length) return true;
    }
  }
  return false;
}

const MANDATORY_FINDING: Record<MandatoryId, { category: Finding['category']; severity: 'block' | 'review'; legalBasis: string; zh: string; en: string }> = {
  ad_label: {
    category: 'ad_disclosure',
    severity: 'block',
    legalBasis: '广告法 Art. 14; 互联网广告管理办法 (2023) Art. 9; FTC 16 CFR 255; CAP Code 2.1',
    zh: '商业内容缺少广告标识（应放在开头）。',
    en: 'Commercial content without its ad label (it belongs at the start).',
  },
  results_vary: {
    category: 'guarantee',
    severity: 'review',
    legalBasis: '广告法 Art. 4, Art. 28; FTC Act §5',
    zh: '描述了使用效果，但缺少"效果因人而异"提示。',
    en: 'An effect is described without "Results may vary".',
  },
  health_food_notice: {
    category: 'medical_claim',
    severity: 'block',
    legalBasis: '广告法 Art. 18',
    zh: '保健食品广告缺少"本品不能代替药物"。',
    en: 'Health food advertising without the statement that it cannot replace medicines.',
  },
  breastfeeding_statement: {
    category: 'breastmilk_substitute',
    severity: 'block',
    legalBasis: 'WHO Code (1981) Art. 4; 母乳代用品销售管理办法; Reg. (EU) 2016/127 Art. 10',
    zh: '提到配方奶粉，但缺少母乳喂养优先的声明。',
    en: 'Formula is mentioned without the breastfeeding-first statement.',
  },
  special_medical_notice: {
    category: 'medical_claim',
    severity: 'block',
    legalBasis: '特殊医学用途配方食品广告审查 (2020)',
    zh: '特殊医学用途配方食品缺少"请在医生或者临床营养师指导下使用"。',
    en: 'Food for special medical purposes without "use under medical supervision".',
  },
  medical_device_notice: {
    category: 'false_or_misleading',
    severity: 'block',
    legalBasis: '广告法 Art. 16',
    zh: '医疗器械广告缺少"请仔细阅读产品说明书或者在医务人员的指导下购买和使用"。',
    en: 'Medical device advertising (China) without the read-the-instructions statement.',
  },
  aigc_label: {
    category: 'aigc_label',
    severity: 'block',
    legalBasis: '人工智能生成合成内容标识办法 (2025-09-01)',
    zh: 'AI 生成的内容缺少显式标识。',
    en: 'AI-generated content without its explicit label.',
  },
};

/**
 * Checks a finished text: the compliance checker, the AI-label check, and the mandatory
 * elements for this channel, product and market (a missing one becomes a finding, so a
 * hand edit that deletes a label cannot slip through).
 */
export function assessText(title: string | undefined, body: string, ctx: CheckContext & MandatoryContext): Assessment {
  const { text, bodyOffset } = checkText({ ...(title !== undefined ? { title } : {}), body });
  const raw = [...runCheck(text, ctx), ...aigcFindings(text, ctx.locale)];
  const rendered = { ...(title !== undefined ? { title } : {}), body, slots: [] };
  const findings = locate(raw, rendered, bodyOffset).map((l) => l.finding);
  const mandatory = mandatoryStatus(ctx, title, body);
  for (const el of mandatory) {
    if (el.present) continue;
    const m = MANDATORY_FINDING[el.id];
    // the checker may already report this gap; one finding per gap is enough
    if (findings.some((f) => f.category === m.category && f.start === f.end && f.severity === m.severity)) continue;
    if (el.id === 'aigc_label' && findings.some((f) => f.category === 'aigc_label')) continue;
    findings.push({
      ruleId: `content.mandatory.${el.id}`,
      category: m.category,
      severity: m.severity,
      field: 'body',
      start: 0,
      end: 0,
      match: '',
      message: ctx.locale === 'en' ? m.en : m.zh,
      legalBasis: m.legalBasis,
      suggestion: ctx.locale === 'en' ? `Add: "${el.text}"` : `请加上："${el.text}"`,
    });
  }
  findings.sort((a, b) => (a.field === b.field ? a.start - b.start : a.field === 'title' ? -1 : 1));
  return { findings, verdict: verdictOf(findings), mandatory };
}

function diffRendered(before: ContentDoc, after: ContentDoc, brief: Brief): Round['diff'] {
  const a = renderDoc(before, brief.locale);
  const b = renderDoc(after, brief.locale);
  return {
    ...(a.title !== b.title ? { title: diffText(a.title ?? '', b.title ?? '') } : {}),
    body: diffText(a.body, b.body),
  };
}

/**
 * Brings a revised draft back into its length band: neutral sentences where a revision
 * cut too much, dropping trailing optional blocks where a model wrote too much.
 */
function fitLength(doc: ContentDoc, brief: Brief): GenerationHistory['fit'] | undefined {
  if (brief.channel === 'douyin_live_script') return undefined;
  const band = lengthBand(brief.channel, brief.locale, brief.length);
  const unit = band.unit === 'words' ? 'words' : 'chars';
  const size = () => measure(renderDoc(doc, brief.locale, { skipMandatory: true }).body, unit);
  const added: string[] = [];
  let droppedBlocks = 0;
  while (size() > band.max) {
    const idx = doc.blocks.map((b, i) => ({ b, i })).filter(({ b }) => (b.kind === 'paragraph' || b.kind === 'section') && !b.mandatory);
    if (idx.length <= 2) break;
    doc.blocks.splice(idx[idx.length - 1]!.i, 1);
    droppedBlocks++;
  }
  if (size() < band.min) {
    const pool = paddingSentences(brief, renderDoc(doc, brief.locale).body);
    const sep = brief.locale === 'en' ? ' ' : '';
    for (const s of pool) {
      if (size() >= band.min) break;
      const before = size();
      padWith(doc, brief, s, sep);
      if (size() > band.max) {
        // undo: this sentence would overshoot
        unpad(doc, s, sep);
        continue;
      }
      if (size() > before) added.push(s);
    }
  }
  return added.length || droppedBlocks ? { added, droppedBlocks } : undefined;
}

function ctaIndex(doc: ContentDoc): number {
  const i = doc.blocks.findIndex((b) => b.kind === 'cta');
  if (i >= 0) return i;
  const n = doc.blocks.findIndex((b) => b.mandatory && b.kind !== 'label');
  return n >= 0 ? n : doc.blocks.length;
}

function padWith(doc: ContentDoc, brief: Brief, sentence: string, sep: string): void {
  const en = brief.locale === 'en';
  const list = (id: string) => doc.blocks.find((b) => b.id === id && b.items);
  switch (brief.channel) {
    case 'product_detail': {
      const target = list('notices') ?? list('usage');
      if (target?.items) {
        target.items.push(sentence);
        return;
      }
      break;
    }
    case 'xiaohongshu_note':
    case 'en_social_post': {
      const paras = doc.blocks.filter((b) => b.kind === 'paragraph' && !b.mandatory && b.id !== 'signoff');
      const cap = brief.channel === 'xiaohongshu_note' ? 6 : 4;
      if (paras.length >= cap) {
        const last = paras[paras.length - 1]!;
        last.text = `${last.text ?? ''}${sep}${sentence}`;
        return;
      }
      doc.blocks.splice(ctaIndex(doc), 0, { kind: 'paragraph', id: `pad-${paras.length + 1}`, text: sentence });
      return;
    }
    default:
      break;
  }
  const pad = doc.blocks.find((b) => b.id === 'pad-tips');
  if (pad) {
    pad.text = `${pad.text ?? ''}${sep}${sentence}`;
    return;
  }
  const block: Block = { kind: 'section', id: 'pad-tips', heading: en ? 'Good to know' : '温馨提示', text: sentence };
  doc.blocks.splice(ctaIndex(doc), 0, block);
}

function unpad(doc: ContentDoc, sentence: string, sep: string): void {
  for (const b of doc.blocks) {
    if (b.items?.includes(sentence)) b.items = b.items.filter((x) => x !== sentence);
    if (b.text === sentence) b.text = '';
    else if (b.text?.endsWith(sep + sentence)) b.text = b.text.slice(0, -(sep + sentence).length);
  }
  doc.blocks = doc.blocks.filter((b) => b.text || b.items?.length || b.segment);
}

/**
 * generate → check → revise the flagged spans (≤ 3 rounds) → fit the length band → add
 * the mandatory elements → final check. Pure apart from the optional model: the same
 * function serves the HTTP API and the offline eval.
 */
export async function runPipeline(brief: Brief, opts: PipelineOptions = {}): Promise<PipelineResult> {
  const ctx = checkContext(brief);
  const mctx = mandatoryContext(brief);
  const fallbacks: GenerationHistory['fallbacks'] = [];
  let doc: ContentDoc | undefined;
  let generator: 'llm' | 'offline' = 'offline';
  const now = opts.now ?? (() => Date.now());
  const affordable = () => {
    if (opts.deadline !== undefined && now() + (opts.llm?.timeoutMs ?? 0) > opts.deadline) throw new OutOfTime();
  };
  if (opts.llm) {
    try {
      affordable();
      doc = await opts.llm.generate(brief);
      generator = 'llm';
    } catch (err) {
      fallbacks.push({ stage: 'generate', error: errText(err) });
      opts.onFallback?.('generate', err);
    }
  }
  doc ??= generateOffline(brief);
  if (brief.channel === 'douyin_live_script') retimeLive(doc, brief.locale);
  const first = renderDoc(doc, brief.locale);
  const history: GenerationHistory = {
    generated: { ...(first.title !== undefined ? { title: first.title } : {}), body: first.body },
    rounds: [],
    mandatoryAdded: [],
    fallbacks,
  };

  // How many times each claim has been seen: a claim that survives a round is cut harder.
  const seen = new Map<string, number>();
  let useModel = generator === 'llm';
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const { located, text } = checkDoc(doc, brief, ctx);
    const bodyOffset = doc.title ? doc.title.length + 1 : 0;
    const revisable = located.filter((l) => {
      if (!isRevisable(l)) return false;
      const at = l.finding.field === 'title' ? l.finding.start : l.finding.start + bodyOffset;
      return !inProductName({ start: at, end: at + (l.finding.end - l.finding.start) }, text, brief);
    });
    if (!revisable.length) break;
    const before = cloneDoc(doc);
    let changes: Change[] = [];
    let reviser: Round['reviser'] = 'offline';
    if (useModel && opts.llm && round < MAX_ROUNDS) {
      try {
        affordable();
        const targets = rewriteTargets(doc, revisable, brief.locale);
        const rewrites = await opts.llm.rewrite({ locale: brief.locale, items: targets.map((t) => t.item) });
        changes = applyRewrites(doc, targets, rewrites);
        reviser = 'llm';
      } catch (err) {
        fallbacks.push({ stage: 'revise', error: errText(err) });
        opts.onFallback?.('revise', err);
        useModel = false;
        doc = cloneDoc(before);
      }
    }
    if (reviser === 'offline') {
      changes = reviseOffline(
        doc,
        revisable,
        (l) => {
          // replacement or the word first (clause for a claim), then clause, then sentence;
          // the last round starts one step harder so the pipeline always converges
          const key = `${l.finding.ruleId}|${l.finding.match}`;
          const start = firstCut(l.finding);
          const n = (seen.get(key) ?? 0) + start + (round === MAX_ROUNDS ? 1 : 0);
          return Math.min(3, n) as 1 | 2 | 3;
        },
        brief.locale,
      );
    }
    for (const l of revisable) {
      const key = `${l.finding.ruleId}|${l.finding.match}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    if (brief.channel === 'douyin_live_script') {
      pruneHollowLive(doc, brief.locale);
      retimeLive(doc, brief.locale);
    }
    history.rounds.push({ round, reviser, findings: located.map((l) => l.finding), changes, diff: diffRendered(before, doc, brief) });
    if (!changes.length && reviser === 'offline') break; // nothing left that editing can fix
  }

  const fit = fitLength(doc, brief);
  if (fit) history.fit = fit;
  history.mandatoryAdded = addMandatory(doc, mctx);
  if (brief.channel === 'douyin_live_script') retimeLive(doc, brief.locale);
  const final = renderDoc(doc, brief.locale);
  const assessment = assessText(final.title, final.body, { ...ctx, ...mctx });
  return {
    doc,
    ...(final.title !== undefined ? { title: final.title } : {}),
    body: final.body,
    ...assessment,
    generator,
    model: generator === 'llm' && opts.llm ? opts.llm.model : OFFLINE_MODEL,
    ...(generator === 'llm' && opts.llm ? { promptVersion: opts.llm.promptVersion } : {}),
    history,
  };
}
