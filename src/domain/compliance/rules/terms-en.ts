import type { Groups, Term, TermSpec } from './model.js';

/**
 * English term groups (US, EU, UK copy). Latin-edged terms match whole words only, so
 * inflections are listed explicitly rather than stemmed: a stemmer would let "treat"
 * (a snack) or "ease" (with ease) through the same door as "treats colic".
 */

const allow: Term[] = [
  'first-time', 'first time', 'first birthday', 'first tooth', 'first steps', 'first bath', 'first food', 'first foods', 'first year',
  'first week', 'first weeks', 'first month', 'first months', 'first bite', 'first smile', 'first word', 'first words',
  'do your best', 'doing your best', 'best practices', 'best practice', 'best before', 'best-before', 'best by', 'best wishes', 'all the best',
  'best friend', 'best friends', 'best way to', 'best time to', 'best to', 'is best', 'what works best', 'works best for you',
  'works best for your', 'best for you and your baby', 'your best guess', 'at best', 'personal best',
  '#1 tip', 'tip #1', '#1 rule', 'rule #1', 'step #1', '#1 question', 'no1 tip', 'tip no1',
  'a treat', 'tasty treat', 'little treat', 'special treat', 'sweet treat', 'treat yourself', 'trick or treat', 'treat time', 'healthy treat',
  'prevent spills', 'prevents spills', 'prevent leaks', 'prevents leaks', 'prevent slips', 'prevents slipping', 'prevent scratches',
  'not sponsored', '#notsponsored', 'not an ad', '#notanad', 'no ads', 'ad-free', 'ad free', 'not a paid', 'not paid',
  'breast is best', 'breastfeeding is best', 'breast milk is best', 'breastmilk is best', 'breastfeeding is the best', 'breast milk is the best',
  'breastmilk is the best', 'breastfeeding is ideal', 'cold water', 'cold weather', 'cold days', 'cold season', 'cold pack',
  'soothing bath', 'soothing lullaby', 'soothing music', 'soothing routine', 'soothing sounds',
  'end of', 'ends up', 'end up', 'stop by', 'stops by', 'fight for', 'no more than',
  'reduce waste', 'reduces waste', 'clears the way',
];

const pu = (t: string): TermSpec => ({ t, kind: 'puffery', sev: 'advisory' });
const r = (t: string): TermSpec => ({ t, kind: 'rank' });
const q = (t: string): TermSpec => ({ t, kind: 'quality' });
const e = (t: string): TermSpec => ({ t, kind: 'efficacy' });

/** Obvious puffery: lawful in US/EU/UK advertising, kept as a reminder only. */
const puffery: Term[] = [pu('best'), pu('the best'), pu('very best'), pu('ultimate'), pu('perfect'), pu('the perfect'), pu('unbeatable')];

const absolute: Term[] = [
  r("world's best"), r('best-selling'), r('bestselling'), r('best seller'), r('bestseller'), r('best-seller'), { t: '#1', kind: 'rank', rep: '' }, { t: 'no1', kind: 'rank', rep: '' },
  r('number one'), r('number 1'), { t: 'top1', kind: 'rank', rep: '' }, r('top-rated'), r('top rated'), r('highest rated'), r('highest-rated'), r('most trusted'),
  r('most recommended'), r('most popular'), r('leading brand'), r('market leader'), r("america's favorite"), r("america's favourite"),
  r("uk's favourite"), r("britain's favourite"), r("europe's favourite"), r("world's first"), r('first-ever'), r('first ever'),
  r('first and only'), r("you'll ever need"), r('will ever need'), r('the only one'), r('the only brand'), r('the only formula'), r('the only bottle'), r('the only diaper'), r('the only nappy'),
  q('safest'), q('the safest'), q('purest'), q('healthiest'), q('gentlest'), q('the gentlest'), q('most natural'), q('most advanced'),
  q('unrivalled'), q('unrivaled'), q('fastest'), q('strongest'), q('softest'), q('driest'), q('thinnest'), q('lightest'), q('cleanest'), q('smartest'),
  q('most absorbent'), q('most comfortable'), q('most durable'), r('the only baby'), r('the only brand'), r('the only monitor'), r('the only stroller'),
  r('the only car seat'), r('the only wipe'), r('the only product'), r('the only pacifier'),
  e('most effective'), e('works best'), e('clinically superior'), e('fastest-acting'), e('fastest acting'), e('fastest relief'),
];

/** Verbs that promise to cure, stop or prevent: a disease claim on any product. */
const verbs: Term[] = [
  'cure', 'cures', 'cured', 'curing', 'treat', 'treats', 'treated', 'treating', 'heal', 'heals', 'healing', 'prevent', 'prevents',
  'prevented', 'preventing', 'prevention of', 'relieve', 'relieves', 'relieved', 'relieving', 'eliminate', 'eliminates', 'eliminating', 'stop',
  'stops', 'stopping', 'end', 'ends', 'ending', 'fight', 'fights', 'fighting', 'combat', 'combats', 'clear', 'clears', 'clearing', 'clears up',
  'get rid of', 'gets rid of', 'say goodbye to', 'goodbye to', 'bye-bye', 'no more', 'banish', 'banishes', 'beat', 'beats', 'protect against',
  'protects against', 'protection against', 'fix', 'fixes', 'remedy', 'remedies', 'helps prevent', 'help prevent', 'helps relieve', 'help relieve',
  'defeat', 'defeats', 'resolve', 'resolves', 'kiss goodbye to', 'free from', 'never again', 'relief for', 'relief from', 'remedy for', 'cure for',
  'treatment for', 'instant relief from',
];
/** Verbs that only soften a condition: on a feeding bottle they describe a design aim, elsewhere still a claim. */
const softVerbs: Term[] = [
  'reduce', 'reduces', 'reducing', 'helps reduce', 'help reduce', 'ease', 'eases', 'easing', 'helps ease', 'help ease', 'anti-', 'cut', 'cuts',
  'calm', 'calms', 'helps with', 'help with', 'lower the risk of', 'lowers the risk of', 'reduce the risk of', 'reduces the risk of', 'minimise',
  'minimize', 'minimises', 'minimizes',
  'soothe', 'soothes', 'soothing', 'helps soothe', 'help soothe',
];

export const enGroups: Groups = {
  'allow.en': [
    ...allow,
    // the FDA supplement disclaimer lists every disease verb in a negated sentence
    'not intended to diagnose, treat, cure, or prevent any disease', 'not intended to diagnose, treat, cure or prevent any disease',
    'has not been evaluated by the food and drug administration', 'have not been evaluated by the food and drug administration',
  ],
  'abs.en': absolute,
  'abs.en.puffery': puffery,

  'ctx.breast.en': ['breast milk', 'breastmilk', 'breastfeeding', 'breast-feeding', 'breastfed', "mother's milk", 'nursing'],
  'ctx.edu.en': [
    'consult', 'see a doctor', 'see your doctor', 'talk to your', 'ask your doctor', 'ask your pediatrician', 'ask your paediatrician',
    'seek medical', 'call your', 'contact your', 'medical advice', 'healthcare provider', 'health care provider', 'health visitor', 'gp',
    'if symptoms', 'if your baby has', 'if your baby shows', 'if your child has', 'speak to your', 'see your gp', 'call 911', 'call 999', 'call 112',
    'signs of', 'symptoms of', 'when to call', 'nhs', 'aap recommends', 'cdc',
  ],
  'ctx.neg.en': [
    'not', 'never', "don't", 'do not', "doesn't", 'does not', 'cannot', "can't", "won't", "isn't", 'is not', 'not intended to', 'avoid',
    'no claims', 'should not', "shouldn't", 'not meant to', 'not designed to', 'will not', 'without', 'unable to', 'against',
  ],
  'ctx.risk.en': ['not recommended', 'not safe', 'are unsafe', 'is unsafe', 'risk', 'risks', 'danger', 'dangerous', 'unsafe', 'hazard', 'sids', 'suffocation', 'never leave', 'back to sleep', 'on their back', 'on the back', 'on his back', 'on her back', 'drown', 'drowning'],
  'ctx.time.en': [...Array.from({ length: 14 }, (_, i) => String(2015 + i)), 'last year', 'this year', '52 weeks', '12 months', 'weeks ending', 'year ending', 'q1', 'q2', 'q3', 'q4'],
  'ctx.place.en': [
    'amazon', 'target', 'walmart', 'costco', 'in the us', 'in the u.s', 'in the uk', 'in europe', 'in the eu', 'category', 'nationally', 'in germany',
    'in france', 'boots', 'tesco', 'sainsbury', 'us retail', 'uk retail', "europe's", 'europe', 'eu5', 'eu', 'uk', "uk's", 'britain', "britain's",
    "america's", 'usa', 'u.s',
  ],
  'ctx.source.en': ['source', 'according to', 'based on', 'data from', 'nielsen', 'circana', 'iri', 'spins', 'kantar', 'euromonitor', 'data on file', 'survey of', 'surveyed', 'study by', 'published in', 'journal', 'et al', 'university', 'randomized', 'randomised'],

  'med.verb.en': verbs,
  'med.verbSoft.en': softVerbs,
  'growth.en': ['grow big and strong', 'grow taller', 'helps growth', 'supports growth', 'healthy growth', 'bigger and stronger', 'stronger bones', 'strong bones', 'growth spurt', 'grow faster'],
  'med.cond.en': [
    { t: 'sore bottom', sev: 'review' }, { t: 'sore bottoms', sev: 'review' },
    // '-prone' describes a skin type a cosmetic may serve; still worth a reviewer's look
    { t: 'eczema-prone', sev: 'review' }, { t: 'eczema prone', sev: 'review' }, { t: 'acne-prone', sev: 'review' }, { t: 'rash-prone', sev: 'review' },
    'colic', 'colicky', 'eczema', 'dermatitis', 'atopic dermatitis', 'reflux', 'acid reflux', 'gerd', 'diaper rash', 'nappy rash', 'rash', 'rashes',
    'constipation', 'diarrhea', 'diarrhoea', 'allergy', 'allergies', 'allergic reactions', 'allergic reaction', 'cold', 'colds', 'the flu', 'flu',
    'fever', 'fevers', 'cough', 'coughs', 'jaundice', 'thrush', 'ear infection', 'ear infections', 'infection', 'infections', 'adhd', 'autism',
    'sids', 'asthma', 'acne', 'teething pain', 'illness', 'illnesses', 'disease', 'diseases', 'sickness', 'psoriasis', 'mastitis',
    'postpartum depression', 'anemia', 'anaemia', 'obesity', 'croup', 'bronchiolitis', 'rsv', 'hand, foot and mouth', 'conjunctivitis', 'pink eye',
    'vomiting', 'eczema flare-ups', 'flare-ups', 'itching', 'inflammation', 'cradle cap', 'stuffy nose', 'congestion', 'cow\'s milk allergy', 'lactose intolerance',
  ],
  'med.after.en': ['relief', 'remedy', 'cure', 'treatment', 'gone', 'cleared up', 'disappeared', 'went away', 'vanished', 'is history', 'no longer', 'stopped', 'healed'],
  'med.cure.en': ['cure rate', 'cures', 'cured', 'success rate', 'effective rate'],
  // boosting / strengthening immunity: no authorised EU/UK claim says this
  'immunity.en': [
    'boosts immunity', 'boost immunity', 'immune boost', 'immune-boosting', 'immunity-boosting', 'boosts the immune system', 'boost the immune system',
    'strengthens the immune system', 'strengthen the immune system', 'strengthen immunity', 'strengthens immunity', 'builds immunity', 'build immunity',
    'stronger immune', 'immunity boost', 'boosting immunity', "boosts your baby's immunity", "boost your baby's immunity", "strengthens your baby's immune",
    'boosts immune', 'boost immune',
  ],
  // supporting immune function: close to authorised wording, needs checking
  'immunity.soft.en': ['supports immunity', 'support immunity', 'immune support', 'supports immune', 'support immune', 'immune health', 'natural defenses', 'natural defences', 'immune defense', 'immune defence', 'supports the immune system', 'support the immune system', 'supports a healthy immune system', 'normal function of the immune system'],
  'formula.claim.en': [
    'brain development', 'brain and eye development', 'brain & eye', 'supports brain', 'brain-building', 'brain building', 'cognitive', 'iq',
    'smarter', 'immune', 'immunity', 'gut health', 'digestive health', 'digestive comfort', 'tummy comfort', 'easy to digest', 'easier to digest',
    'gentle on tummies', 'gentle on tummy', 'no added sugar', 'sugar-free', 'sugar free', 'eye development', 'growth and development', 'visual development',
  ],
  'bms.better.en': ['better than breast milk', 'better than breastmilk', 'better than breastfeeding', 'superior to breast milk', 'beats breast milk'],
  'bms.en': [
    'like breast milk', 'like breastmilk', 'closest to breast milk', 'closest to breastmilk', 'close to breast milk', 'close to breastmilk',
    'closer to breast milk', 'closer to breastmilk', 'inspired by breast milk', 'inspired by breastmilk', 'as good as breast milk',
    'as good as breastmilk', "just like mother's milk", "like mother's milk", "like mom's milk", "like mum's milk", 'humanised', 'humanized',
    'maternalised', 'maternalized', 'replaces breast milk', 'replace breast milk', 'replaces breastfeeding', 'replace breastfeeding',
    'mimics breast milk', 'mimic breast milk', 'mimics breastmilk',
    'breastmilk-like', 'breast-milk-like', "nature's closest", 'modelled on breast milk', 'modeled on breast milk', 'nearly identical to breast milk',
    'just like breastfeeding', 'like breastfeeding', 'breast-like', 'mimics the breast', 'mimics breastfeeding', 'as natural as breastfeeding',
  ],
  'endorse.pro.en': [
    'doctor recommended', 'doctor-recommended', 'doctors recommend', 'recommended by doctors', 'pediatrician recommended', 'pediatrician-recommended',
    'paediatrician recommended', 'paediatrician-recommended', 'pediatricians recommend', 'paediatricians recommend', 'recommended by pediatricians',
    'recommended by paediatricians', 'pediatrician approved', 'pediatrician-approved', 'paediatrician approved', 'doctor approved', 'doctor-approved',
    'dermatologist recommended', 'dermatologist-recommended', 'midwife recommended', 'midwife approved', 'midwife-approved', 'nurse recommended',
    'hospital recommended', 'used in hospitals', 'brand hospitals use', 'hospitals trust', 'recommended by midwives', 'recommended by nurses',
    'recommended by experts', 'expert recommended', 'expert-recommended',
  ],
  'brand.en': [
    'similac', 'enfamil', 'gerber', 'aptamil', 'kendamil', 'bobbie', 'byheart', "earth's best", 'happy baby', 'pampers', 'huggies', 'luvs',
    'honest company', 'philips avent', 'avent', 'tommee tippee', "dr. brown's", 'dr brown', 'comotomo', 'mam baby', 'nuk', 'cetaphil', 'aveeno',
    'mustela', "johnson's", "burt's bees", 'desitin', 'aquaphor', 'waterwipes', 'nestle', 'hipp', 'holle', 'cow & gate', 'cow and gate', 'kabrita',
  ],
  'competitor.generic.en': ['other brands', 'other formulas', 'other bottles', 'other diapers', 'other nappies', 'competitors', 'competitor', 'cheaper brands', 'store brands', 'leading brand', 'the big brands', 'big-name brands', 'most brands', 'many brands', 'conventional diapers', 'regular formula', 'ordinary formula'],
  'disp.neg.en': ['leak', 'leaks', 'leaky', 'fall apart', "don't work", 'cause rashes', 'causes rashes', 'irritate', 'irritating', 'toxic', 'harmful', 'dangerous', 'unsafe', 'inferior', 'worse', 'contaminated', 'poison', 'poisonous', 'junk', 'garbage', 'full of chemicals', 'nasty chemicals', 'cheap fillers', 'rip-off', 'ripoff', 'scam', 'avoid', 'harms', 'hurts babies', 'laced with', 'loaded with'],

  'minor.address.en': ['kids', 'children', 'boys and girls', 'hey kids', 'little ones'],
  'minor.pester.en': [
    'ask your mom to buy', 'ask your mum to buy', 'ask your parents to buy', 'ask mom to buy', 'ask mum to buy', 'ask your dad to buy',
    'tell your mom to buy', 'tell your mum to buy', 'tell your parents to buy', 'get your parents to buy', 'get your mom to buy', 'get your mum to buy',
    'beg your parents', 'tell mom you want', 'tell mum you want', 'ask your parents for', 'kids, ask', 'kids ask your', 'go tell your mom', 'go tell your mum',
  ],
  'sleep.verb.en': ['sleep', 'sleeps', 'sleeping', 'doze', 'dozes', 'dozing', 'doze off', 'nap', 'naps', 'napping', 'snooze', 'snoozes', 'drift off', 'drifts off', 'fall asleep', 'falls asleep', 'nod off'],
  'sleep.prone.en': ['on their tummy', 'on her tummy', 'on his tummy', 'on the tummy', 'on their stomach', 'on her stomach', 'on his stomach', 'on the stomach', 'tummy-down', 'tummy down', 'face down', 'face-down', 'belly down', 'on their front', 'on his front', 'on her front'],
  'minor.unsafe.en': [
    'tummy sleeping', 'stomach sleeping', 'sleep on their tummy', 'sleep on her tummy', 'sleep on his tummy', 'sleep on their stomach',
    'sleep on her stomach', 'sleep on his stomach', 'sleeps on her tummy', 'sleeps on his tummy', 'sleeps better on her tummy', 'sleeps better on his tummy',
    'sleeps better on their tummy', 'sleep better on their tummy', 'sleep better on her tummy', 'sleep better on his tummy', 'sleep better on the tummy',
    'sleep better on their stomach', 'sleeps better on their stomach', 'sleep on the tummy', 'sleep on the stomach', 'face down to sleep', 'alone in the bath', 'alone in the tub', 'unattended in the bath', 'unattended in the tub',
    'leave baby unattended', 'leave your baby unattended', 'hands-free bath', 'inclined sleeper', 'crib bumper', 'crib bumpers', 'cot bumper',
    'cot bumpers', 'sleep positioner', 'sleep positioners', 'pillow for your newborn', 'pillow for newborns', 'weighted sleep sack', 'weighted sleepsuit',
    'step away while', 'leave them in the bath', 'nap in the car seat overnight',
  ],

  'guar.en': [
    'guaranteed results', 'results guaranteed', 'guaranteed to work', 'guaranteed to stop', 'guaranteed to cure', 'guaranteed to end', 'guaranteed to soothe',
    'guaranteed to fix', 'guaranteed to help', 'guaranteed to improve', 'guaranteed to calm', 'guaranteed to reduce', 'guaranteed to prevent',
    'guaranteed relief', '100% effective', '100% safe', '100% guaranteed', 'works every time', 'always works', 'never fails', "money back if it doesn't work",
    'money back if it does not work', "if it doesn't work", 'if it does not work', 'risk-free results', 'zero risk', 'completely safe', 'totally safe',
    'perfectly safe', 'guaranteed to sleep', 'guaranteed sleep', 'guaranteed to make', 'guaranteed safe', 'absolutely safe',
  ],
  'fm.noSideEffect.en': ['no side effects', 'zero side effects', 'without side effects', 'without any side effects', 'side-effect free', 'side effect free', 'side-effect-free', 'no side-effects'],
  'fm.fast.en': [
    ...['1', '2', '3', '5', '7', '10', '14', 'one', 'two', 'three', 'five', 'seven'].flatMap((n) => [`results in ${n} days`, `results in ${n} day`, `in just ${n} days`, `within ${n} days`, `in ${n} nights`]),
    'overnight results', 'works overnight', 'instant results', 'instant relief', 'see results in', 'results overnight', 'works instantly', 'immediate results',
  ],
  'fm.fakeReview.en': [
    '5-star review', '5 star review', 'five-star review', 'five star review', '5-star reviews', 'five-star reviews', 'in exchange for a positive review',
    'in exchange for a good review', 'review for a free', 'positive review and get', 'good review and get', 'review us 5 stars', 'rate us 5 stars',
  ],
  'fm.fda.en': ['fda approved', 'fda-approved', 'approved by the fda', 'fda certified', 'fda-certified', 'fda registered', 'fda-registered'],

  'purchase.en': [
    'link in bio', 'link in my bio', 'use code', 'use my code', 'discount code', 'promo code', 'coupon code', 'coupon', 'percent off', '% off',
    'shop now', 'shop the link', 'swipe up', 'affiliate link', 'affiliate links', 'tap the link', 'click the link', 'link below', 'buy here',
    'buy now', 'shop here', 'get yours', 'order now', 'http', 'www.', '.com', 'amzn.to', 'bit.ly', 'checkout code', 'my code',
  ],
  'adlabel.us': ['#ad', '#ads', '#advertisement', '#sponsored', 'sponsored', 'paid partnership', 'paid partner', 'paid promotion', 'advertisement', 'ad:', '[ad]', '(ad)', 'ad |', '#paid', '#paidpartnership', 'advertising'],
  'adlabel.uk': ['#ad', '#advert', '#advertisement', '#advertising', 'ad:', '[ad]', '(ad)', 'ad |', 'advert', 'advertisement', 'advertising feature', 'advertisement feature', 'paid partnership', 'advertising'],
  'adlabel.uk.weak': ['sponsored', '#sponsored', '#spon', '#sp', '#collab', '#gifted', 'gifted', 'in collaboration with'],
  'adlabel.eu': [
    '#ad', '#ads', '#advertisement', '#sponsored', 'sponsored', 'paid partnership', 'advertisement', 'ad:', '[ad]', '(ad)', 'ad |', 'advertising',
    'werbung', '#werbung', 'anzeige', '#anzeige', 'publicité', '#publicité', 'pubblicità', 'publicidad', 'reklama', 'advertentie', '#adv',
  ],
  'ctx.knowledge.en': ['tips', 'guide', 'how to', 'what to know', 'did you know', 'faq'],
  'ctx.formulaWord.en': ['formula', 'infant milk', 'first milk', 'stage 1', 'stage one'],
};

export function termStringsEn(list: readonly Term[]): string[] {
  return list.map((x) => (typeof x === 'string' ? x : x.t));
}
