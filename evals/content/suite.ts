/**
 * Content studio eval: hand-written briefs (evals/content/briefs.jsonl) run through the
 * offline pipeline (generate → check → revise → mandatory elements → final check).
 *
 * The briefs are realistic maternal & infant products across every channel, product
 * type and market; about half carry a fact that tempts a violation (a function claim on
 * formula, 湿疹 on a cream, a #1 ranking, a doctor endorsement, pester power, an unsafe
 * sleep scene…). Each brief's `expect.mandatory` was labelled by hand from the brief:
 * the ad label when commercial, the health-food / special-medical notices by product
 * type (and the read-the-instructions statement for Chinese medical-device ads), the
 * breastfeeding-first statement where formula is concerned, "results vary"
 * where a fact that is lawful to keep describes an effect, and the AI label always.
 * A few briefs are for promotions the law forbids outright (0–12 month formula on a mass
 * channel, infant formula advertising in the UK): no wording fixes them, so they are
 * marked `prohibited` and must end blocked; blocking_free_rate is measured on the rest.
 * The element texts checked below are typed here from the spec, not imported from the
 * code under test, and lengths are measured here, so the suite does not grade itself.
 *
 * Metrics: drafts, blocking_free_rate, mandatory_elements_rate, length_ok_rate,
 * aigc_label_rate (thresholds in evals/thresholds.json). Reported without threshold:
 * prohibited_held_rate, live_pacing_ok_rate, revised_rate, mean_rounds, pass_rate.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { EvalSuite } from '../harness.js';
import { runPipeline, type PipelineResult } from '../../src/domain/content/pipeline.js';
import { parseBrief } from '../../src/domain/content/drafts.js';
import { exportDraft } from '../../src/domain/content/export.js';
import { lengthBand } from '../../src/domain/content/channels.js';
import type { DraftView } from '../../src/domain/content/drafts.js';
import type { Brief } from '../../src/domain/content/types.js';

type ElementId = 'ad_label' | 'results_vary' | 'health_food_notice' | 'breastfeeding_statement' | 'special_medical_notice' | 'medical_device_notice' | 'aigc_label';

interface Case {
  id: string;
  brief: unknown;
  /** prohibited: the promotion itself is unlawful (e.g. 0–12 month formula on a mass channel), so the draft must stay blocked */
  expect: { mandatory: ElementId[]; prohibited?: boolean };
  note?: string;
}

export function loadCases(): Case[] {
  const file = fileURLToPath(new URL('./briefs.jsonl', import.meta.url));
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const c = JSON.parse(l) as Case;
      if (!c.id || !c.brief || !Array.isArray(c.expect?.mandatory)) throw new Error(`briefs.jsonl line ${i + 1}: needs id, brief and expect.mandatory`);
      return c;
    });
}

/** The element texts as the spec words them (docs: content studio brief). */
function elementTexts(id: ElementId, b: Brief): string[] {
  const en = b.locale === 'en';
  switch (id) {
    case 'ad_label':
      if (b.market === 'CN') return ['广告'];
      if (b.market === 'US') return ['#ad', 'Sponsored'];
      return ['Ad'];
    case 'results_vary':
      return en ? ['Results may vary'] : ['效果因人而异'];
    case 'health_food_notice':
      return en ? ['not a medicine', 'cannot replace medicines'] : ['本品不能代替药物'];
    case 'breastfeeding_statement':
      return en ? ['Breastfeeding is best for babies'] : ['母乳是婴儿最理想的食物'];
    case 'special_medical_notice':
      return en ? ['supervision of a doctor'] : ['请在医生或者临床营养师指导下使用'];
    case 'medical_device_notice':
      return en ? ['Read the instructions for use'] : ['请仔细阅读产品说明书或者在医务人员的指导下购买和使用'];
    case 'aigc_label':
      return en ? ['AI-generated content'] : ['本内容由人工智能辅助生成'];
  }
}

function hasElement(id: ElementId, b: Brief, body: string): boolean {
  const texts = elementTexts(id, b);
  if (id === 'ad_label') {
    // a disclosure must be seen first: it has to be on the first line
    const first = body.trimStart().split('\n')[0] ?? '';
    return texts.some((t) => first.includes(t));
  }
  if (id === 'aigc_label') {
    const last = body.trimEnd().split('\n').at(-1) ?? '';
    return texts.some((t) => last.includes(t));
  }
  return texts.some((t) => body.includes(t));
}

const ALL_ELEMENTS: ElementId[] = ['ad_label', 'results_vary', 'health_food_notice', 'breastfeeding_statement', 'special_medical_notice', 'medical_device_notice', 'aigc_label'];

/** Length measured here: mandatory lines removed; characters for Chinese, words for English, seconds for a live script. */
function measuredLength(r: PipelineResult, b: Brief): number {
  if (b.channel === 'douyin_live_script') {
    let end = 0;
    for (const m of r.body.matchAll(/\[(\d\d):(\d\d)–(\d\d):(\d\d)\]/g)) end = Math.max(end, Number(m[3]) * 60 + Number(m[4]));
    return end;
  }
  const mandatoryTexts = ALL_ELEMENTS.flatMap((id) => elementTexts(id, b));
  const content = r.body
    .split('\n')
    // a mandatory line is the element alone, or a short notice sentence carrying it
    .filter((line) => !mandatoryTexts.some((t) => line.trim() === t || (t.length >= 4 && line.includes(t) && line.trim().length <= t.length + 80)))
    .join('\n');
  if (b.locale === 'en') return (content.match(/[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*/g) ?? []).length + (content.match(/[\u3400-\u9fff]/g) ?? []).length;
  return content.replace(/\s+/g, '').length;
}

function livePacingOk(body: string): boolean {
  const segs = [...body.matchAll(/\[(\d\d):(\d\d)–(\d\d):(\d\d)\] ([^\n]*)/g)].map((m) => ({
    start: Number(m[1]) * 60 + Number(m[2]),
    end: Number(m[3]) * 60 + Number(m[4]),
    heading: m[5] ?? '',
  }));
  if (!segs.length) return false;
  const isProduct = (h: string) => /产品介绍|再介绍一遍|Product|Recap/.test(h);
  const isBeat = (h: string) => /互动|Interaction/.test(h);
  const firstProduct = segs.find((s) => isProduct(s.heading));
  if (!firstProduct || firstProduct.start > 180) return false;
  if (segs.some((s) => isProduct(s.heading) && s.end - s.start > 90)) return false;
  let last = 0;
  for (const s of segs.filter((x) => isBeat(x.heading))) {
    if (s.start - last > 600) return false;
    last = s.start;
  }
  return segs[segs.length - 1]!.end - last <= 600;
}

function exportsCarryAigc(r: PipelineResult, b: Brief, id: string): boolean {
  const implicit = { contentAttribute: 'AIGC' as const, provider: 'Nestwise' as const, contentId: id, model: r.model, generatedAt: '2026-01-01T00:00:00.000Z' };
  const view = {
    id,
    status: 'draft',
    channel: b.channel,
    locale: b.locale,
    market: b.market,
    productType: b.productType,
    ...(r.title !== undefined ? { title: r.title } : {}),
    body: r.body,
    verdict: r.verdict,
    findings: r.findings,
    labels: { aigc: { explicit: b.locale === 'en' ? 'AI-generated content' : '本内容由人工智能辅助生成', implicit } },
    mandatory: r.mandatory,
    structure: r.doc,
    revision: 1,
  } as unknown as DraftView;
  const md = exportDraft(view, 'md').body;
  const front = parseYaml(md.split('---')[1] ?? '') as { aigc?: Record<string, unknown> };
  const html = exportDraft(view, 'html').body;
  const json = JSON.parse(exportDraft(view, 'json').body) as { aigc?: Record<string, unknown> };
  return (
    front.aigc?.contentAttribute === 'AIGC' &&
    front.aigc?.contentId === id &&
    html.includes('<meta name="aigc:contentAttribute" content="AIGC">') &&
    html.includes('class="aigc-label"') &&
    json.aigc?.contentAttribute === 'AIGC' &&
    json.aigc?.provider === 'Nestwise'
  );
}

const suite: EvalSuite = {
  name: 'content',
  async run() {
    const cases = loadCases();
    const rows: {
      id: string;
      channel: string;
      prohibited: boolean;
      blocking: string[];
      missing: ElementId[];
      length: number;
      band: [number, number];
      lengthOk: boolean;
      aigc: boolean;
      pacing?: boolean;
      rounds: number;
      verdict: string;
    }[] = [];
    for (const c of cases) {
      const b = parseBrief(c.brief);
      const r = await runPipeline(b);
      const band = lengthBand(b.channel, b.locale, b.length);
      const length = measuredLength(r, b);
      const missing = c.expect.mandatory.filter((id) => !hasElement(id, b, r.body));
      const explicit = hasElement('aigc_label', b, r.body);
      rows.push({
        id: c.id,
        channel: b.channel,
        prohibited: c.expect.prohibited === true,
        blocking: r.findings.filter((f) => f.severity === 'block').map((f) => `${f.ruleId}:${f.match}`),
        missing,
        length,
        band: [band.min, band.max],
        lengthOk: length >= band.min && length <= band.max,
        aigc: explicit && exportsCarryAigc(r, b, `00000000-0000-4000-8000-${c.id.replace(/\D/g, '').padStart(12, '0')}`),
        ...(b.channel === 'douyin_live_script' ? { pacing: livePacingOk(r.body) } : {}),
        rounds: r.history.rounds.length,
        verdict: r.verdict,
      });
    }
    const n = rows.length;
    const share = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).length / n;
    const live = rows.filter((r) => r.pacing !== undefined);
    const allowed = rows.filter((r) => !r.prohibited);
    const prohibited = rows.filter((r) => r.prohibited);
    const metrics = {
      drafts: n,
      blocking_free_rate: allowed.filter((r) => r.blocking.length === 0).length / allowed.length,
      prohibited_held_rate: prohibited.length ? prohibited.filter((r) => r.blocking.length > 0).length / prohibited.length : 1,
      mandatory_elements_rate: share((r) => r.missing.length === 0),
      length_ok_rate: share((r) => r.lengthOk),
      aigc_label_rate: share((r) => r.aigc),
      live_pacing_ok_rate: live.length ? live.filter((r) => r.pacing).length / live.length : 1,
      revised_rate: share((r) => r.rounds > 0),
      mean_rounds: rows.reduce((s, r) => s + r.rounds, 0) / n,
      pass_rate: share((r) => r.verdict === 'pass'),
    };
    const failures = rows.filter((r) => (r.prohibited ? !r.blocking.length : r.blocking.length) || r.missing.length || !r.lengthOk || !r.aigc || r.pacing === false);
    const report = failures.length
      ? 'Failures:\n' +
        failures
          .map(
            (r) =>
              `  ${r.id} ${r.channel}: ${[
                !r.prohibited && r.blocking.length ? `blocking ${r.blocking.join(', ')}` : '',
                r.prohibited && !r.blocking.length ? 'a prohibited promotion ended unblocked' : '',
                r.missing.length ? `missing ${r.missing.join(', ')}` : '',
                r.lengthOk ? '' : `length ${r.length} not in ${r.band[0]}–${r.band[1]}`,
                r.aigc ? '' : 'AI label or metadata missing',
                r.pacing === false ? 'live pacing broken' : '',
              ]
                .filter(Boolean)
                .join('; ')}`,
          )
          .join('\n')
      : `All ${n} drafts labelled and in band; ${allowed.length} lawful briefs end with no blocking finding, ${prohibited.length} prohibited promotions stay blocked.`;
    return { metrics, report, details: rows };
  },
};

export default suite;
