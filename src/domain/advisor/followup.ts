/**
 * Follow-ups such as "那晚上呢？" or "and at night?" mean little alone: retrieval reads them
 * together with the previous question of the conversation.
 */
const ZH_MARKERS = /^(那|那么|那如果|如果|还有|另外|要是|晚上呢|白天呢|那.*呢[？?]?$)/;
const EN_MARKERS = /^(and|what about|how about|what if|also|but what|then|same for|at night|during the day)\b/i;

export function isFollowUp(message: string, locale: 'zh-CN' | 'en'): boolean {
  const m = message.trim();
  if (locale === 'zh-CN') return ZH_MARKERS.test(m) || (m.length <= 8 && /呢[？?]?$/.test(m));
  const words = m.split(/\s+/).length;
  return EN_MARKERS.test(m) || words <= 3;
}

export function retrievalQuery(message: string, previousUser: string | undefined, locale: 'zh-CN' | 'en'): string {
  return previousUser && isFollowUp(message, locale) ? `${previousUser} ${message}` : message;
}
