import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import * as lexicon from '../../../src/domain/signals/lexicon.js';
import { normalize, T2S } from '../../../src/domain/signals/normalize.js';
import { repairTypos, withinOneEdit } from '../../../src/domain/signals/typos.js';

/** Every Han character that appears in any cue pattern of the lexicon. */
function lexiconHanChars(): string[] {
  const sources: string[] = [];
  const visit = (v: unknown): void => {
    if (v instanceof RegExp) sources.push(v.source);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  Object.values(lexicon).forEach(visit);
  return [...new Set([...sources.join('')].filter((c) => /\p{Script=Han}/u.test(c)))];
}

describe('normalize', () => {
  it('folds full-width, case, curly quotes and Traditional characters', () => {
    expect(normalize('ＨＵＭＡＮ　ＰＬＥＡＳＥ！').spaced).toBe('human please!');
    expect(normalize('I’m so scared').spaced).toBe("i'm so scared");
    expect(normalize('轉人工，我快崩潰了').compact).toBe('转人工,我快崩溃了');
    expect(normalize('转 人 工').compact).toBe('转人工');
  });

  it('keeps head and tail of very long input', () => {
    const n = normalize(`转人工${'啊'.repeat(100_000)}找客服`);
    expect(n.compact.startsWith('转人工')).toBe(true);
    expect(n.compact.endsWith('找客服')).toBe(true);
    expect(n.compact.length).toBeLessThan(10_000);
  });

  it('the Traditional→Simplified table covers every cue character (checked against OpenCC)', () => {
    const toTraditional = ['tw', 'hk', 't'].map((to) => OpenCC.Converter({ from: 'cn', to: to as 'tw' }));
    const back = OpenCC.Converter({ from: 't', to: 'cn' });
    const missing: string[] = [];
    for (const c of lexiconHanChars()) {
      for (const conv of toTraditional) {
        for (const t of conv(c)) {
          if (t !== c && back(t) === c && T2S.get(t) !== c) missing.push(`${t}→${c}`);
        }
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });
});

describe('typo repair', () => {
  it('repairs request keywords only', () => {
    expect(repairTypos('can i tlak to a humen')).toBe('can i talk to a human');
    expect(repairTypos('reprezentative')).toBe('representative');
    expect(repairTypos('persn')).toBe('person');
    // common words one edit from a keyword stay themselves
    expect(repairTypos('i read a book while walking')).toBe('i read a book while walking');
    expect(repairTypos('humans are persons')).toBe('humans are persons');
  });

  it('withinOneEdit', () => {
    expect(withinOneEdit('agent', 'agnet')).toBe(true); // swap
    expect(withinOneEdit('human', 'humn')).toBe(true); // deletion
    expect(withinOneEdit('person', 'perrson')).toBe(true); // insertion
    expect(withinOneEdit('person', 'parson')).toBe(true); // substitution
    expect(withinOneEdit('person', 'prison')).toBe(false);
    expect(withinOneEdit('agent', 'urgent')).toBe(false);
  });
});
