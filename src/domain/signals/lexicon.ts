/**
 * Cue lexicon for customer-service signals.
 *
 * Every pattern runs on text that `normalize()` already lower-cased, folded to half-width
 * and converted to Simplified Chinese. Chinese patterns run on the "compact" view (no
 * whitespace, so "转 人工" still matches); English patterns run on the spaced view after
 * keyword typo repair.
 *
 * Patterns must stay linear: no nested quantifiers, and every gap is bounded
 * (`[^…]{0,n}`), so each start position costs a constant amount of work.
 *
 * Most guards below exist because the innocent use of a word is far more common in a
 * parenting chat than the transactional one: 人工喂养 (formula feeding), 退烧 (bringing
 * a fever down), 包裹 (swaddling), "delivery" (childbirth), "in what order", "a person
 * told me".
 */

/** A sentiment cue. `subject`: the feeling may belong to the child ("宝宝很害怕打针",
 *  "my son is scared of the dark"); then it says nothing about the parent's mood. */
export interface SentimentCue {
  re: RegExp;
  /** 0 consumes the words without weight ("no thanks" is neither praise nor complaint). */
  polarity: 1 | 0 | -1;
  subject?: boolean;
}

// ---------------------------------------------------------------------------------------
// user_requested_human
// ---------------------------------------------------------------------------------------

/** Chinese requests for a human agent (compact view). */
export const ZH_HUMAN: RegExp[] = [
  // 转人工 and its commonest typos (转人公, 转仁工); 转接人工, 转到人工.
  /转(?:接)?(?:到|给)?[人仁][工公功攻]/g,
  // 人工 as a request, never as a compound: 人工喂养, 人工授精, 人工呼吸, 人工智能 …
  /(?:找|要|接通?|连线|叫|呼叫|转接|转到|转给|咨询|联系|切换|切到|换成|换|求|请|有|上)[^,。!?;]{0,3}人工(?!喂|授|受|呼吸|合成|流产|色素|甜|香|智能|添加|干预|破膜|剥膜|辅助|关节|晶体|耳蜗|心|肝|肾|泪|奶|草|湖|养|降雨|种植|繁殖|驯化|饲养|培育|选择)/g,
  /人工(?:[客克刻可][服府福夫]|服务|坐席|座席|在吗|在不在|呢|啊|呀|吗|么|[!?])/g,
  /^人工(?:[.。!?~]*)$/g,
  // 客服 with a verb of reaching out, or asking whether it is there / how to reach it.
  // 客服 means the shop's customer-service staff; in a parenting chat its only innocent use
  // is the parent's own job ("我是做客服工作的，怎么背奶"), so any other mention is a
  // request (or a complaint, which is also for a person).
  /(?<!做|当|干|是)客服(?!工作|行业|岗位|专业|经验|这行|的工作)|kefu/g,
  // Pinyin typed by users whose IME is off.
  /zhuanrengong|rengong|kefu|zhenren/g,
  // 真人 — but not 真人秀 (reality show) or 真人版 (live-action version).
  /真人(?!秀|版|尺寸|大小|比例|cs|图)/g,
  /活人/g,
  // "有没有人在？" is a request; "有没有人知道…" is a forum-style question to other parents.
  /有没有人(?=在|啊|呀|吗|呢|回|理|管|[,.。!?]|$)/g,
  /有没有人(?:能|可以)?(?:回复|回一下|回答|理|管)/g,
  /有人(?:在)?(?:吗|么|嘛)/g,
  // Asking for a call back is asking for a person.
  /(?:有没有人|有人|谁)(?:能|可以|会)?(?:接电话|回电话|打电话|联系我|回复我|回我)|给我(?:回|打)(?:个)?电话|(?:回|打)电话给我|电话联系我/g,
  // 能不能让人跟我说 / 派个人来跟我聊 / 叫客服给我回电话
  /(?:让|叫|派|找)(?:个|一个)?(?:人|真人|活人|客服|工作人员|专员)(?:来)?(?:跟|和|给|同)我(?:说|聊|讲|谈|打|回|沟通|联系)/g,
  /(?:找|联系|转|叫|跟|和|同|要|让|请)(?:你们)?(?:的)?(?:工作人员|专员|店员|员工|售后)/g,
  // 想找个人聊聊 / 需要真人说说话
  /(?:想|要|需要)(?:找)?(?:个|一个)?(?:人|真人|活人)(?:聊聊|聊一下|说说话|谈谈|说说)/g,
  // Tired of the bot.
  /(?:不要|不想|别|不跟|不和|受够了?|讨厌)[^,。!?;]{0,4}(?:机器人?|ai|智能客服|自动回复|人工智能)/g,
  // 叫你们经理出来. "找老板请假" must stay innocent, so 你们 is required unless 经理/主管 is asked to come.
  /(?:叫|找|让|要见|见|请)你们(?:的)?(?:经理|主管|负责人|领导|老板)/g,
  /(?:叫|找)(?:经理|主管|负责人)(?:来|出来)/g,
  // A complaint is a request to be heard by a person.
  /投诉/g,
];

/** English head nouns that name a human agent. */
const HEAD =
  String.raw`(?:human beings?|humans?|persons?|people|agents?|representatives?|reps?|operators?|staff members?|staff|team members?|employees?|managers?|supervisors?|customer (?:service|support|care)|support (?:team|staff|person)|service team|live chat|someone|somebody|anyone|anybody)`;
const MOD =
  String.raw`(?:(?:a|an|the|some|your|ur|one of your|any)\s+)?(?:(?:real|live|actual|human|proper|customer|service|support|care|sales|other|living)\s+){0,3}`;
/** Not followed by a hyphen or letter: "a person-centred birth plan" is not a person. */
const NOUN = `${MOD}${HEAD}(?![-\\w'])`;
/** After want/need/get the noun must end the request ("I want a real human."), otherwise
 *  "I need someone to watch my baby" would count. */
const END_OK = String.raw`(?=\s*(?:$|[.!?,;:)]|please\b|pls\b|plz\b|now\b|asap\b|not\b|instead\b|right now|immediately|to\s+(?:talk|speak|chat|help me|answer|call|contact|reply|respond)\b|who\b|on the (?:phone|line)|here\b|from your))`;

export const EN_HUMAN: RegExp[] = [
  new RegExp(String.raw`\b(?:talk|speak|chat|communicate|talking|speaking|chatting)\s+(?:to|with)\s+${NOUN}`, 'g'),
  new RegExp(String.raw`\b(?:connect|transfer|put|pass|forward|hand|route|redirect|escalate)\s+(?:me|us|this|it|my (?:chat|call|case|question))\s+(?:over\s+|through\s+|back\s+)?(?:to|with)\s+${NOUN}`, 'g'),
  new RegExp(String.raw`\b(?:get|give|find|bring|send)\s+me\s+${NOUN}`, 'g'),
  new RegExp(String.raw`\b(?:can|could|may)\s+(?:i|we)\s+(?:please\s+)?(?:get|have|see|reach)\s+${NOUN}${END_OK}`, 'g'),
  new RegExp(String.raw`\b(?:i|we)\s+(?:(?:really|just|only|do|still)\s+)?(?:want|need|wanna|prefer|demand|require)\s+${NOUN}${END_OK}`, 'g'),
  new RegExp(String.raw`\b(?:i|we)(?:'d|\s+would)\s+(?:(?:really|much|just)\s+)?(?:like|prefer|rather have|rather talk to|rather speak to|rather speak with)\s+${NOUN}${END_OK}`, 'g'),
  /\b(?:need|want)\s+(?:a|an)\s+(?:real\s+|live\s+)?(?:human|person|agent|representative)(?=\s*(?:$|[.!?,]|please\b|pls\b|asap\b|now\b))/g,
  new RegExp(String.raw`\bis\s+there\s+(?:a|an|any)\s+(?:real|live|actual|human)\s+${HEAD}`, 'g'),
  /\b(?:is\s+)?(?:any|some)(?:one|body)\s+(?:there|here|around|available|online|real)(?=\s*(?:$|[?!.,]))/g,
  /\b(?:contact|reach|call|phone|email|e-mail|get hold of|get in touch with|ring|message)\s+(?:(?:a|an|the|your)\s+)?(?:real\s+|live\s+|human\s+)?(?:customer\s+(?:service|support|care)|support(?:\s+team)?|service\s+team|agent|representative|operator|human|person|staff|manager|supervisor|someone (?:from|at) your)\b/g,
  /\bcustomer\s+(?:service|support|care)\s+(?:number|phone|email|hotline|contact|line|chat)\b/g,
  /\b(?:live|human|real)\s+(?:agent|representative|rep|operator|support|chat)\b|\blive\s+person\b|\bhuman\s+being\s+please\b/g,
  /\bescalate\b/g,
  // "Can a human look at this?"
  /\b(?:can|could|would|will|may)\s+(?:a|an|some|any)\s+(?:real\s+|actual\s+|live\s+)?(?:human|person|agent|representative|rep|operator|staff member)\s+(?:please\s+)?(?:look|check|help|answer|review|see|read|call|contact|reply|respond|get back)\b/g,
  // "Are there any staff I can talk to?", "a person I could speak with"
  new RegExp(String.raw`${NOUN}\s+(?:that\s+|who\s+)?(?:i|we)\s+(?:can|could|may)\s+(?:talk|speak|chat)\s+(?:to|with)\b`, 'g'),
  // "Can someone from your company call me?", "have an agent contact me".
  /\b(?:can|could|would|will|please have|have|get|need|want)\s+(?:someone|somebody|a (?:real |live )?(?:person|human|agent|representative|rep))\b[^.?!]{0,30}\b(?:call|contact|phone|email|ring|text)\s+me\b/g,
  // Tired of the bot: "not a bot", "stop the bot", "I don't want a robot".
  /\b(?:not|no|stop|quit|enough|done|tired|sick|hate|don't want|do not want|without)\b[^.?!]{0,15}\b(?:bot|robot|chatbot|machine|ai|automated (?:reply|replies|answers?))\b/g,
  // Complaints are requests to be heard by a person.
  /\b(?:file|make|lodge|submit|raise|register|place)\s+(?:a\s+|an\s+)?(?:formal\s+|official\s+)?complaint\b|\bi\s+(?:want|would like|'d like|need|wish)\s+to\s+complain\b|\bcomplaints?\s+(?:department|team|form|process|line)\b|\bhow\s+(?:do|can)\s+i\s+complain\b/g,
];

/** Prefixes that turn "talk to someone" into advice-seeking ("should I talk to someone
 *  about his speech?") rather than a request for an agent. */
export const EN_HUMAN_ADVICE_PREFIX = /\b(?:should|shall)\s+(?:i|we)\s+$|\bwhether\s+to\s+$|\bwhen\s+(?:should\s+i|to)\s+$|\bdo\s+i\s+need\s+to\s+$|\bis\s+it\s+(?:ok|okay|normal|worth it|worth|good)\s+to\s+$|\bhelp\s+(?:my\s+)?\w+\s+$/;

/** Words that may stand alone as a whole message asking for a person ("agent please"). */
export const STANDALONE_HEADS = new Set([
  'agent', 'agents', 'human', 'humans', 'person', 'operator', 'representative', 'rep', 'manager', 'supervisor',
  'staff', 'someone', 'somebody', 'support', 'service',
]);
export const STANDALONE_FILLER = new Set([
  'please', 'pls', 'plz', 'now', 'asap', 'hi', 'hello', 'hey', 'a', 'an', 'the', 'i', 'want', 'need', 'just', 'ok',
  'okay', 'give', 'me', 'get', 'can', 'have', 'to', 'talk', 'speak', 'with', 'chat', 'connect', 'real', 'live',
  'actual', 'customer', 'your', 'us', 'yes', 'thanks', 'thank', 'you', 'already', 'again', 'being',
]);

// ---------------------------------------------------------------------------------------
// out_of_scope: orders, payment, delivery, prices, coupons, invoices, accounts, shop complaints
// ---------------------------------------------------------------------------------------

export const ZH_OUT_OF_SCOPE: RegExp[] = [
  /订单|下单|退单|单号|运单|[下拍买]的单|(?:这|那|该)单(?:能|可以|怎么|什么)|取消[^,。!?;]{0,3}单/g,
  // "奶粉什么时候能到？" — arrival of goods; "宝宝还没到6个月" is excluded by the lookahead.
  /什么时候(?:能|会|可以)?(?:到货|到|发|寄|送到|送来|发出)(?=$|[?,.。!啊呀呢吗])|还没(?:到|收到|发|寄)(?=$|[?,.。!啊呀呢吗])/g,
  // 退款/退货/退钱/退换 — never bare 退 (退烧, 退奶).
  /退款|退钱|退货|退换|换货|售后|差价|保价|保修|质保|维修|三包|换新/g,
  // 想退掉/怎么退/能退吗 — the verb alone, with 退烧/退奶/退热/退出 excluded.
  /(?:想|要|能|可以|怎么|如何|申请|帮我|给我)退(?:掉|回|了|一下)?(?!烧|热|奶|休|步|化|缩|让|出|场|伍|火|黄|疹)/g,
  /付款|支付|扣款|扣钱|扣了钱|扣费|账单|充值/g,
  // 快递 — but 快递员/快递小哥 can scare a baby without any parcel being involved.
  /快递(?!员|小哥|叔叔|阿姨|过来的|来的|寄来的|到的)|物流|发货|配送|到货|运费|包邮|签收|收货|派送|派件|少发|漏发|错发/g,
  /发错(?:了|货|颜色|尺码|型号|款|东西|商品)|(?:收到|到货|快递)[^,。!?;]{0,8}(?:破了|坏了|是坏的|碎了|漏了|有问题)/g,
  /优惠|折扣|打折|满减|满[\d一二两三四五六七八九十百千]{1,5}减|促销|秒杀|返现|团购|拼单|代金券|购物券/g,
  /多少钱|价格|价钱|价位|售价|几块钱|怎么卖|贵不贵|卖(?:多少|几)|多少(?:钱)?一(?:罐|箱|包|盒|瓶|件)|什么价|啥价|活动价|会员价|原价|到手价|活动(?:什么时候|还有没有|还有吗|结束|截止)|大促|双十一|双11|618/g,
  /(?:只|才)收到|少(?:发|寄)了|没(?:有)?收到(?:货|快递|包裹|东西|商品)/g,
  /发票|收据/g,
  /账号|账户|帐号|帐户|登录|登陆|登不上|注册账|密码|验证码|绑定手机|注销/g,
  /会员|积分/g,
  /正品|假货|库存|缺货|补货|有货|现货/g,
  // Complaints about the shop or its goods; 睡眠质量/奶水质量 are parenting topics.
  /(?:你们|你家|店铺|商家|商品|产品)[^,。!?;]{0,6}(?:质量|服务态度|态度)|(?<!睡眠|奶水|母乳|空气|生活|精子|卵子|睡觉|饮食)质量(?:问题|太差|真差|很差|好差|也太差|差劲)/g,
  /(?:改|修改|更改|换)[^,。!?;]{0,2}(?:收货)?地址|收货地址/g,
  // Bought from the shop, or a bought item that is broken: "在你们店买的…掉漆了".
  /(?:你们|你家)(?:的)?(?:店|家店|商城|平台|旗舰店|网店)|在你们(?:这|这里|店|家)?买的|店里买的/g,
  /买(?:的|来的|回来的)[^,。!?;]{0,10}(?:坏了|破了|漏了|掉漆|开裂|裂了|断了|有问题|不能用|用不了|少了|缺了)/g,
];

export const EN_OUT_OF_SCOPE: RegExp[] = [
  /\brefund(?:s|ed|ing)?\b/g,
  // "return" as a transaction, not "return to work" or "return his schedule to normal".
  /\breturn(?:ing|ed)?\s+(?:it|this|them|these|that|(?:the|my|an?|our)\s+(?:item|product|order|purchase|package|parcel))\b/g,
  /\breturns?\s+(?:policy|label|request|window|shipping|form|address)\b|\b(?:make|start|process|request)\s+a\s+return\b/g,
  /\breturn\b[^.?!]{0,40}\b(?:i|we)\s+(?:bought|ordered|purchased|received|got)\b/g,
  /\b(?:exchange|swap)\b[^.?!]{0,30}\b(?:different|another|bigger|smaller)\s+(?:size|colou?r|one)\b/g,
  // Orders — not "in what order", "birth order", "ordering me around", "the doctor ordered tests".
  /\b(?:my|our)\s+orders?\b|\border\s*(?:#|no\.?|number|status|id|history|confirmation|tracking)|\b(?:track|cancel|change|modify|place|placed|amend|edit|update|combine)\s+(?:my\s+|an?\s+|the\s+|this\s+|our\s+)?order\b|\b(?:same|whole|entire|last|previous|recent|first)\s+order\b/g,
  /\b(?:i|we)\s+(?:have\s+|'ve\s+|just\s+|already\s+|recently\s+)?(?:ordered|purchased)\b/g,
  // Delivery of parcels — "delivery" alone is childbirth here.
  /\b(?:package|parcel|order|delivery|shipment|item|items|box|purchase)s?\b[^.?!]{0,25}\b(?:arrive[ds]?|delivered|come|came|shipped|lost|missing|late|delayed|stuck)\b/g,
  /\b(?:hasn't|has not|haven't|have not|wasn't|was not|not yet|never|still not)\s+(?:been\s+)?(?:delivered|shipped|dispatched)\b/g,
  /\b(?:i|we)\s+received\b[^.?!]{0,25}\b(?:cracked|broken|damaged|defective|faulty|missing|wrong|leak\w*|expired|not working)\b|\b(?:item|product|bottle|pump|stroller|monitor|tin|box|package|parcel|one)\s+(?:i|we)\s+(?:received|got|bought|ordered)\s+(?:is|was|came|arrived)\b[^.?!]{0,15}\b(?:cracked|broken|damaged|defective|faulty|missing|wrong|leak\w*|expired|not working)\b/g,
  /\barrived\s+(?:damaged|broken|late|opened|open|dented|cracked|defective|faulty|missing|incomplete|wrong)\b|\b(?:wrong|damaged|defective|faulty|missing)\s+(?:item|items|product|size|parts?|order|package|parcel)\b/g,
  /\b(?:do|does|can|will|would)\s+(?:you|they|the shop|the store)\s+(?:ship|deliver)\b|\bshipped\b|\bshipment\b|\bshipping\s+(?:address|cost|costs|fee|fees|time|times|status|info|details|confirmation|label|option|options|policy)\b|\bfree shipping\b|\bfree delivery\b|\bdelivery (?:costs?|charges?|fees?|options?|times?)\b|\btracking\s+(?:number|info|link|code)\b|\bcourier\b|\bdispatch(?:ed)?\b|\bdelivery\s+(?:status|fee|charge|address|slot|driver|window|tracking|time)\b/g,
  // Money.
  /\bwarrant(?:y|ies)\b|\bcheaper\b[^.?!]{0,20}\b(?:if (?:i|we) (?:buy|order|get)|to (?:buy|order)|from you|here|online|in (?:your|the) (?:shop|store))\b|\bcheapest (?:price|one you (?:have|sell))\b|\bprices?\b|\bpricing\b|\bhow much\b[^.?!]{0,40}\bcosts?\b|\bcost of (?:this|that|the|your)\b/g,
  /\b\d+\s*%\s*off\b|\b(?:off|discount|promo|coupon|voucher|referral)\s+codes?\b|\bcoupons?\b|\bpromo(?:tion(?:al)?)?\s*codes?\b|\bdiscount(?:s|ed)?\b|\bvouchers?\b|\bgift\s*cards?\b|\bcheckout\b|\bon sale\b|\bin stock\b|\bout of stock\b|\brestock/g,
  /\binvoices?\b|\breceipts?\b|\bvat\b/g,
  /\bcharged\s+(?:twice|double|two times|me|my card)\b|\bdouble[- ]charged\b|\bpayments?\b|\bcredit card\b|\bpaypal\b|\bbilling\b|\bpaid for\b|\bsubscription\b/g,
  // Accounts.
  /\bmy account\b|\baccount\s+(?:settings|details|locked|blocked|balance|number|login|password|deleted|access)\b|\b(?:create|delete|close|open|reset|access|log into|login to|log in to|sign into|sign in to)\s+(?:an?\s+|my\s+)?account\b|\blog\s*in\b|\blogin\b|\bsign\s*in\b|\bsign\s*up\s+(?:for\s+)?(?:an?\s+)?(?:account|membership|member)\b|\bpassword\b|\bverification code\b|\busername\b/g,
  /\bmembership\b|\bloyalty\b|\b(?:reward|rewards|member|bonus)\s+points\b|\bpoints balance\b/g,
  // The shop itself.
  /\byour\s+(?:shop|store|company|website|web site|site|warehouse|seller|courier)\b/g,
];

// ---------------------------------------------------------------------------------------
// distress
// ---------------------------------------------------------------------------------------

/** Self-harm or harm-to-baby thoughts. Never negation-filtered: "我不是想死，但是…" is
 *  still worth a human, and over-flagging here costs little. */
export const ZH_SELF_HARM: RegExp[] = [
  /不想活|活不下去|想死|去死|自杀|轻生|跳楼|割腕|伤害自己|结束(?:自己的)?生命|一了百了|死了算了|不如死|离开这个世界|消失算了/g,
  /(?:我|真想|想|好想)[^,。!?;]{0,6}跳下去/g,
  /没有我[^,。!?;]{0,6}(?:更好|更幸福|会好|过得好)/g,
  /伤害(?:宝宝|孩子|他|她|娃)|(?:伤害|掐|摇|摔|扔|打|闷)[^,。!?;]{0,4}(?:的)?(?:念头|想法|冲动)|可怕的念头|不好的念头|坏念头|怕自己(?:会)?(?:做|伤|控制不住)|我好怕自己|控制不住自己/g,
  /想(?:摇晃?|摔|扔|打|掐|捂|闷)[^,。!?;]{0,2}(?:宝宝|孩子|他|她|娃|死)|控制不住(?:自己)?(?:想)?(?:打|摇|掐|摔)|想把(?:宝宝|孩子|他|她|娃)(?:扔|摔|丢|送走)/g,
];

export const EN_SELF_HARM: RegExp[] = [
  /\b(?:want|wanted|wanting|going|thinking about|thought about|thoughts of|plan|planning)\s+(?:to\s+)?(?:die|dying|kill(?:ing)? myself|end(?:ing)? (?:it all|my life|it)|hurt(?:ing)? myself|harm(?:ing)? myself)\b/g,
  /\bkill myself\b|\bend it all\b|\bend my life\b|\bsuicid\w*|\bself[- ]harm\w*|\bhurt(?:ing)? myself\b|\bharm(?:ing)? myself\b|\bcut(?:ting)? myself\b/g,
  /\bbetter off without me\b|\bno reason to live\b|\bdon't want to (?:live|be here|be alive|wake up)\b|\bdo not want to (?:live|be here|be alive|wake up)\b|\bwish i (?:was|were) dead\b|\bwish i wasn't here\b|\b(?:want|wanted|wish i could) to disappear\b|\bwish i could disappear\b|\b(?:run|walk) away and never come back\b/g,
  /\b(?:might|could|going to|want to|afraid i'll|scared i'll|afraid i will|scared i will|urge to|feel like i could)\s+(?:shake|hurt|harm|hit|smother|throw|drop)\s+(?:him|her|them|the baby|my baby|my son|my daughter)\b/g,
  /\bthoughts of (?:hurting|harming|shaking)\b/g,
];

/** Overwhelm, hopelessness, panic. Subject-checked where the phrase could describe the
 *  child ("两岁孩子情绪崩溃" is a toddler meltdown, not a parent in crisis). */
export const ZH_DISTRESS: { re: RegExp; subject?: 'parent' | 'not_child' }[] = [
  { re: /崩溃|奔溃/g, subject: 'not_child' },
  { re: /撑不下去|撑不住|熬不下去|熬不住|扛不住|坚持不下去|顶不住/g },
  { re: /绝望/g },
  { re: /(?:快|要|会|得|真的|简直|被逼)(?:被逼)?疯(?:了|掉)?(?!玩|跑|闹|长|狂)|疯掉|逼疯|发疯/g, subject: 'not_child' },
  // Loneliness words describe children too ("独生子女会不会孤独"): only the parent's own.
  { re: /孤独|无助|孤立无援|寂寞/g, subject: 'parent' },
  { re: /没人帮|没有人帮|一个人扛|只有我一个人|脑子(?:嗡嗡|一片空白|很乱|好乱|乱成)|头(?:都)?(?:要|快)炸了|冷静不下来|静不下心|心跳(?:好|很|特别)?快/g, subject: 'not_child' },
  { re: /受不了了|我受不了|真的受不了|快受不了|实在受不了|再也受不了/g },
  { re: /以泪洗面|忍不住(?:地)?哭|偷偷(?:地)?哭|躲起来哭|想哭/g, subject: 'not_child' },
  // Crying is usually the baby's: count it only when the parent says it is theirs.
  { re: /一直哭|天天哭|每天(?:都)?哭|总是哭|哭了一整天|哭个不停/g, subject: 'parent' },
  { re: /(?:我|自己)(?:好像|可能|是不是|应该是|估计)?(?:得了|有|患了)(?:产后)?抑郁|抑郁了|产后抑郁了/g },
  { re: /后悔生(?:孩子|宝宝|了|他|她|娃)|不想要这个孩子|不想管(?:孩子|他|她|娃)了/g },
  { re: /失败的(?:妈妈|母亲|爸爸|父亲|家长)|不配(?:当|做)(?:妈妈|妈|母亲|爸爸|父母)|(?:差劲|糟糕|没用)的(?:妈妈|妈|母亲|爸爸)/g },
  { re: /好害怕|很害怕|太害怕|害怕极了|吓死(?:我)?了|吓坏了|慌了|慌死了|不知所措|怎么办怎么办|救命|救救我|谁来帮帮我|谁能帮帮我/g, subject: 'not_child' },
  { re: /累赘|拖累(?:大家|家人|家里|你们)|没人在乎我|没人关心我|没人理解我|我是多余的|自己很多余|一无是处|活着(?:好|真|太)?(?:累|没意思|没意义)|心慌|喘不过气|脑子一片空白|手足无措|六神无主|急哭了|慌得不行|不想起床|起不来床|提不起(?:精神|劲|兴趣)|(?:对什么|什么都|对啥)(?:都)?(?:没|没有|提不起)兴趣|情绪(?:很|特别)?低落|心情(?:很|特别)?低落|整个人都(?:懵|傻|蒙|乱|慌|崩)|懵了|吓傻了|不想见人|不想说话|吃不下(?:饭)?(?:也)?睡不着|想逃离|想离家出走|想消失/g, subject: 'not_child' },
  // Physical panic is the parent's only when they say so: "宝宝手在抖" is a medical question.
  { re: /手(?:都|一直|还)?(?:在)?(?:发)?抖|浑身(?:发)?抖|腿都软了/g, subject: 'parent' },
  { re: /什么都不想做|什么感觉都没有|对宝宝没(?:有)?感觉|不爱(?:我的)?(?:宝宝|孩子)|活着没意思|心好累好累|身心俱疲/g },
];

export const EN_DISTRESS: { re: RegExp; subject?: 'parent' }[] = [
  { re: /\bcan(?:'t|not)\s+(?:cope|go on|take (?:it|this|much more)|handle (?:this|it) anymore|do this anymore|do this|keep going|breathe)\b/g },
  { re: /\bfalling apart\b|\bbreaking down\b|\bbreaking point\b|\bend of my (?:rope|tether)\b|\bwits'? end\b|\blosing my mind\b|\bgoing (?:crazy|insane|mad)\b|\bi'?m drowning\b|\bdrowning\b/g },
  { re: /\bhopeless\b|\bdespair\b|\bdesperate\b|\bworthless\b|\bshell of (?:a|my|myself|the)\b|\bnot myself anymore\b|\bdon't recogni[sz]e myself\b|\blost myself\b|\bi'?m (?:just )?a burden\b|\bfeel like a (?:burden|failure|zombie)\b/g },
  { re: /\b(?:going to|gonna|about to)\s+lose it\b|\b(?:i'?m|i am)\s+(?:totally\s+|completely\s+)?losing it\b|\b(?:so|all|completely) alone\b|\balone in this\b|\bfeel (?:so )?(?:alone|lonely)\b|\bso lonely\b/g },
  { re: /\bi (?:don't|do not) think i can (?:do this|keep (?:going|doing this)|cope|go on|handle (?:this|it)|take (?:it|this|much more))\b|\bcan(?:'t|not) keep (?:doing this|going)\b/g },
  { re: /\bi\s+(?:can't|cannot)\s+stop\s+(?:shaking|trembling|panicking)\b|\b(?:i'?m|i am)\s+(?:\w+\s+)?(?:shaking|trembling)\b|\bmy hands (?:are|won't stop) shaking\b/g },
  { re: /\bi'?m not (?:ok|okay|alright|all right|coping|doing (?:well|ok|okay|good))\b|\bi (?:am|was) not (?:ok|okay|coping)\b|\b(?:too much for me|feels? too much|all too much|everything is too much)\b|\bhaven't left the house in\b/g },
  { re: /\bheart (?:is )?(?:racing|pounding)\b|\bcan'?t calm down\b|\bcan'?t think straight\b|\bcan'?t breathe\b|\bpanic attacks?\b/g, subject: 'parent' },
  { re: /\bi (?:cry|keep crying|sob)\b|\bi'?m (?:always |constantly |still |just )?(?:crying|sobbing)\b/g },
  { re: /\b(?:scary|intrusive|dark|horrible|terrible|awful)\s+thoughts\b|\b(?:can't|cannot|won't|don't|doesn't)\s+get out of bed\b/g },
  { re: /\b(?:i'?m|i am|i feel|i'?ve been|feeling|i was)\s+(?:so\s+|really\s+|very\s+|completely\s+|totally\s+|utterly\s+|just\s+)?(?:overwhelmed|helpless|broken|lost|terrified|petrified|panicking|panicked|freaking out|in a panic|falling apart)\b/g },
  { re: /\b(?:i'?m|i am|i feel|i was|i got)\s+(?:so\s+|really\s+|very\s+|absolutely\s+|terribly\s+)?(?:scared|frightened|afraid)\b/g },
  { re: /\bso scared\b|\bscared to death\b|\bpanicking\b|\bfreaking out\b/g, subject: 'parent' },
  { re: /\b(?:terrible|bad|awful|horrible|useless|failure of a|worst)\s+(?:mother|mom|mum|father|dad|parent)\b|\bfailure as a (?:mother|mom|mum|parent|dad)\b|\bi'?m failing (?:her|him|my baby|them)\b/g },
  { re: /\b(?:i|my\s+(?:wife|husband|partner|spouse))(?:'ve| have| has)?\s+(?:been\s+)?(?:crying|cry|cries|cried)\b[^.?!]{0,25}\b(?:every day|everyday|all the time|constantly|nonstop|non-stop|all day|every night|daily|for days|for hours)\b|\bi\s+(?:can't|cannot)\s+stop\s+crying\b|\bi\s+(?:just\s+)?(?:sit|lie|sat|lay|hide)\b[^.?!]{0,30}\bcry/g },
  { re: /\bi\s+(?:haven't|have not|hadn't)\s+slept\s+(?:in|for)\s+(?:\d+|two|three|four|five|six|several|many)\s+(?:days|nights)\b/g },
  { re: /\b(?:feel|feeling|felt)\s+(?:so\s+|completely\s+|totally\s+|just\s+)?(?:numb|empty|nothing)\b|\bdon't feel anything for (?:my|the) baby\b|\bdon't love (?:my|the) baby\b|\bno bond with (?:my|the) baby\b|\bregret having (?:a baby|him|her|kids|children|a child)\b|\bhate my life\b/g },
  { re: /\b(?:nobody|no one|no-one)\s+(?:helps|cares|is helping|is there)\b|\bi'?m (?:so\s+)?alone in this\b|\bi feel so alone\b/g },
];

// ---------------------------------------------------------------------------------------
// failure complaints ("that didn't help", 答非所问) — input to repeated_failure
// ---------------------------------------------------------------------------------------

export const ZH_FAILURE: RegExp[] = [
  // 没用 as "useless", not 没用过/没用完/没用奶瓶 ("haven't used").
  /没(?:有)?(?:什么)?用(?=$|[,.。!?;~]|啊|呀|啦|嘛|呢|吧|哦|的回答|诶|欸)/g,
  /一点用(?:都|也)没有|不管用|没帮助|没有帮助|没帮上|帮不上忙|答非所问|牛头不对马嘴|驴唇不对马嘴|文不对题/g,
  /(?:你)?说(?:的|得)不对|还是不对|完全不对|不对啊|这不对|回答(?:的|得)?不对|(?:还是|依然|仍然|根本|也)(?:不行|没效果|没用|不管用|没改善|没好转)|敷衍|太笼统|不具体|说了半天|车轱辘话|套话|(?:有没有|没|没有)(?:看|听|读)懂|不懂我|没理解我|(?:你|到底)[^,。!?;]{0,4}(?:看懂|听懂|理解)(?:我|了吗|没)|不是我(?:要)?问的|我问的不是|我问的是|没(?:有)?回答|没答到|没解决|说了等于(?:没说|白说)|听不懂我|看不懂你|不理解我|你没懂|你不懂|瞎说|胡说|废话/g,
];

export const EN_FAILURE: RegExp[] = [
  /\byou'?re (?:still |really |just )?not (?:getting|understanding|listening|helping|answering|reading)\b|\byou (?:don't|do not) (?:get|understand) (?:it|me|what)\b|\b(?:that'?s|that is|this is|you'?re|you are) (?:just |totally |completely )?(?:wrong|incorrect|not right|not true)\b/g,
  /\b(?:that|this|your\s+(?:answer|reply|response|advice|suggestion)|you)\s+(?:(?:still|really|just)\s+)?(?:didn't|did not|doesn't|does not|don't|do not|isn't|is not|wasn't|was not|aren't|are not)\s+(?:help|helpful|answer|useful|work|make sense|understand|listen|listening|answering|get it)/g,
  /\bnot\s+(?:(?:very|at all|really|that)\s+)?helpful\b|\bunhelpful\b|\buseless\b|\bpointless\b|\bnot what i (?:asked|meant|wanted)\b|\bnot answering\b|\bdidn't answer\b|\bdid not answer\b|\bdoesn't answer\b|\bnot listening\b|\bwrong answer\b|\birrelevant\b|\bmakes no sense\b|\bi already (?:said|told you|asked)\b|\bi asked (?:if|whether|about|for|how|what|you)\b|\bread my question\b|\bwaste of time\b|\b(?:no|not an?|never got an?) answer\b|\btoo vague\b|\bgeneric answer\b|\bstill (?:doesn't|does not|isn't|not) work/g,
];

// ---------------------------------------------------------------------------------------
// sentiment
// ---------------------------------------------------------------------------------------

export const ZH_SENTIMENT: SentimentCue[] = [
  // Developmental terms, not moods: consumed without weight.
  { re: /分离焦虑|陌生人焦虑/g, polarity: 0 },
  // Longer negatives first in spirit; overlap resolution keeps the longest match anyway.
  { re: /不满意|不满|不开心|开心不起来|高兴不起来|不高兴|不放心|不靠谱|不专业|不好用|不管用/g, polarity: -1 },
  { re: /担心|担忧|害怕|好怕|很怕|我怕|焦虑|着急|急死|紧张|生气|气死|恼火|愤怒|烦死|好烦|很烦|烦躁|心烦|失望|难过|伤心|郁闷|委屈|难受|痛苦|恐惧|吓死|吓坏|揪心|讨厌|崩溃|绝望/g, polarity: -1, subject: true },
  { re: /糟糕|太差|很差|真差|好差|差劲|垃圾|骗子|骗人|坑人|无语|累死|心累|好累|投诉|答非所问|敷衍|笼统|还是不行|还是不对|白说|自己查吧|不指望|指望不上|算了(?=$|[,.。!吧])|不问了|懒得问|胡说|废话|太慢|慢死了|什么破|破玩意|搞什么|气人|受够|心疼|你们经理|你们领导|你们主管/g, polarity: -1 },
  { re: /谢谢|谢啦|谢了|感谢|多谢|3q|太好了|好棒|真棒|太棒|很棒|棒棒|有帮助|帮了大忙|帮大忙|有用(?!吗|么|嘛|不|\?)|明白了|懂了|清楚了|放心了|放心多了|安心了|满意|好厉害|真厉害|太厉害了|给力|很靠谱|真靠谱|很专业|真专业|贴心|完美|解决了(?!吗|么)|很详细|好详细|真详细|太详细|赞一个|点赞|讲得好|说得好|写得好|很全面|很实用|学到了|受教了|有道理|说得对|太对了|好用|爱你|辛苦了/g, polarity: 1 },
  { re: /开心|高兴/g, polarity: 1, subject: true },
];

export const EN_SENTIMENT: SentimentCue[] = [
  // Consumed without weight: a polite decline, and developmental terms that are not moods.
  { re: /\bno,?\s+thanks?\b|\bno thank you\b|\b(?:separation|stranger)\s+anxiety\b/g, polarity: 0 },
  { re: /\bthanks? for nothing\b/g, polarity: -1 },
  { re: /\bangry\b|\bfurious\b|\bmad at\b|\bannoyed\b|\birritated\b|\bfrustrat\w*|\bupset\b|\bdisappoint\w*|\bhate\b|\bworried\b|\bworry\b|\bworrying\b|\bworries\b|\banxious\b|\banxiety\b|\bnervous\b|\bscared\b|\bafraid\b|\bfrightened\b|\bterrified\b|\bpanic\w*|\bconcerned\b|\bstressed\b|\bsad\b|\bdepressed\b|\bmiserable\b|\bdevastated\b|\bheartbroken\b/g, polarity: -1, subject: true },
  { re: /\bhappy\b|\bpleased\b/g, polarity: 1, subject: true },
  { re: /\bawful\b|\bterrible\b|\bhorrible\b|\bworst\b|\bridiculous\b|\bunacceptable\b|\boutrageous\b|\buseless\b|\bpointless\b|\bstupid\b|\brubbish\b|\bgarbage\b|\bsucks\b|\bwaste of time\b|\bscam\b|\brip[- ]?off\b|\bdisgusting\b|\bwtf\b|\bfed up\b|\bsick of\b|\btired of\b|\bexhausted\b|\bcomplain\w*|\bnot what i asked\b|\bnot answering\b|\bdidn't answer\b|\bnot helpful\b|\bunhelpful\b|\byour (?:manager|supervisor)\b|\b(?:speak|talk) (?:to|with) a (?:manager|supervisor)\b|\bforget it\b|\bbad\b|\bworst\b/g, polarity: -1 },
  { re: /\bcan'?t thank you enough\b|\bthanks?\b|\bthank you\b|\bthx\b|\bty\b|\btysm\b|\bappreciate\w*|\bcheers\b|\bhelpful\b|\b(?:that|this|it|you|which)\s+(?:really\s+|definitely\s+)?helped\b|\bhelps a lot\b|\bgreat\b|\bawesome\b|\bperfect\b|\bwonderful\b|\bamazing\b|\bexcellent\b|\bbrilliant\b|\bfantastic\b|\blife ?saver\b|\byou'?re the best\b|\blove (?:it|this|you)\b|\bglad\b|\brelieved\b|\bfeel (?:much |so much |a lot )?better\b|\bmakes sense\b|\bgot it\b|\bgood to know\b|\bvery clear\b|\bso clear\b|\bclear now\b|\bgood answer\b|\buseful\b|\bthanks a (?:million|lot|bunch|ton)\b/g, polarity: 1 },
];

/** Emoji carry the same meaning in both languages; they run once, on the compact view. */
export const EMOJI_SENTIMENT: SentimentCue[] = [
  { re: /😡|😠|😤|😢|😭|😞|😟|😩|😫|😔|💔|👎|🤬|😰|😱|😨|☹/gu, polarity: -1 },
  { re: /👍|😊|🙂|😀|😃|😄|😁|🥰|😍|❤|♥|🙏|💕|👌|🎉|🤗|😘/gu, polarity: 1 },
];

/** Conjunctions after which the clause carries the user's actual stance
 *  ("thanks, but I'm still worried"). */
export const ZH_CONTRAST = /但是|但|可是|不过|然而|只是/g;
export const EN_CONTRAST = /\b(?:but|however|though|although|still)\b/g;

/** Who a feeling belongs to. Partners count with the parent: "我老婆天天哭" and "my
 *  husband is furious" describe the family the customer-service agent would talk to. */
export const ZH_PARENT_SIDE = /生(?:完|了|下)?(?:孩子|宝宝|娃|二胎|老二)|有了(?:孩子|宝宝)|我|自己|老公|老婆|妻子|丈夫|太太|媳妇|爱人|孩子他爸|孩子他妈|孩子爸|孩子妈/g;
export const ZH_THIRD_PARTY = /独生子女|子女|胎儿|胎心|胎宝宝|宝宝|孩子|娃|儿子|女儿|小孩|婴儿|宝|他|她|小朋友|新生儿|幼儿|大宝|二宝|老人|婆婆|妈妈们/g;
export const EN_THIRD_PARTY = new Set([
  'he', "he's", 'she', "she's", 'they', "they're", 'him', 'her', 'baby', "baby's", 'babies', 'son', 'daughter',
  'toddler', 'kid', 'kids', 'child', 'children', 'boy', 'girl', 'twins', 'newborn', 'infant', 'lo', 
  'dog', 'cat', 'who',
]);
export const EN_FIRST_PERSON = new Set(['i', "i'm", 'im', "i've", "i'd", "i'll", 'me', 'myself', 'we', "we're", 'wife', 'husband', 'partner', 'spouse']);
