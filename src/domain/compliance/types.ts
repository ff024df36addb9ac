import { CHANNELS, PRODUCT_TYPES, MARKETS, COMPLIANCE_CATEGORIES, type Channel, type ProductType, type Market, type Verdict, type ComplianceCategory } from '../taxonomy.js';
export { CHANNELS, PRODUCT_TYPES, MARKETS, type Channel, type ProductType, type Market, type Verdict };
/**
 * Public types of the compliance checker. Identifiers are the shared vocabulary in
 * /work/shared/spec/taxonomy.md: never rename one.
 */
export type Severity = 'block' | 'review' | 'advisory';
export type Locale = 'zh-CN' | 'en';

export const CATEGORIES = COMPLIANCE_CATEGORIES;
export type Category = ComplianceCategory;

export interface CheckInput {
  text: string;
  locale?: Locale;
  channel?: Channel;
  productType?: ProductType;
  market?: Market;
  formulaStage?: 1 | 2 | 3;
  /** content is commercial (sponsored / has a purchase path); when absent, a purchase path in the text makes it so */
  commercial?: boolean;
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  /** UTF-16 offsets into the ORIGINAL submitted text; match === text.slice(start, end). */
  start: number;
  end: number;
  match: string;
  message: string;
  legalBasis: string;
  suggestion: string;
  /** replacement text the offline reviser can apply, when one is safe (makes no new claim) */
  replacement?: string;
}

export interface CheckResult {
  verdict: Verdict;
  findings: Finding[];
}

/** Text in both user-facing languages. */
export interface LocalText {
  zh: string;
  en: string;
}
