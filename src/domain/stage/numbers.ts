/**
 * Numbers as parents write them: Arabic digits, Chinese numerals (一…十, 两, 十几, 半) and
 * English words. Regex sources here are bounded (no `*`/`+`), so scanning stays linear.
 */

/** Chinese or Arabic number, e.g. 28, 38.5, 二十八, 两, 十几. */
export const ZH_NUM = String.raw`(?:\d{1,3}(?:\.\d{1,2})?|[零〇一二两三四五六七八九十几]{1,4})`;

const EN_UNITS = 'one|two|three|four|five|six|seven|eight|nine';
/** English number, digits or words up to forty-nine, "a"/"an" (= 1), "a couple of" (= 2), "a few" (= 3). */
export const EN_NUM = String.raw`(?:\d{1,3}(?:\.\d{1,2})?|(?:twenty|thirty|forty)(?:[- ](?:${EN_UNITS}))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|${EN_UNITS}|a couple of|a few|few|couple of|several|a|an)`;

const ZH_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

const EN_WORD: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40,
  few: 3, 'a few': 3, several: 3, 'a couple of': 2, 'couple of': 2,
};

/** Chinese numerals up to 99; 几 ("a few") counts as 3 and 十几 as 15. */
export function parseZhNumber(s: string): number | undefined {
  if (s.length === 0) return undefined;
  if (s === '几') return 3;
  const ten = s.indexOf('十');
  if (ten >= 0) {
    const left = s.slice(0, ten);
    const right = s.slice(ten + 1);
    const l = left === '' ? 1 : left === '几' ? 3 : ZH_DIGIT[left];
    const r = right === '' ? 0 : right === '几' ? 5 : ZH_DIGIT[right];
    if (l === undefined || r === undefined || left.length > 1 || right.length > 1) return undefined;
    return l * 10 + r;
  }
  let v = 0;
  for (const ch of s) {
    const d = ZH_DIGIT[ch];
    if (d === undefined) return undefined;
    v = v * 10 + d;
  }
  return v;
}

export function parseEnNumber(s: string): number | undefined {
  const w = s.trim();
  if (w in EN_WORD) return EN_WORD[w];
  const parts = w.split(/[- ]/);
  if (parts.length === 2) {
    const tens = EN_WORD[parts[0]!];
    const unit = EN_WORD[parts[1]!];
    if (tens !== undefined && unit !== undefined && tens >= 20 && unit < 10) return tens + unit;
  }
  return undefined;
}

/** Any of the forms above. */
export function parseNumber(s: string): number | undefined {
  if (/^\d/.test(s)) {
    const v = Number(s);
    return Number.isFinite(v) ? v : undefined;
  }
  return parseZhNumber(s) ?? parseEnNumber(s);
}
