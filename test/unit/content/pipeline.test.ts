import { describe, expect, it } from 'vitest';
import { runPipeline, assessText } from '../../../src/domain/content/pipeline.js';
import { parseBrief } from '../../../src/domain/content/drafts.js';
import { checkContext } from '../../../src/domain/content/checker.js';
import { mandatoryContext } from '../../../src/domain/content/mandatory.js';
import { docFromModel, extractJson, type ContentModel } from '../../../src/domain/content/model.js';
import { checkLivePacing } from '../../../src/domain/content/live.js';
import { applyDiff } from '../../../src/domain/content/diff.js';
import type { Brief, ContentDoc } from '../../../src/domain/content/types.js';

const cream = parseBrief({
  channel: 'xiaohongshu_note',
  productType: 'children_cosmetic',
  product: { name: '小树宝宝面霜', brand: '小树', facts: ['含神经酰胺', '可以缓解湿疹引起的干痒', '50克软管装'] },
});

/** A scripted model: what it generates, and how it answers each rewrite request. */
function fakeModel(doc: ContentDoc | Error, rewrite: (items: { id: string; text: string }[], call: number) => { id: string; text: string }[] | Error): ContentModel & { calls: string[] } {
  const calls: string[] = [];
  let n = 0;
  return {
    model: 'fake-1',
    promptVersion: 'test',
    calls,
    async generate() {
      calls.push('generate');
      if (doc instanceof Error) throw doc;
      return structuredClone(doc);
    },
    async rewrite({ items }) {
      calls.push('rewrite');
      const r = rewrite(items, ++n);
      if (r instanceof Error) throw r;
      return r;
    },
  };
}

const modelDoc = (brief: Brief, texts: string[]): ContentDoc =>
  docFromModel({ title: '小树宝宝面霜', blocks: texts.map((t) => ({ kind: 'paragraph', text: t })), tags: ['小树'] }, brief);

describe('pipeline (offline, real checker)', () => {
  it('revises the claim away, keeps every round with its diff, and adds the labels last', async () => {
    const r = await runPipeline(cream);
    expect(r.findings.filter((f) => f.severity === 'block')).toEqual([]);
    expect(r.body).not.toContain('湿疹');
    expect(r.history.rounds[0]!.findings.some((f) => f.category === 'medical_claim' && f.severity === 'block')).toBe(true);
    for (const round of r.history.rounds) {
      // each stored diff reproduces the text before and after its round
      const { to } = applyDiff(round.diff.body);
      expect(typeof to).toBe('string');
    }
    expect(applyDiff(r.history.rounds[0]!.diff.body).from).toBe(r.history.generated.body);
    expect(r.history.mandatoryAdded).toEqual(expect.arrayContaining(['ad_label', 'aigc_label']));
    expect(r.mandatory.every((m) => m.present)).toBe(true);
  });

  it('leaves a violation inside the product name for a person instead of mangling the name', async () => {
    const brief = parseBrief({ channel: 'xiaohongshu_note', productType: 'children_cosmetic', product: { name: '祛湿疹宝宝霜', facts: ['50克软管装'] } });
    const r = await runPipeline(brief);
    expect(r.title).toContain('祛湿疹宝宝霜');
    expect(r.body).toContain('给家长整理了祛湿疹宝宝霜的产品要点');
    expect(r.history.rounds.flatMap((x) => x.changes)).toEqual([]);
    const blocking = r.findings.filter((f) => f.severity === 'block');
    expect(blocking.length).toBeGreaterThan(0);
    expect(blocking.every((f) => f.match === '祛湿疹')).toBe(true);
  });

  it('keeps a prohibited promotion blocked rather than deleting its way to a pass', async () => {
    const brief = parseBrief({ channel: 'wechat_article', productType: 'infant_formula', product: { name: '启护婴儿配方奶粉1段', formulaStage: 1, facts: ['900克罐装'] } });
    const r = await runPipeline(brief);
    expect(r.verdict).toBe('block');
    expect(r.findings.some((f) => f.category === 'breastmilk_substitute' && f.severity === 'block')).toBe(true);
    expect(r.body).toContain('启护婴儿配方奶粉1段');
  });

  it('keeps livestream pacing after revising claims out of segments', async () => {
    const r = await runPipeline(parseBrief({ ...cream, channel: 'douyin_live_script', length: 'long' } as never));
    expect(checkLivePacing(r.doc).problems).toEqual([]);
    expect(r.body).not.toContain('湿疹');
    expect(r.body).not.toMatch(/^主播。$/m);
  });

  it('assesses a hand edit: checker findings with field offsets, and missing mandatory elements as findings', () => {
    const a = assessText('最好的面霜', '含神经酰胺。', { ...checkContext(cream), ...mandatoryContext(cream) });
    const title = a.findings.find((f) => f.field === 'title')!;
    expect('最好的面霜'.slice(title.start, title.end)).toBe(title.match);
    // missing labels are document-level findings on the body, at 0
    for (const cat of ['aigc_label', 'ad_disclosure']) expect(a.findings.find((f) => f.category === cat && f.severity === 'block')).toMatchObject({ field: 'body', start: 0, end: 0 });
    expect(a.mandatory.filter((m) => !m.present).map((m) => m.id).sort()).toEqual(['ad_label', 'aigc_label']);
    expect(a.verdict).toBe('block');
  });
});

describe('pipeline with a model', () => {
  it('uses the model to rewrite flagged sentences and records the round as the model’s', async () => {
    const m = fakeModel(modelDoc(cream, ['这是最好的宝宝面霜，含神经酰胺。', '50克软管装。']), (items) => items.map((i) => ({ id: i.id, text: i.text.replace('这是最好的宝宝面霜，', '这款宝宝面霜') })));
    const r = await runPipeline(cream, { llm: m });
    expect(m.calls).toEqual(['generate', 'rewrite']);
    expect(r.generator).toBe('llm');
    expect(r.model).toBe('fake-1');
    expect(r.body).toContain('这款宝宝面霜含神经酰胺。');
    expect(r.history.rounds.map((x) => x.reviser)).toEqual(['llm']);
  });

  it('cuts offline in the last round when the model keeps the claim', async () => {
    const m = fakeModel(modelDoc(cream, ['这是最好的宝宝面霜，含神经酰胺。', '50克软管装。']), (items) => items);
    const r = await runPipeline(cream, { llm: m });
    expect(m.calls).toEqual(['generate', 'rewrite', 'rewrite']);
    expect(r.history.rounds.map((x) => x.reviser)).toEqual(['llm', 'llm', 'offline']);
    expect(r.body).not.toContain('最好');
    expect(r.findings.filter((f) => f.severity === 'block')).toEqual([]);
  });

  it('falls back to offline revision when a rewrite call fails, and to the offline writer when generation fails', async () => {
    const seen: string[] = [];
    const m = fakeModel(modelDoc(cream, ['这是最好的宝宝面霜，含神经酰胺。']), () => new Error('429 rate limited'));
    const r = await runPipeline(cream, { llm: m, onFallback: (stage) => seen.push(stage) });
    expect(r.generator).toBe('llm');
    expect(r.history.rounds[0]!.reviser).toBe('offline');
    expect(r.history.fallbacks).toEqual([{ stage: 'revise', error: 'Error: 429 rate limited' }]);
    expect(r.body).not.toContain('最好');

    const down = fakeModel(new Error('ECONNREFUSED'), () => []);
    const r2 = await runPipeline(cream, { llm: down, onFallback: (stage) => seen.push(stage) });
    expect(r2.generator).toBe('offline');
    expect(r2.model).toBe('nestwise-offline-writer-1');
    expect(seen).toEqual(['revise', 'generate']);
  });

  it('does not start a model call that could outlive the request', async () => {
    const m = { ...fakeModel(modelDoc(cream, ['含神经酰胺。']), (items) => items), timeoutMs: 20_000 };
    const r = await runPipeline(cream, { llm: m, deadline: 1_000_000 + 5_000, now: () => 1_000_000 });
    expect(m.calls).toEqual([]);
    expect(r.generator).toBe('offline');
    expect(r.history.fallbacks).toEqual([{ stage: 'generate', error: expect.stringMatching(/^OutOfTime/) }]);
  });

  it('accepts model JSON with fences and chatter, and refuses anything else', () => {
    expect(extractJson('Sure!\n```json\n{"blocks":[{"kind":"hook","text":"x"}]}\n```')).toEqual({ blocks: [{ kind: 'hook', text: 'x' }] });
    expect(() => extractJson('no json here')).toThrow();
    expect(() => docFromModel({ blocks: [] }, cream)).toThrow();
    expect(() => docFromModel({ blocks: [{ kind: 'banner', text: 'x' }] }, cream)).toThrow();
    const live = docFromModel({ blocks: [{ kind: 'segment', segmentKind: 'opening', text: '大家好' }, { kind: 'paragraph', text: '含神经酰胺' }] }, { ...cream, channel: 'douyin_live_script' });
    expect(live.blocks.map((b) => b.segment?.kind)).toEqual(['opening', 'product']);
  });
});
