/**
 * The pointer shown instead of an answer when a question is about the shop rather than
 * about the child. The advisor has no access to orders, payments or accounts, so any
 * specific answer would be invented.
 */
export type SignalLocale = 'zh-CN' | 'en';

const OUT_OF_SCOPE_REPLY: Record<SignalLocale, string> = {
  'zh-CN':
    '订单、物流、退换货、价格优惠、发票和账户这类问题我这里查不到，为免给你不准确的信息，请联系店铺的在线客服，他们可以直接帮你处理。育儿方面的问题随时可以问我。',
  en: "I can't look up orders, deliveries, refunds, prices, invoices or accounts, and I'd rather not guess. The shop's customer service team can check this for you directly. Any parenting questions, I'm happy to help.",
};

export function outOfScopeReply(locale: SignalLocale): string {
  return OUT_OF_SCOPE_REPLY[locale] ?? OUT_OF_SCOPE_REPLY['zh-CN'];
}
