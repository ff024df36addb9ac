import { checkAigcLabel, checkCompliance } from '../compliance/index.js';
import type { Brief, Finding, Locale } from './types.js';

/**
 * The one place the content studio calls the compliance checker, so the pipeline, the
 * edit path and the evals all check with the same context (channel, product type,
 * market, formula stage, commercial intent).
 */
export interface CheckContext {
  locale: Locale;
  channel: Brief['channel'];
  productType: Brief['productType'];
  market: Brief['market'];
  formulaStage?: 1 | 2 | 3;
  commercial: boolean;
}

export function checkContext(b: Brief): CheckContext {
  return {
    locale: b.locale,
    channel: b.channel,
    productType: b.productType,
    market: b.market,
    ...(b.product.formulaStage ? { formulaStage: b.product.formulaStage } : {}),
    commercial: b.commercial,
  };
}

export function runCheck(text: string, ctx: CheckContext): Finding[] {
  const res = checkCompliance({ text, ...ctx });
  return res.findings.map((f) => ({ ...f }));
}

/** The explicit labels the content studio writes (spec wording), in both languages. */
const STUDIO_LABELS = ['本内容由人工智能辅助生成', 'AI-generated content'];

/**
 * Findings for a missing explicit AI-generated label (none when the label is there).
 * The studio's own label wording (from the product spec) always counts, whatever the
 * checker's list of label phrasings contains.
 */
export function aigcFindings(text: string, locale: Locale): Finding[] {
  if (STUDIO_LABELS.some((l) => text.includes(l))) return [];
  const r: unknown = checkAigcLabel(text, locale);
  if (!r) return [];
  if (Array.isArray(r)) return r as Finding[];
  if (typeof r === 'object' && r !== null && 'findings' in r) return (r as { findings: Finding[] }).findings;
  return [r as Finding];
}
