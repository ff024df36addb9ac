import { describe, expect, it } from 'vitest';
import { STRINGS } from '../../../src/web/widget/i18n.js';
import { parseDate, stageLabel, validChild } from '../../../src/web/widget/stage.js';

const zh = STRINGS['zh-CN'];
const en = STRINGS.en;

describe('stage chip', () => {
  it('accepts real dates only', () => {
    expect(parseDate('2026-02-29')).toBeNull();
    expect(parseDate('2028-02-29')).not.toBeNull();
    expect(parseDate('2026-1-5')).toBeNull();
  });

  it('accepts plausible due and birth dates and rejects typos', () => {
    const today = '2026-11-22';
    expect(validChild({ dueDate: '2027-03-01' }, today)).toEqual({ dueDate: '2027-03-01' });
    expect(validChild({ dueDate: '2029-03-01' }, today)).toBeNull();
    expect(validChild({ birthDate: '2026-06-10' }, today)).toEqual({ birthDate: '2026-06-10' });
    expect(validChild({ birthDate: '2026-12-01' }, today)).toBeNull();
    expect(validChild({ ageMonths: 3 }, today)).toBeNull();
    expect(validChild(null, today)).toBeNull();
  });

  it('labels a pregnancy by week and a child by days, months, then years', () => {
    const today = '2026-11-22';
    expect(stageLabel({ dueDate: '2026-11-22' }, today, zh)).toBe('孕 40 周');
    expect(stageLabel({ dueDate: '2027-05-02' }, today, en)).toBe('17 weeks pregnant'); // 161 days left = 23 weeks to go
    expect(stageLabel({ dueDate: '2026-11-01' }, today, zh)).toBe(zh.pregLate);
    expect(stageLabel({ birthDate: '2026-11-12' }, today, zh)).toBe('宝宝 10 天');
    expect(stageLabel({ birthDate: '2026-06-23' }, today, zh)).toBe('宝宝 4 个月');
    expect(stageLabel({ birthDate: '2026-06-22' }, today, en)).toBe('Baby, 5 months');
    expect(stageLabel({ birthDate: '2023-01-01' }, today, zh)).toBe('宝宝 3 岁');
  });
});
