/**
 * Redacts personal data from free text before it is stored, logged or sent to a model:
 * Chinese ID numbers, phone numbers, e-mail addresses and self-introduced names.
 * Patterns are linear (no nested quantifiers) and ordered so that an 18-digit ID number
 * is not half-eaten by the phone pattern first.
 */
export interface Redaction {
  text: string;
  /** Kinds of data found, for audit and metrics; never the values. */
  found: ('id_number' | 'phone' | 'email' | 'name')[];
}

const RULES: { kind: Redaction['found'][number]; re: RegExp; label: string }[] = [
  { kind: 'email', re: /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24}/g, label: '[email]' },
  // 18-digit resident ID (last may be X) and the old 15-digit form
  { kind: 'id_number', re: /(?<![0-9])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9])/g, label: '[id]' },
  { kind: 'id_number', re: /(?<![0-9])[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9])/g, label: '[id]' },
  // mainland mobiles, with optional +86 and spaces or dashes between groups
  { kind: 'phone', re: /(?:\+?86[ -]?)?(?<![0-9])1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?![0-9])/g, label: '[phone]' },
  // landlines and international numbers written with a + or area code
  { kind: 'phone', re: /(?<![0-9])(?:0\d{2,3}-\d{7,8}|\+\d{1,3}[ -]?\(?\d{1,4}\)?(?:[ -]?\d{2,4}){2,4})(?![0-9])/g, label: '[phone]' },
  { kind: 'phone', re: /(?<![0-9])\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?![0-9])/g, label: '[phone]' },
  // "我叫王小明" / "我的名字是…" / "本人李娜": up to 4 Han characters after the phrase
  { kind: 'name', re: /(我叫|我的名字[是叫]|名字[是叫]|本人是?|我是)([\u4e00-\u9fa5]{2,4})(?=[，,。.！!？?\s]|$)/g, label: '$1[name]' },
  { kind: 'name', re: /\b([Mm]y name is|[Mm]y name's|I am called|I'm called)\s+([A-Z][a-z]{1,20})(?:\s+[A-Z][a-z]{1,20})?/g, label: '$1 [name]' },
  { kind: 'name', re: /\b(name\s*[:：])\s*[^\s,.;]{1,40}(?:\s[^\s,.;]{1,40})?/gi, label: '$1 [name]' },
];

// "我是新手妈妈" is a role, not a name: these words after 我是 are left alone.
const NOT_A_NAME = /^(新手|宝妈|宝爸|妈妈|爸爸|孕妇|二胎|第一次|一个|一名|一位|家长|奶奶|外婆|姥姥|爷爷)/;

export function redactPersonalData(input: string): Redaction {
  let text = input;
  const found = new Set<Redaction['found'][number]>();
  for (const r of RULES) {
    text = text.replace(r.re, (...args: unknown[]) => {
      const match = args[0] as string;
      if (r.kind === 'name' && typeof args[2] === 'string' && NOT_A_NAME.test(args[2])) return match;
      found.add(r.kind);
      return r.label.replace('$1', typeof args[1] === 'string' ? args[1] : '');
    });
  }
  return { text, found: [...found] };
}
