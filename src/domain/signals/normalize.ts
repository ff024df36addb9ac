/**
 * Text normalisation for signal detection.
 *
 * Users type full-width Latin ("ＡＧＥＮＴ"), Traditional characters (from Taiwan or Hong
 * Kong keyboards: "轉人工", "我快崩潰了"), curly quotes and mixed case. The lexicon is
 * written once, in lower-case half-width Simplified Chinese, and everything is folded into
 * that form first.
 *
 * Traditional→Simplified uses a small table rather than opencc-js at run time: signals run
 * on every chat turn (and on Workers), and we only need the characters that occur in our
 * own cues. A unit test checks with opencc-js that every Traditional form of every cue
 * character is in the table, so the table cannot silently fall behind the lexicon.
 */

/** Pairs of (Traditional, Simplified), concatenated. Generated from the lexicon's own
 *  characters with opencc-js (cn→tw/hk/t, kept only when t→cn maps back). */
const T2S_PAIRS =
  '專专業业東东丟丢兩两個个義义麼么買买亂乱於于產产親亲們们價价優优會会傷伤體体餘余兒儿關关興兴養养冊册寫写衝冲決决減减幾几別别剝剥辦办務务動动勁劲單单賣卖厲厉厭厌雙双發发臺台號号喫吃後后嚇吓嗎吗聽听員员諮咨脣唇團团圖图場场壞坏塊块堅坚處处復复夠够頭头婦妇媽妈嬰婴學学寶宝實实對对導导歲岁崗岗帳帐幫帮幹干牀床庫库應应廢废開开張张當当錄录憂忧態态總总惱恼懼惧憤愤懶懒戶户擔担擇择換换據据搖摇撐撑斷断無无時时機机殺杀來来極极樓楼氣气溝沟沒没淚泪渾浑潰溃滿满點点煩烦燒烧熱热愛爱獨独現现電电瘋疯著着碼码離离種种積积籠笼籤签簡简緊紧線线細细經经綁绑結结給给絕绝統统緒绪維维縮缩網网聯联腎肾腦脑艦舰節节慮虑蝸蜗補补見见覺觉計计訂订討讨讓让講讲證证訴诉話话詢询該该詳详語语說说説说誒诶請请讀读誰谁談谈謝谢譜谱負负責责敗败賬账貨货質质購购貼贴貴贵費费贅赘贊赞車车轉转軟软軲轱輕轻輔辅轆辘過过運运還还這这連连選选遞递郵邮鬱郁裡里裏里針针錢钱鋪铺銷销錯错長长問问悶闷鬧闹陸陆難难靜静頂顶預预領领題题顏颜飯饭飲饮飼饲馬马馴驯驢驴驗验騙骗黃黄';

export const T2S: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const cps = [...T2S_PAIRS];
  for (let i = 0; i + 1 < cps.length; i += 2) m.set(cps[i]!, cps[i + 1]!);
  return m;
})();

/** Longest text we analyse per message. Everything is linear anyway; the cap only bounds
 *  the worst case for a pasted wall of text. Head and tail are kept because a request
 *  ("…转人工") is as likely to close a long message as to open it. */
export const MAX_CHARS = 8000;
const HEAD_CHARS = 6000;

export interface NormalizedText {
  /** Lower-case, half-width, Simplified, whitespace collapsed: for English patterns. */
  spaced: string;
  /** Same with all whitespace removed: for Chinese patterns ("转 人工" → "转人工"). */
  compact: string;
}

export function normalize(raw: string): NormalizedText {
  const text = raw.length > MAX_CHARS ? `${raw.slice(0, HEAD_CHARS)}\n${raw.slice(raw.length - (MAX_CHARS - HEAD_CHARS))}` : raw;
  // NFKC folds full-width ASCII and punctuation (！→!, ，→,, ＡＧＥＮＴ→AGENT) and the
  // ideographic space; emoji are left untouched.
  let s = text.normalize('NFKC').toLowerCase();
  s = s.replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'").replace(/[\u201c\u201d]/g, '"');
  let out = '';
  for (const ch of s) out += T2S.get(ch) ?? ch;
  const spaced = out.replace(/\s+/g, ' ').trim();
  return { spaced, compact: spaced.replace(/\s+/g, '') };
}
