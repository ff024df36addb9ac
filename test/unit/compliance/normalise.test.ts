import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { endOf, FAST_FOLD_GATE, normalise, normaliseShared, toOriginal } from '../../../src/domain/compliance/normalise.js';
import { Automaton } from '../../../src/domain/compliance/automaton.js';

/** The original text a normalised span maps back to. */
const back = (text: string, needle: string) => {
  const n = normalise(text);
  const i = n.text.indexOf(needle);
  expect(i, `"${needle}" in "${n.text}"`).toBeGreaterThanOrEqual(0);
  const [s, e] = toOriginal(n, i, i + needle.length);
  return text.slice(s, e);
};

describe('normalise', () => {
  it('folds Traditional to Simplified one character for one character', () => {
    const n = normalise('這款奶粉是最好的嬰兒配方');
    expect(n.text).toBe('这款奶粉是最好的婴儿配方');
    expect(back('這款奶粉是最好的嬰兒配方', '婴儿')).toBe('嬰兒');
  });

  it('folds full-width forms and case', () => {
    expect(normalise('ＮＯ．１ Ｂｅｓｔ').text).toBe('no1 best');
    expect(back('全网ＮＯ．１品牌', 'no1')).toBe('ＮＯ．１');
  });

  it('drops zero-width characters but keeps them inside the reported span', () => {
    expect(normalise('最\u200b好').text).toBe('最好');
    expect(back('这是最\u200b好\u200d的', '最好')).toBe('最\u200b好');
    expect(normalise('\ufeff最\u2060佳').text).toBe('最佳');
  });

  it('removes separators slipped between the characters of a term', () => {
    for (const [input, folded] of [
      ['最 好', '最好'],
      ['最*好', '最好'],
      ['最-好', '最好'],
      ['最·好', '最好'],
      ['最😀好', '最好'],
      ['全 网 最 低 价', '全网最低价'],
    ]) {
      expect(normalise(input!).text).toBe(folded);
    }
    expect(normalise('（最）好').text).toBe('(最好');
    expect(back('这是（最）好的', '最好')).toBe('最）好');
  });

  it('keeps sentence punctuation and newlines as boundaries', () => {
    expect(normalise('最，好').text).toBe('最,好');
    expect(normalise('最\n好').text).toBe('最\n好');
    expect(normalise('最\r\n好').text).toBe('最\n好');
  });

  it('normalises digit forms: 第①, NO.1, No 1, TOP-1, dingbat digits', () => {
    expect(normalise('第①名').text).toBe('第1名');
    expect(normalise('第❶').text).toBe('第1');
    expect(normalise('NO.1').text).toBe('no1');
    expect(normalise('No 1 choice').text).toBe('no1 choice');
    expect(normalise('TOP-1').text).toBe('top1');
    expect(normalise('TOP 1').text).toBe('top1');
    expect(back('TOP 1 口碑', 'top1')).toBe('TOP 1');
    // a word that merely ends in "no" is not a ranking
    expect(normalise('piano 1').text).toBe('piano 1');
  });

  it('rejoins single letters split by separators, but leaves ordinary abbreviations', () => {
    expect(normalise('b.e.s.t baby').text).toBe('best baby');
    expect(normalise('C-U-R-E colic').text).toBe('cure colic');
    expect(normalise('e.g. this').text).toBe('e.g. this');
  });

  it('keeps the end of a long text when compatibility expansions near its start make it longer', () => {
    // ﷺ folds to 18 units; the scratch buffers once grew only for the expansion itself, and
    // the units past their end were dropped silently (the trailing claim went unseen)
    const text = '\ufdfa'.repeat(10) + '好'.repeat(60000) + '最好';
    const n = normalise(text);
    expect(n.text.length).toBe(10 * '\ufdfa'.normalize('NFKC').length + 60002);
    expect(n.text.endsWith('最好')).toBe(true);
    expect(back(text, '最好')).toBe('最好');
  });

  it('collapses whitespace runs', () => {
    expect(normalise('link   in\tbio').text).toBe('link in bio');
  });

  it('takes the plain-ASCII fast path only when it gives what the full fold gives', () => {
    // a trailing "\n中" forces the full path without touching the ASCII part
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', 'n', 'N', 'o', 'O', 't', 'T', 'p', 'P', '1', ' ', '.', '-', '*', '#', ',', '\n', '\t', 'x', '—', '–', '°', '©', '®', '×', '÷', '¢', '£', '¥', '€', '§', '¶', '−', 'é', 'É', 'ß', 'Ñ'), maxLength: 40 }), (text) => {
        const fast = normalise(text);
        const full = normalise(text + '\n中');
        expect(fast.text).toBe(full.text.slice(0, -2));
        expect([...fast.start]).toEqual([...full.start.slice(0, fast.text.length)]);
      }),
      { numRuns: 500 },
    );
  });

  it('maps every normalised unit into the original text, in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const n = normalise(text);
        expect(n.start.length).toBe(n.text.length);
        let last = 0;
        for (let i = 0; i < n.text.length; i++) {
          expect(n.start[i]!).toBeGreaterThanOrEqual(last);
          expect(endOf(n, i)).toBeGreaterThan(n.start[i]!);
          expect(endOf(n, i)).toBeLessThanOrEqual(text.length);
          last = n.start[i]!;
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('automaton', () => {
  it('finds every occurrence, overlaps included, like a naive search', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: fc.constantFrom('a', 'b', '最', '好'), minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.string({ unit: fc.constantFrom('a', 'b', '最', '好', ' '), maxLength: 40 }),
        (patterns, text) => {
          const ac = new Automaton(patterns);
          const got: string[] = [];
          ac.scan(text, (p, end) => got.push(`${p}@${end}`));
          const want: string[] = [];
          patterns.forEach((p, i) => {
            for (let k = text.indexOf(p); k >= 0; k = text.indexOf(p, k + 1)) want.push(`${i}@${k + p.length}`);
          });
          expect(got.sort()).toEqual(want.sort());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('scanning through the fast-path gate reads what the normaliser gives, or gives up when it would fold in full', () => {
    const patterns = ['best', 'no1', 'b', 'crème', 'é', 'top 1', 'a b', '最好'];
    const ac = new Automaton(patterns);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', 'e', 'S', 't', 'T', 'N', 'o', '1', ' ', '.', '\n', 'É', 'é', 'C', 'r', 'è', 'm', '—', '最', '好', '\t'), maxLength: 30 }), (text) => {
        const m = ac.collectGated(text, FAST_FOLD_GATE);
        const n = normaliseShared(text);
        if (n.start !== null) {
          expect(m).toBe(-1);
          return;
        }
        const got = [...ac.hits().subarray(0, m)];
        const k = ac.collect(n.text);
        expect(got).toEqual([...ac.hits().subarray(0, k)]);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses an empty pattern', () => {
    expect(() => new Automaton([''])).toThrow(RangeError);
  });
});
