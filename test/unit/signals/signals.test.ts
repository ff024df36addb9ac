import { describe, expect, it } from 'vitest';
import { detectSignals, outOfScopeReply, type SignalInput } from '../../../src/domain/signals/index.js';

const reasonOf = (message: string, history?: SignalInput['history']) => detectSignals({ message, history }).handoff.reason;
const handoff = (message: string) => detectSignals({ message }).handoff.recommended;
const sentiment = (message: string) => detectSignals({ message }).sentiment.label;
const distress = (message: string) => detectSignals({ message }).sentiment.distress;

const down = (text: string) => ({ role: 'assistant' as const, text, feedback: 'down' as const });
const up = (text: string) => ({ role: 'assistant' as const, text, feedback: 'up' as const });
const a = (text: string) => ({ role: 'assistant' as const, text });
const u = (text: string) => ({ role: 'user' as const, text });

describe('a request for a person', () => {
  it.each([
    '转人工',
    '人工',
    '人工客服',
    '找客服',
    '我要真人',
    '有没有人？',
    '有人在吗',
    '能不能让人跟我说',
    '叫你们经理过来',
    '转 人 工', // spaces between characters
    '转仁工', // homophone typo
    '人工克服', // IME typo of 客服
    '轉人工', // Traditional
    '請幫我轉接客服',
    '别再用机器人回我了',
    '给我回个电话',
    'zhuan rengong',
  ])('zh: %s', (m) => {
    expect(reasonOf(m)).toBe('user_requested_human');
  });

  it.each([
    'talk to a person',
    'Can I speak to someone please?',
    'representative',
    'OPERATOR!!',
    'can I get a human',
    'live agent',
    'I want a real person',
    "I'd like to speak with a customer service rep",
    'put me through to a supervisor',
    'agent pls',
    'tlak to a humen', // typos
    'i want to talk to a reel persn',
    'Ｈｕｍａｎ ｐｌｅａｓｅ', // full-width
    "I'm done with this bot",
    'Can someone from your team call me?',
  ])('en: %s', (m) => {
    expect(reasonOf(m)).toBe('user_requested_human');
  });

  it('投诉 and "file a complaint" ask for a person and are negative', () => {
    for (const m of ['我要投诉你们', 'I want to file a complaint']) {
      const s = detectSignals({ message: m });
      expect(s.handoff.reason).toBe('user_requested_human');
      expect(s.sentiment.label).toBe('negative');
    }
  });

  it.each([
    'my human baby sleeps 2 hours at a time, is that normal?',
    'A person at the clinic told me to stop swaddling',
    'Should I talk to someone about his speech delay?',
    'How do I talk to my toddler about the new baby?',
    'Can I use a numbing agent on his gums?',
    'I need someone to watch my baby for an hour, is a 12-year-old ok?',
    'I want a person-centred birth plan',
    'my daughter treats her doll like a real human',
    "I don't need a human, just tell me how much milk",
    '人工喂养的宝宝一次喝多少？',
    '人工授精的宝宝产检有什么不同',
    '想学婴儿人工呼吸',
    '有没有人知道湿疹用什么霜',
    '有没有人跟我一样宝宝不爱喝水',
    '家里有人感冒能喂奶吗',
    '宝宝一岁还不会叫人',
    '不用转人工，我自己看看就行',
    '我是做客服工作的，产假结束后怎么背奶',
  ])('not a request: %s', (m) => {
    expect(handoff(m)).toBe(false);
  });
});

describe('out-of-scope shop questions', () => {
  it.each([
    '我的订单什么时候发货',
    '怎么申请退款',
    '奶粉买错了想退货',
    '快递到哪了',
    '这个多少钱',
    '优惠券用不了',
    '怎么开发票',
    '登录不了，忘记密码',
    '会员积分怎么用',
    '在你们店买的奶瓶漏水',
    '訂單取消了嗎', // Traditional
    'Where is my order?',
    'How do I get a refund?',
    'I want to return the carrier I bought',
    'My package has not been delivered',
    "What's the price of the sterilizer?",
    'My coupon code does not work',
    'I need an invoice',
    "I can't log in to my account",
    'How many loyalty points do I have?',
    'Do you ship to Canada?',
  ])('%s', (m) => {
    expect(reasonOf(m)).toBe('out_of_scope');
  });

  it.each([
    '我买哪种奶瓶比较好？',
    '新生儿需要买哪些东西',
    '辅食添加的顺序是什么',
    '宝宝发烧怎么退烧',
    '断奶怎么退奶',
    '襁褓包裹宝宝安全吗',
    '快递员一敲门宝宝就哭',
    '订了月子中心，产后多久能洗头',
    '宝宝一天喝多少奶',
    '我想预约儿科医生',
    'In what order should I introduce foods?',
    'Does birth order affect personality?',
    'Is a $300 stroller worth it?',
    'How do I sign up for swimming lessons for babies?',
    'Which is cheaper long-term, cloth or disposable diapers?',
    'What should I buy for a first aid kit for a newborn?',
    'How long after a C-section delivery can I drive?',
    'When can I return to work and keep breastfeeding?',
    'The pediatrician ordered blood tests, what do they mean?',
    'How do I account for adjusted age?',
    "My milk hasn't come in yet, is that normal?",
  ])('in scope: %s', (m) => {
    expect(handoff(m)).toBe(false);
  });

  it('the pointer exists in both locales and sends the parent to customer service', () => {
    expect(outOfScopeReply('zh-CN')).toMatch(/客服/);
    expect(outOfScopeReply('en')).toMatch(/customer service/i);
    expect(outOfScopeReply('zh-CN')).not.toBe(outOfScopeReply('en'));
  });
});

describe('distress', () => {
  it.each([
    '我真的要崩溃了',
    '我撑不下去了',
    '好绝望',
    '孩子一直闹，我快疯了',
    '我每天都一直哭',
    '受不了了',
    '我快崩潰了', // Traditional
    '感觉自己是个失败的妈妈',
    '有时候想从楼上跳下去',
    "I can't cope anymore",
    "I'm so scared, she's not breathing right",
    'I feel hopeless',
    "I've been crying every day",
    "I'm at the end of my rope",
    'everyone would be better off without me',
    "I'm scared I might shake him",
  ])('%s', (m) => {
    const s = detectSignals({ message: m });
    expect(s.sentiment.distress).toBe(true);
    expect(s.sentiment.label).toBe('negative');
    expect(s.handoff).toEqual({ recommended: true, reason: 'distress' });
  });

  it.each([
    '宝宝一直哭怎么办', // the baby cries, not the parent
    '两岁孩子情绪崩溃怎么处理', // a toddler meltdown
    '宝宝很害怕打针',
    '宝宝受不了奶瓶的奶嘴',
    '独生子女会不会很孤独',
    '孩子玩疯了不肯睡觉',
    'My baby cries all the time in the evening',
    'My son is scared of the dark',
    'How do I handle tantrums without losing it?',
    "My baby's hands shake when she cries, is that normal?",
  ])('the child, not the parent: %s', (m) => {
    expect(distress(m)).toBe(false);
  });

  it('self-harm is flagged even when the sentence is negated', () => {
    expect(distress("I'm not saying I want to kill myself, but")).toBe(true);
    expect(distress('我不是想死，就是好累')).toBe(true);
  });

  it('other distress words are negation-aware', () => {
    expect(distress('我没有崩溃，只是问问')).toBe(false);
    expect(distress("I'm not overwhelmed, just curious")).toBe(false);
  });
});

describe('reason priority: human > distress > out of scope > repeated failure', () => {
  const twoDowns = [u('q1'), down('a1'), u('q2'), down('a2')];
  it('an explicit request beats distress, shop and failure', () => {
    expect(reasonOf('我快崩溃了，转人工', twoDowns)).toBe('user_requested_human');
    expect(reasonOf("I'm so overwhelmed, let me talk to a real person")).toBe('user_requested_human');
    expect(reasonOf('退款还没到，我要投诉')).toBe('user_requested_human');
  });
  it('distress beats the shop', () => {
    expect(reasonOf("I'm at breaking point, my order never arrived")).toBe('distress');
    expect(detectSignals({ message: '我快崩溃了，订单还没发货' }).sentiment.distress).toBe(true);
    expect(reasonOf('我快崩溃了，订单还没发货')).toBe('distress');
  });
  it('the shop beats repeated failure', () => {
    expect(reasonOf('那我的退款呢', twoDowns)).toBe('out_of_scope');
    expect(reasonOf('then where is my refund?', twoDowns)).toBe('out_of_scope');
  });
});

describe('repeated failure from the history', () => {
  it('two thumbs-down in a row', () => {
    expect(reasonOf('那到底能不能吃？', [u('宝宝能吃蜂蜜吗'), down('…'), u('我问的是一岁'), down('…')])).toBe('repeated_failure');
    expect(reasonOf('so can she or not?', [u('honey?'), down('…'), u('at 10 months'), down('…')])).toBe('repeated_failure');
  });

  it('a thumbs-down followed by an upvoted answer is not repeated failure', () => {
    expect(handoff('好的')).toBe(false);
    expect(reasonOf('ok, and at night?', [u('q'), down('a1'), u('q2'), up('a2')])).toBeUndefined();
  });

  it('one complaint is not enough, the second one is', () => {
    expect(reasonOf('答非所问')).toBeUndefined();
    expect(reasonOf("that's not what I asked")).toBeUndefined();
    expect(reasonOf('还是答非所问', [u('q'), a('a1'), u('没用'), a('a2')])).toBe('repeated_failure');
    expect(reasonOf("you're not answering my question", [u('q'), a('a1'), u("that's not what I asked"), a('a2')])).toBe(
      'repeated_failure',
    );
  });

  it('a complaint plus a thumbs-down on the next answer counts as two failed answers', () => {
    expect(reasonOf('宝宝还是不睡', [u('q'), a('a1'), u('没用'), down('a2')])).toBe('repeated_failure');
  });

  it('"没用过" (have not used) is not a complaint', () => {
    expect(reasonOf('我没用过吸奶器，怎么用', [u('q'), a('a1'), u('没用'), a('a2')])).toBeUndefined();
  });

  it('ignores malformed history turns instead of throwing', () => {
    const history = [null, 42, { role: 'system', text: 'x' }, { role: 'user' }, down('a')] as unknown as SignalInput['history'];
    expect(() => detectSignals({ message: 'hi', history })).not.toThrow();
    expect(reasonOf('hi', history)).toBeUndefined();
  });
});

describe('sentiment', () => {
  it.each([
    ['谢谢，讲得很清楚', 'positive'],
    ['太好了，宝宝终于睡了', 'positive'],
    ['多谢👍', 'positive'],
    ['Thanks, that helped!', 'positive'],
    ['that helped 😊', 'positive'],
    ['Not bad, actually helpful', 'positive'],
    ['对回答不满意', 'negative'],
    ['不太满意', 'negative'],
    ["I'm not happy with this", 'negative'],
    ['我很担心宝宝的体重', 'negative'],
    ['Should I be worried about this rash?', 'negative'],
    ['谢谢，但我还是很担心', 'negative'],
    ["Thanks, but I'm still worried", 'negative'],
    ['This is ridiculous', 'negative'],
    ['我没有不开心，只是问问', 'neutral'],
    ["Don't worry, I'm just asking about naps", 'neutral'],
    ['宝宝几个月可以吃蛋黄', 'neutral'],
    ['When do babies get stranger anxiety?', 'neutral'],
    ['宝宝分离焦虑怎么办', 'neutral'],
    ["I'm not sure, thanks", 'positive'],
    ['No thanks', 'neutral'],
    ['My toddler gets frustrated when he cannot reach things', 'neutral'],
  ] as const)('%s → %s', (m, label) => {
    expect(sentiment(m)).toBe(label);
  });
});

describe('locale', () => {
  it('detection does not depend on the declared locale (parents mix languages)', () => {
    expect(detectSignals({ message: 'agent please', locale: 'zh-CN' }).handoff.reason).toBe('user_requested_human');
    expect(detectSignals({ message: '转人工', locale: 'en' }).handoff.reason).toBe('user_requested_human');
  });
});
