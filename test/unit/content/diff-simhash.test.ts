import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyDiff, diffText, compactDiff } from '../../../src/domain/content/diff.js';
import { findNearDuplicate, hamming, jaccard, simhash, HAMMING_MAX } from '../../../src/domain/content/simhash.js';

describe('diff', () => {
  it('reproduces both texts from the edit script (any input)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), (a, b) => {
        const { from, to } = applyDiff(diffText(a, b));
        expect(from).toBe(a);
        expect(to).toBe(b);
      }),
      { numRuns: 300 },
    );
  });

  it('reproduces both texts for mixed Chinese and English edits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('最好', '的', '奶粉', '，', '。', 'best ', 'formula ', '宝宝', '\n', 'DHA', ' '), { maxLength: 60 }),
        fc.array(fc.constantFrom('温和', '的', '奶粉', '，', '。', 'gentle ', 'formula ', '宝宝', '\n', 'DHA', ' '), { maxLength: 60 }),
        (x, y) => {
          const { from, to } = applyDiff(diffText(x.join(''), y.join('')));
          expect(from).toBe(x.join(''));
          expect(to).toBe(y.join(''));
        },
      ),
    );
  });

  it('compares Chinese by character and English by word', () => {
    expect(diffText('这是最好的奶粉。', '这是温和的奶粉。')).toEqual([
      { op: '=', text: '这是' },
      { op: '-', text: '最好' },
      { op: '+', text: '温和' },
      { op: '=', text: '的奶粉。' },
    ]);
    expect(diffText('the best formula', 'the gentle formula')).toEqual([
      { op: '=', text: 'the ' },
      { op: '-', text: 'best' },
      { op: '+', text: 'gentle' },
      { op: '=', text: ' formula' },
    ]);
  });

  it('compacts long unchanged runs but keeps changes whole', () => {
    const ops = compactDiff(diffText('a'.repeat(100) + ' x', 'a'.repeat(100) + ' y'), 10);
    expect(ops[0]!.text.length).toBeLessThan(30);
    expect(ops.filter((o) => o.op !== '=')).toEqual([
      { op: '-', text: 'x' },
      { op: '+', text: 'y' },
    ]);
  });
});

const NOTE_A =
  '给1–3岁幼儿的家长整理了悦护幼儿配方奶粉3段的产品要点，收藏慢慢看。每100克奶粉含DHA 60毫克。奶源来自新西兰坎特伯雷地区的牧场。800克罐装，罐内附带专用量勺。冲调时请按包装标示的水量和勺数操作，不要随意加浓或冲淡。冲调前请先洗手，并把奶瓶和奶嘴清洗干净。';

describe('simhash', () => {
  it('is 16 hex digits and the same for the same wording (case, width and punctuation folded)', () => {
    const h = simhash(NOTE_A);
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(simhash(NOTE_A.replace(/，/g, ',').replace(/。/g, '.'))).toBe(h);
    expect(hamming(h, h)).toBe(0);
  });

  it('keeps a lightly edited copy within the near-duplicate distance', () => {
    const edited = NOTE_A.replace('收藏慢慢看', '建议收藏');
    expect(hamming(simhash(NOTE_A), simhash(edited))).toBeLessThanOrEqual(HAMMING_MAX);
    expect(jaccard(NOTE_A, edited)).toBeGreaterThan(0.85);
  });

  it('puts unrelated texts far apart', () => {
    const other = 'CloudSoft diapers are made with a plant-based top sheet. A wetness indicator line turns blue when it is time to change. Sold in packs of 48.';
    expect(hamming(simhash(NOTE_A), simhash(other))).toBeGreaterThan(HAMMING_MAX);
    expect(jaccard(NOTE_A, other)).toBeLessThan(0.1);
  });

  it('flags the closest earlier near-duplicate and nothing else', () => {
    const edited = NOTE_A.replace('收藏慢慢看', '建议收藏');
    const other = '小树宝宝面霜含神经酰胺，无香精配方，50克软管装。第一次使用前，可以先在手臂内侧小范围试用，观察一天。';
    const earlier = [
      { id: 'other', simhash: simhash(other), text: other },
      { id: 'orig', simhash: simhash(NOTE_A), text: NOTE_A },
    ];
    const dup = findNearDuplicate(edited, simhash(edited), earlier);
    expect(dup?.draftId).toBe('orig');
    expect(dup!.similarity).toBeGreaterThanOrEqual(1 - HAMMING_MAX / 64);
    expect(findNearDuplicate(other, simhash(other), [earlier[1]!])).toBeUndefined();
  });
});
