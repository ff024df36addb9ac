import { describe, expect, it } from 'vitest';
import { parseAnswer, parseInline, safeUrl } from '../../../src/web/widget/markdown.js';

describe('answer markdown', () => {
  it('turns lines into paragraphs and runs of "- " lines into one list', () => {
    const text = '根据你描述的情况，建议近几天预约。\n\n关于「夜醒」，以下几点：\n- 固定睡前程序 [1]\n- 白天多晒太阳 [2]\n\n以上是一般性信息。';
    expect(parseAnswer(text)).toEqual([
      { t: 'p', inl: [{ t: 'text', v: '根据你描述的情况，建议近几天预约。' }] },
      { t: 'p', inl: [{ t: 'text', v: '关于「夜醒」，以下几点：' }] },
      {
        t: 'ul',
        items: [
          [{ t: 'text', v: '固定睡前程序 ' }, { t: 'ref', n: 1 }],
          [{ t: 'text', v: '白天多晒太阳 ' }, { t: 'ref', n: 2 }],
        ],
      },
      { t: 'p', inl: [{ t: 'text', v: '以上是一般性信息。' }] },
    ]);
  });

  it('reads numbered lists, headings and bold', () => {
    expect(parseAnswer('## Tips\n1. one\n2) **two**')).toEqual([
      { t: 'p', inl: [{ t: 'b', v: 'Tips' }] },
      { t: 'ol', items: [[{ t: 'text', v: 'one' }], [{ t: 'b', v: 'two' }]] },
    ]);
  });

  it('keeps markup-looking text as text: the renderer gets data, never HTML', () => {
    const blocks = parseAnswer('<img src=x onerror=alert(1)> [3]');
    expect(blocks).toEqual([{ t: 'p', inl: [{ t: 'text', v: '<img src=x onerror=alert(1)> ' }, { t: 'ref', n: 3 }] }]);
  });

  it('does not take ordinary brackets for citations', () => {
    expect(parseInline('see [a] and [123]')).toEqual([{ t: 'text', v: 'see [a] and [123]' }]);
  });

  it('only lets http(s) links through', () => {
    expect(safeUrl('https://www.who.int/x')).toBe('https://www.who.int/x');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,hi')).toBeNull();
    expect(safeUrl('/relative')).toBeNull();
    expect(safeUrl(42)).toBeNull();
  });
});
