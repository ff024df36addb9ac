import { describe, expect, it } from 'vitest';
import { readNumbers, type ReadingKind } from '../../../src/domain/triage/detectors.js';
import { normalise } from '../../../src/domain/triage/text.js';

const read = (text: string, kind: ReadingKind) => readNumbers(normalise(text)).filter((r) => r.kind === kind).map((r) => r.value);

describe('temperatures', () => {
  it.each([
    ['发烧38.2度', 38.2],
    ['烧到39度5', 39.5],
    ['发烧39', 39],
    ['烧到40', 40],
    ['体温38℃', 38],
    ['耳温38.6°C', 38.6],
    ['temp of 101', 38.3],
    ['101 degrees', 38.3],
    ['100.4F', 38],
    ['a fever of 103', 39.4],
    ['华氏102度', 38.9],
    ['thermometer says 38.2', 38.2],
    ['it said 38.1 under the arm', 38.1],
    ['体温35.5度', 35.5],
  ])('%s → %s °C', (text, c) => {
    expect(read(text, 'temp')).toContain(c);
  });

  it('keeps every reading so the highest and lowest can be used', () => {
    expect(read('腋温37.9，肛温38.4', 'temp').sort()).toEqual([37.9, 38.4]);
  });

  it('rejects weights, volumes, implausible values and "below" readings', () => {
    expect(read('喝了38.5毫升奶，体重5.8公斤', 'temp')).toEqual([]);
    expect(read('体温380度', 'temp')).toEqual([]);
    expect(read('体温不到38度', 'temp')).toEqual([]);
    expect(read('90度的角', 'temp')).toEqual([]);
  });
});

describe('other numbers', () => {
  it('reads breaths per minute', () => {
    expect(read('一分钟呼吸70次', 'breath')).toContain(70);
    expect(read('呼吸每分钟45次', 'breath')).toContain(45);
    expect(read('breathing 56 times a minute', 'breath')).toContain(56);
    expect(read('65 breaths a minute', 'breath')).toContain(65);
    expect(read('吐了5次', 'breath')).toEqual([]);
  });

  it('reads blood pressure', () => {
    const bp = readNumbers(normalise('my blood pressure is 150/100')).find((r) => r.kind === 'bp');
    expect([bp?.value, bp?.value2]).toEqual([150, 100]);
  });

  it('reads hours without urine, days of fever and complaint durations', () => {
    expect(read('已经10个小时没尿了', 'noUrineHours')).toContain(10);
    expect(read("hasn't had a wet nappy since this morning, about 9 hours", 'noUrineHours')).toContain(9);
    expect(read('发烧已经五天了', 'feverDays')).toContain(5);
    expect(read('孩子發燒第五天了', 'feverDays')).toContain(5);
    expect(read('反反复复烧了一个星期了', 'feverDays')).toContain(7);
    expect(read('fever on and off for 6 days', 'feverDays')).toContain(6);
    expect(read('烧心三天了', 'feverDays')).toEqual([]);
    expect(Math.max(...read('情绪很低落快两个月了', 'duration'))).toBe(60);
    expect(Math.max(...read('for about 3 weeks since the birth', 'duration'))).toBe(21);
    expect(Math.max(...read('weeks of feeling numb', 'duration'))).toBe(14);
    expect(read('宝宝6个月了', 'duration')).toEqual([]);
  });

  it('counts vomits and stools', () => {
    expect(read('吐了三次', 'vomits')).toContain(3);
    expect(read('vomited 3 times', 'vomits')).toContain(3);
    expect(read('一天拉了8次', 'stools')).toContain(8);
    expect(read('diarrhea 7 times today', 'stools')).toContain(7);
  });
});
