import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSignals, type SignalInput, type Signals } from '../../../src/domain/signals/index.js';

const LABELS = ['negative', 'neutral', 'positive'];
const REASONS = ['user_requested_human', 'out_of_scope', 'distress', 'repeated_failure'];

function expectValid(s: Signals): void {
  expect(LABELS).toContain(s.sentiment.label);
  expect(typeof s.sentiment.distress).toBe('boolean');
  expect(typeof s.handoff.recommended).toBe('boolean');
  if (s.handoff.recommended) expect(REASONS).toContain(s.handoff.reason);
  else expect(s.handoff.reason).toBeUndefined();
  // distress always means a negative mood and a recommended handoff.
  if (s.sentiment.distress) {
    expect(s.sentiment.label).toBe('negative');
    expect(s.handoff.recommended).toBe(true);
  }
}

// Text built from pieces that exercise the lexicon, so the property reaches real branches
// rather than only random noise.
const piece = fc.constantFrom(
  '转人工', '人工喂养', '客服', '退款', '退烧', '崩溃', '宝宝', '我', '不', '没用', '谢谢', '担心', '有没有人', '轉', '潰',
  'agent', 'human', 'person', 'talk to', 'order', 'refund', "can't cope", 'not', 'thanks', 'worried', 'my baby', 'I',
  '😊', '👍', '，', '。', '!', '?', ' ', 'ｈｕｍａｎ', '\u0000', '\uD800', 'but', '但是',
);
const text = fc.oneof(fc.string({ maxLength: 200 }), fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), fc.string({ unit: 'binary', maxLength: 80 }));
const turn = fc.record(
  {
    role: fc.constantFrom('user' as const, 'assistant' as const),
    text,
    feedback: fc.constantFrom('up' as const, 'down' as const),
  },
  { requiredKeys: ['role', 'text'] },
);
const input = fc.record(
  { message: text, locale: fc.constantFrom('zh-CN' as const, 'en' as const), history: fc.array(turn, { maxLength: 12 }) },
  { requiredKeys: ['message'] },
);

describe('detectSignals properties', () => {
  it('never throws and always returns a valid shape', () => {
    fc.assert(
      fc.property(input, (i) => {
        expectValid(detectSignals(i));
      }),
      { numRuns: 1500 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(input, (i) => {
        expect(detectSignals(i)).toEqual(detectSignals(structuredClone(i)));
      }),
      { numRuns: 300 },
    );
  });

  it('survives garbage from untyped callers', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (message, history) => {
        expectValid(detectSignals({ message, history } as unknown as SignalInput));
      }),
      { numRuns: 500 },
    );
    expectValid(detectSignals(undefined as unknown as SignalInput));
  });

  it('an explicit request for a person survives any surrounding text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), fc.array(piece, { maxLength: 10 }), (before, after) => {
        const message = `${before.join('')}。转人工。${after.join('')}`;
        // A negator right before the request is the only thing allowed to cancel it.
        fc.pre(!/(不|没|别|无|未|不用|不要|不需要|无需|not|no)$/.test(before.join('').trim()));
        expect(detectSignals({ message }).handoff.reason).toBe('user_requested_human');
      }),
      { numRuns: 300 },
    );
  });
});

describe('linear time', () => {
  it('handles adversarial, very long input quickly', () => {
    const nasty = 'talk to a '.repeat(50_000) + '有没有人'.repeat(50_000) + 'a'.repeat(200_000);
    const history = Array.from({ length: 500 }, (_, i) => ({
      role: i % 2 === 0 ? ('user' as const) : ('assistant' as const),
      text: nasty,
      feedback: 'down' as const,
    }));
    const t0 = performance.now();
    const s = detectSignals({ message: nasty, history });
    const ms = performance.now() - t0;
    expectValid(s);
    // Generous bound: the real cost is a few tens of ms; a super-linear regex would take minutes.
    expect(ms).toBeLessThan(3000);
  });

  it('cost grows roughly linearly with message length (below the analysis cap)', () => {
    const unit = '宝宝 talk to 人工喂养 my order of foods, 不是很满意 but thanks. ';
    const time = (n: number) => {
      const m = unit.repeat(n);
      const t0 = performance.now();
      for (let i = 0; i < 20; i++) detectSignals({ message: m });
      return performance.now() - t0;
    };
    time(10); // warm-up
    const small = time(20);
    const big = time(80); // 4× longer
    expect(big / Math.max(small, 1)).toBeLessThan(16);
  });
});
