import { describe, expect, it } from 'vitest';
import { triage, type TriageLevel } from '../../../src/domain/triage/index.js';

/** [rule id expected among the reasons, level, zh-CN message, en message] */
type Case = [string, TriageLevel, string, string];

const CASES: Case[] = [
  // injury & poisoning
  ['injury.choking', 'emergency', '宝宝吃花生噎住了，咳不出声', "my toddler is choking on a sweet and can't breathe"],
  ['injury.button_battery', 'emergency', '孩子把遥控器里的纽扣电池吞了', 'he swallowed a button battery'],
  ['injury.magnets', 'emergency', '儿子吞了两颗磁力珠', 'she swallowed some small magnets'],
  ['injury.poisoning', 'emergency', '孩子偷吃了妈妈的降压药', 'my 2 year old ate some of my blood pressure pills'],
  ['injury.poisoning', 'emergency', '孩子喝了一口洁厕灵', 'he drank some bleach'],
  ['injury.drowning', 'emergency', '孩子在浴缸里溺水了', 'we pulled him out of the pool, he was underwater for a minute'],
  ['injury.burn_serious', 'emergency', '热水洒了，孩子整个后背都烫伤了', 'scalded by boiling water, a large burn across her back'],
  ['injury.burn_significant', 'urgent', '烫到手，起了水泡', "burned her hand on the oven, there's a blister"],
  ['injury.anaphylaxis', 'emergency', '吃了虾以后嘴唇肿了，喘不过气', 'after eating peanuts his lips swelled up and he is wheezing'],
  ['injury.electric_shock', 'emergency', '孩子摸插座被电了一下', 'she got an electric shock from a socket'],
  ['child.unresponsive', 'emergency', '孩子摔下来撞到头，晕过去了', 'she hit her head and was knocked out'],
  ['injury.head_vomiting', 'emergency', '孩子头磕到了，吐了两次', 'he bumped his head and has vomited twice'],
  ['injury.head_drowsy', 'emergency', '撞到头以后一直昏昏欲睡', 'banged her head and is now very drowsy'],
  ['injury.head_under_1y', 'urgent', '8个月宝宝从床上掉下来磕到头', 'my 6 month old rolled off the sofa and hit her head'],
  ['injury.animal_bite', 'urgent', '孩子被狗咬伤了', 'he was bitten by a dog'],
  ['injury.limb_not_used', 'urgent', '孩子摔倒后不肯用右手', "she won't put weight on her leg"],
  // breathing, colour, responsiveness
  ['child.cyanosis', 'emergency', '宝宝嘴唇发紫', 'his lips are turning blue'],
  ['child.breathing_difficulty', 'emergency', '孩子喘不上气', 'she is struggling to breathe'],
  ['child.breathing_difficulty', 'emergency', '宝宝呼吸的时候肋骨之间凹进去', 'the skin is sucking in between his ribs'],
  ['child.breathing_difficulty', 'emergency', '宝宝每次呼气都有呻吟声', 'he is grunting with each breath'],
  ['child.apnoea', 'emergency', '宝宝呼吸暂停了十几秒', 'there are pauses in her breathing'],
  ['child.rr_very_fast', 'emergency', '新生儿呼吸每分钟65次', 'newborn breathing 65 breaths a minute'],
  ['child.unresponsive', 'emergency', '宝宝怎么叫都叫不醒', "I can't wake him up"],
  ['child.floppy', 'emergency', '宝宝浑身软绵绵的', 'my baby is floppy'],
  ['child.weak_cry', 'emergency', '宝宝哭声很弱，像小猫叫', 'she has a weak high-pitched cry'],
  ['child.mottled', 'emergency', '孩子皮肤发花，手脚冰凉', 'his skin is mottled'],
  // seizures in every wording
  ['child.seizure', 'emergency', '孩子抽搐了', 'my son is having a seizure'],
  ['child.seizure', 'emergency', '宝宝抽风了', 'she is fitting'],
  ['child.seizure', 'emergency', '孩子突然抽筋，全身发抖', 'he is convulsing'],
  ['child.seizure', 'emergency', '宝宝高热惊厥了', 'she had a fit'],
  ['child.seizure', 'emergency', '孩子刚才抽了一下，眼睛上翻', 'shaking and unresponsive'],
  // fever, meningitis, sepsis, hydration
  ['child.meningism_fever', 'emergency', '孩子发烧，脖子很硬', 'fever and a stiff neck'],
  ['child.fontanelle_bulging', 'emergency', '宝宝囟门鼓起来了', 'her soft spot is bulging'],
  ['child.rash_nonblanching', 'emergency', '发烧，身上有出血点，按压不褪色', "fever with a rash that doesn't fade when pressed with a glass"],
  ['child.dehydration_drowsy', 'emergency', '宝宝腹泻，8个小时没尿了，很嗜睡', 'no wet nappy for 9 hours and she is very sleepy'],
  ['child.fontanelle_sunken', 'emergency', '宝宝囟门凹陷', 'his fontanelle looks sunken'],
  ['child.fever_5_days', 'urgent', '孩子发烧六天了', 'fever for 6 days in my 4 year old'],
  ['child.rigors', 'urgent', '孩子发烧打寒战', 'shivering uncontrollably with a fever'],
  ['child.stridor_croup', 'urgent', '孩子咳嗽像狗叫一样', 'barking cough and stridor'],
  // gut & jaundice
  ['child.jaundice_first_day', 'urgent', '出生10小时，皮肤发黄', 'baby is 12 hours old and looks yellow'],
  ['child.jaundice_unwell', 'urgent', '新生儿黄疸，吃奶很少', 'jaundiced newborn not feeding well'],
  ['child.bilious_vomit', 'emergency', '孩子吐出绿色的胆汁', 'vomiting green bile'],
  ['child.projectile_vomiting', 'urgent', '宝宝喷射状呕吐', 'projectile vomiting after feeds'],
  ['child.blood_in_stool', 'urgent', '孩子大便里有血', 'blood in his poo'],
  ['child.testicular_pain', 'emergency', '孩子突然说蛋蛋很痛', 'sudden pain in his testicle'],
  // pregnancy
  ['preg.reduced_fetal_movement', 'urgent', '孕30周，胎动明显减少', '32 weeks pregnant and the baby is moving less than usual'],
  ['preg.heavy_bleeding', 'emergency', '怀孕20周，阴道大出血', '20 weeks pregnant and bleeding heavily'],
  ['preg.preeclampsia_severe', 'emergency', '孕34周，头痛得厉害，视物模糊', '34 weeks pregnant, severe headache and blurred vision'],
  ['preg.waters_breaking', 'urgent', '孕33周，破水了', '33 weeks and my waters have broken'],
  ['preg.contractions_preterm', 'urgent', '孕32周，规律宫缩，每8分钟一次', '32 weeks pregnant with regular contractions every 8 minutes'],
  ['preg.severe_abdominal_pain', 'emergency', '孕28周，肚子剧烈疼痛', '28 weeks pregnant with severe abdominal pain'],
  ['preg.fever', 'urgent', '孕期发烧38.6度', 'pregnant with a temperature of 38.6'],
  // after birth
  ['pp.haemorrhage', 'emergency', '产后一周，一小时湿透一片卫生巾', '1 week postpartum and soaking a pad every hour'],
  ['pp.haemorrhage', 'emergency', '产后排出鸡蛋大的血块', 'passing clots bigger than an egg after the birth'],
  ['any.chest_pain', 'emergency', '剖腹产后突然胸痛', 'chest pain since my c-section'],
  ['pp.calf_dvt', 'urgent', '产后小腿红肿疼痛', 'postpartum and my calf is swollen and painful'],
  ['pp.wound', 'urgent', '剖腹产伤口流脓', 'my c-section wound is leaking pus'],
  ['pp.mastitis', 'urgent', '喂奶的乳房红肿，发烧39度', 'breastfeeding with a red hot breast and a fever of 39'],
  ['mh.psychosis', 'emergency', '产后她出现幻觉，胡言乱语', 'since the birth she is hearing voices'],
  // mental health
  ['mh.suicidal_thoughts', 'emergency', '我想自杀', 'I want to kill myself'],
  ['mh.harm_baby_thoughts', 'emergency', '我有伤害孩子的念头', 'I keep having thoughts of hurting my baby'],
  ['mh.low_mood_2_weeks', 'routine', '产后情绪低落已经三周了', 'I have felt down for 3 weeks since the birth'],
  // routine
  ['child.milestones', 'routine', '孩子18个月了还不会走路', 'my 2 year old only says 2 words'],
  ['child.milestones', 'routine', '孩子以前会说的话现在都不说了', 'she stopped talking and has lost words'],
  ['child.cough_3_weeks', 'routine', '孩子咳嗽一个多月了', 'my son has had a cough for 5 weeks'],
  ['child.eczema_uncontrolled', 'routine', '湿疹反复，擦保湿霜也没用', 'eczema keeps flaring despite moisturiser'],
];

describe('every red-flag family fires in both locales', () => {
  it.each(CASES)('%s (%s): %s / %s', (id, level, zh, en) => {
    for (const [message, locale] of [
      [zh, 'zh-CN'],
      [en, 'en'],
    ] as const) {
      const r = triage({ message, locale });
      expect(r.level, message).toBe(level);
      expect(r.reasons.map((x) => x.code), message).toContain(id);
      expect(r.locale).toBe(locale);
    }
  });
});

describe('age thresholds (NICE NG143)', () => {
  it('38 °C at 2 months is an emergency; at 2 years on its own it is not', () => {
    expect(triage({ message: '宝宝2个月，体温38度' }).level).toBe('emergency');
    expect(triage({ message: 'my 2 month old has a temperature of 38.0' }).level).toBe('emergency');
    expect(triage({ message: '孩子2岁，体温38度，玩得很好' }).level).not.toBe('emergency');
    expect(triage({ message: 'my 2 year old has a temperature of 38.0 and is playing' }).level).not.toBe('emergency');
  });

  it('uses the profile age when the message has none', () => {
    expect(triage({ message: '发烧38.3度', child: { ageMonths: 2 } }).level).toBe('emergency');
    expect(triage({ message: 'fever of 38.3', child: { ageMonths: 24 } }).level).not.toBe('emergency');
    expect(triage({ message: '发烧38.1', child: { birthDate: '2025-01-10' }, today: '2025-02-20' }).level).toBe('emergency');
    expect(triage({ message: '发烧38.1', child: { birthDate: '2024-01-10' }, today: '2025-02-20' }).level).not.toBe('emergency');
  });

  it('3–6 months ≥ 39 °C is urgent, below that it is not urgent', () => {
    expect(triage({ message: '宝宝4个月，发烧39.2度' }).level).toBe('urgent');
    expect(triage({ message: 'my 5 month old has a temp of 102.5F' }).level).toBe('urgent');
    expect(triage({ message: '宝宝4个月，体温38.4，精神好' }).level).toBe('routine');
  });

  it('fast breathing thresholds follow age', () => {
    expect(triage({ message: '9个月宝宝呼吸每分钟55次' }).level).toBe('urgent');
    expect(triage({ message: '9个月宝宝呼吸每分钟45次' }).level).toBe('self_care');
    expect(triage({ message: 'my 2 year old is breathing 45 times a minute' }).level).toBe('urgent');
    expect(triage({ message: '3 week old breathing 62 times a minute' }).level).toBe('emergency');
  });

  it('two amber signs under 3 months make an emergency; at 9 months they stay urgent', () => {
    expect(triage({ message: '宝宝6周，吃奶很少，尿也少了' }).level).toBe('emergency');
    expect(triage({ message: '宝宝9个月，吃奶很少，尿也少了' }).level).toBe('urgent');
  });

  it('fever with lethargy and poor feeding in an infant is an emergency', () => {
    expect(triage({ message: '宝宝5个月，发烧38.6，一直睡，不吃奶' }).level).toBe('emergency');
    expect(triage({ message: '9 month old with a fever, lethargic and not feeding' }).level).toBe('emergency');
  });
});
