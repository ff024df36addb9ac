import { describe, expect, it } from 'vitest';
import { allergyNotice, canonicalAllergen, normaliseAllergies } from '../../../src/domain/families/index.js';

describe('allergyNotice', () => {
  it('names the family allergy the question touches, in Chinese', () => {
    const n = allergyNotice(['花生'], '二宝8个月了，可以吃花生酱吗？', 'zh-CN');
    expect(n).toContain('家里有孩子对花生过敏');
    expect(n).toContain('你问到的花生正是其中之一');
    expect(n).toContain('儿科医生');
  });

  it('matches across languages and scripts', () => {
    // recorded in Chinese, asked in English
    expect(allergyNotice(['花生'], 'Is peanut butter OK for the baby?', 'en')).toMatch(/allergic to peanut, and your question mentions peanut\./);
    // recorded in English, asked in Traditional Chinese
    expect(allergyNotice(['Egg'], '可以給弟弟吃雞蛋嗎', 'zh-CN')).toContain('你问到的鸡蛋正是其中之一');
    // free-text forms of an allergy
    expect(canonicalAllergen('花生过敏')?.key).toBe('peanut');
    expect(canonicalAllergen('Shellfish (shrimp)')?.key).toBe('shellfish');
    expect(allergyNotice(['海鲜'], '宝宝能吃虾吗', 'zh-CN')).toContain('你问到的海鲜（虾蟹贝类）正是其中之一');
    expect(allergyNotice(['milk'], 'which formula should we use?', 'en')).toContain('mentions milk');
  });

  it('gives the general notice for any food question, listing every family allergy', () => {
    const n = allergyNotice(['peanut', '鸡蛋'], 'When should we start solids for our second?', 'en');
    expect(n).toMatch(/^Note: a child in your family is allergic to peanut, egg\./);
    expect(n).not.toContain('mentions');
    const zh = allergyNotice(['peanut', 'sesame'], '7个月的辅食怎么添加？', 'zh-CN');
    expect(zh).toMatch(/^提醒：家里有孩子对花生、芝麻过敏。/);
    // another allergen than the family's still makes it a food question
    expect(allergyNotice(['fish'], 'can she try eggs yet?', 'en')).toMatch(/allergic to fish\./);
  });

  it('stays silent when the question is not about food, or the family has no allergies', () => {
    expect(allergyNotice(['花生'], '宝宝晚上老是醒怎么办', 'zh-CN')).toBeNull();
    expect(allergyNotice(['peanut'], 'How many naps does a 9 month old need?', 'en')).toBeNull();
    expect(allergyNotice([], '可以吃花生酱吗', 'zh-CN')).toBeNull();
    expect(allergyNotice(['  ', ''], 'can he eat peanuts?', 'en')).toBeNull();
    // words that merely contain an allergen's letters are not mentions
    expect(allergyNotice(['egg'], 'Is eggplant teething gel a thing?', 'en')).toBeNull();
    expect(allergyNotice(['tree nuts'], 'Is coconut oil OK on his dry skin?', 'en')).toBeNull();
  });

  it('does not mistake peanuts for tree nuts', () => {
    const n = allergyNotice(['tree nuts'], 'Can she have peanuts?', 'en');
    expect(n).toMatch(/allergic to tree nuts\./);
    expect(n).not.toContain('mentions');
  });

  it('never tells the parent to avoid the food for the sibling, and gives no doses', () => {
    for (const n of [allergyNotice(['花生'], '可以吃花生吗', 'zh-CN')!, allergyNotice(['peanut'], 'can he eat peanuts?', 'en')!]) {
      expect(n).not.toMatch(/不要给|禁止|never give|do not give|avoid giving/i);
      expect(n).not.toMatch(/\d/);
    }
  });
});

describe('normaliseAllergies', () => {
  it('trims, drops empties and case-insensitive duplicates, keeping the first spelling', () => {
    expect(normaliseAllergies([' Peanut ', 'peanut', '', '鸡蛋', '雞蛋', 'milk  protein'])).toEqual(['Peanut', '鸡蛋', 'milk protein']);
  });
});
