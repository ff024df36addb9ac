import { describe, expect, it } from 'vitest';
import {
  foldText,
  parseNumber,
  pregnancyWeekFromDue,
  readAgeFromText,
  stageForAge,
  stageFromProfile,
  stageFromText,
} from '../../../src/domain/stage/index.js';

describe('stage from profile', () => {
  it('derives child stages from a birth date', () => {
    expect(stageFromProfile({ birthDate: '2025-01-10' }, '2025-01-20')).toEqual({ stage: 'newborn', ageDays: 10 });
    expect(stageFromProfile({ birthDate: '2025-01-10' }, '2025-03-20')?.stage).toBe('infant_1_6m');
    expect(stageFromProfile({ birthDate: '2024-01-10' }, '2025-03-20')?.stage).toBe('toddler_1_3y');
    expect(stageFromProfile({ birthDate: '2015-01-10' }, '2025-03-20')).toBeUndefined();
  });

  it('reads a future due date as a pregnancy and a past one as a birth', () => {
    expect(stageFromProfile({ dueDate: '2025-10-01' }, '2025-08-05')).toEqual({ stage: 'pregnancy_t3', pregnancyWeek: 31 });
    expect(stageFromProfile({ dueDate: '2025-06-01' }, '2025-06-20')?.stage).toBe('newborn');
    expect(stageFromProfile({ ageMonths: 2 }, '2025-01-01')).toEqual({ stage: 'infant_1_6m', ageDays: 61 });
    expect(stageFromProfile({ birthDate: '2025-02-30' }, '2025-03-01')).toBeUndefined();
  });

  it('keeps week arithmetic and age bands consistent', () => {
    expect(pregnancyWeekFromDue(70)).toBe(30);
    expect(pregnancyWeekFromDue(0)).toBe(40);
    expect(stageForAge(27)).toBe('newborn');
    expect(stageForAge(28)).toBe('infant_1_6m');
  });
});

describe('ages read from text', () => {
  it.each([
    ['宝宝出生45天', 45],
    ['宝宝2个月', 61],
    ['两个月大的宝宝', 61],
    ['1岁半', 548],
    ['满月', 30],
    ['新生儿', 7],
    ['出生才十几个小时', 0],
    ['my 6 week old', 42],
    ['7-week-old baby', 49],
    ['baby is less than 24 hours old', 0],
    ["she's 4 months", 122],
    ['my 4 yo', 1461],
    ['寶寶兩個月大', 61],
  ])('%s → %s days', (text, days) => {
    expect(readAgeFromText(text).ageDays).toBe(days);
  });

  it('does not read durations as ages', () => {
    expect(readAgeFromText('发烧3天了').ageDays).toBeUndefined();
    expect(readAgeFromText('咳嗽两个月').ageDays).toBeUndefined();
    expect(readAgeFromText('fever for 5 days').ageDays).toBeUndefined();
  });
});

describe('pregnancy and other stages from text', () => {
  it.each([
    ['孕28周', 'pregnancy_t3'],
    ['怀孕七个月', 'pregnancy_t3'],
    ['28 weeks pregnant', 'pregnancy_t3'],
    ['孕早期', 'pregnancy_t1'],
    ['at 30 weeks', 'pregnancy_t3'],
    ['a bit breathless climbing stairs at 33 weeks', 'pregnancy_t3'],
    ["I'm 28 weeks and my palms are itchy", 'pregnancy_t3'],
    ['33 weeks, having regular tightenings', 'pregnancy_t3'],
    ["I'm due in about 10 weeks", 'pregnancy_t3'],
    ["I'm pregnant and due in about 10 weeks", 'pregnancy_t3'],
    ['due in 30 weeks', 'pregnancy_t1'],
    ['离预产期还有10周', 'pregnancy_t3'],
    ['产后两周', 'postpartum'],
    ['2 weeks postpartum', 'postpartum'],
    ['备孕中', 'preconception'],
    ['trying to conceive', 'preconception'],
  ])('%s → %s', (text, stage) => {
    expect(stageFromText(text)).toBe(stage);
  });

  it('reads "due in" as weeks remaining, not weeks pregnant', () => {
    expect(readAgeFromText("I'm due in about 10 weeks").pregnancyWeek).toBe(30);
    expect(readAgeFromText('due in 3 days').pregnancyWeek).toBe(39);
  });

  it('does not take durations or a child\'s age in weeks for a pregnancy', () => {
    expect(readAgeFromText('cough for 14 weeks').pregnant).toBeUndefined();
    expect(readAgeFromText('breastfeeding has been painful for 3 weeks').pregnant).toBeUndefined();
    expect(readAgeFromText('she is 16 weeks old')).toEqual({ ageDays: 112 });
    expect(readAgeFromText('3 weeks postpartum').pregnant).toBeUndefined();
  });
});

describe('folding and numbers', () => {
  it('folds width, case and Traditional characters without changing length of CJK text', () => {
    expect(foldText('寶寶發燒３８．５℃ FEVER')).toBe('宝宝发烧38.5°c fever');
    const t = '懷孕34週，陰道大量出血';
    expect(foldText(t)).toBe('怀孕34周,阴道大量出血'); // NFKC: full-width comma → ASCII
    expect(foldText(t).length).toBe(t.length);
  });

  it('parses Chinese and English numbers', () => {
    expect(parseNumber('二十八')).toBe(28);
    expect(parseNumber('两')).toBe(2);
    expect(parseNumber('38.5')).toBe(38.5);
    expect(parseNumber('twenty-one')).toBe(21);
    expect(parseNumber('a couple of')).toBe(2);
  });
});
