/**
 * Food allergies across siblings. When one child in the family has a known food
 * allergy and a parent asks about food for any child, the advisor adds a short notice:
 * keep the allergen away from the allergic child, and ask the paediatrician rather than
 * guess about introducing it to the sibling (current guidance does not ask siblings to
 * delay allergens as a rule, so the notice must not say "avoid it").
 */
import { toSimplifiedChars } from '../stage/index.js';
import type { Locale } from './data.js';

interface Allergen {
  key: string;
  label: Record<Locale, string>;
  /** Chinese terms match as substrings; Latin terms as whole words. */
  terms: string[];
}

export const ALLERGENS: readonly Allergen[] = [
  { key: 'peanut', label: { 'zh-CN': '花生', en: 'peanut' }, terms: ['花生', 'peanut', 'peanuts', 'groundnut', 'groundnuts'] },
  { key: 'egg', label: { 'zh-CN': '鸡蛋', en: 'egg' }, terms: ['鸡蛋', '鸭蛋', '鹌鹑蛋', '蛋黄', '蛋清', '蛋羹', '蒸蛋', '蛋糕', 'egg', 'eggs'] },
  {
    key: 'milk',
    label: { 'zh-CN': '牛奶', en: 'milk' },
    terms: ['牛奶', '牛乳', '奶制品', '乳制品', '酸奶', '奶酪', '芝士', '奶粉', '配方奶', 'milk', "cow's milk", 'dairy', 'cheese', 'yogurt', 'yoghurt', 'formula'],
  },
  {
    key: 'shellfish',
    label: { 'zh-CN': '海鲜（虾蟹贝类）', en: 'shellfish' },
    terms: ['海鲜', '虾', '蟹', '贝类', '扇贝', '牡蛎', '生蚝', '蛤蜊', 'shellfish', 'seafood', 'shrimp', 'shrimps', 'prawn', 'prawns', 'crab', 'lobster', 'oyster', 'oysters', 'mussel', 'mussels', 'clam', 'clams'],
  },
  { key: 'fish', label: { 'zh-CN': '鱼', en: 'fish' }, terms: ['鱼', 'fish', 'salmon', 'cod', 'tuna'] },
  {
    key: 'tree_nut',
    label: { 'zh-CN': '坚果', en: 'tree nuts' },
    terms: ['坚果', '核桃', '杏仁', '腰果', '榛子', '开心果', '碧根果', '夏威夷果', 'tree nut', 'tree nuts', 'nut', 'nuts', 'walnut', 'walnuts', 'almond', 'almonds', 'cashew', 'cashews', 'hazelnut', 'hazelnuts', 'pistachio', 'pistachios', 'pecan', 'pecans'],
  },
  { key: 'wheat', label: { 'zh-CN': '小麦', en: 'wheat' }, terms: ['小麦', '面粉', '麸质', 'wheat', 'gluten'] },
  { key: 'soy', label: { 'zh-CN': '大豆', en: 'soy' }, terms: ['大豆', '黄豆', '豆浆', '豆腐', 'soy', 'soya', 'tofu'] },
  { key: 'sesame', label: { 'zh-CN': '芝麻', en: 'sesame' }, terms: ['芝麻', 'sesame', 'tahini'] },
];

/** Words that put a question on the subject of food, whatever the food. */
const FOOD_TERMS = [
  '辅食', '食物', '零食', '食谱', '饮食', '吃饭', '吃东西', '吃什么', '能吃', '可以吃', '能不能吃', '给宝宝吃', '给孩子吃', '喂饭', '添加', '米粉', '果泥', '菜泥', '过敏原', '食物过敏',
  'food', 'foods', 'solids', 'eat', 'eating', 'eats', 'snack', 'snacks', 'meal', 'meals', 'recipe', 'recipes', 'weaning', 'puree', 'purees', 'finger food', 'finger foods', 'allergen', 'allergens', 'feed', 'feeding',
];

const LATIN = /^[\x20-\x7e]+$/;

function fold(s: string): string {
  return toSimplifiedChars(s).toLowerCase();
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function mentions(text: string, term: string): boolean {
  if (!LATIN.test(term)) return text.includes(term);
  return new RegExp(`(?<![a-z])${escapeRe(term)}(?![a-z])`).test(text);
}

/** The known allergen a free-text allergy names ("花生过敏", "Peanuts"), if any. */
export function canonicalAllergen(allergy: string): Allergen | undefined {
  const a = fold(allergy.trim());
  return ALLERGENS.find((x) => x.terms.some((t) => mentions(a, t)));
}

/** Trims, drops empties and case-insensitive duplicates, keeping the first spelling. */
export function normaliseAllergies(list: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of list) {
    const a = raw.trim().replace(/\s+/g, ' ');
    if (!a) continue;
    const k = fold(a);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(a);
  }
  return out;
}

/**
 * A one-paragraph notice when `question` is about food (or names one of the family's
 * allergens, in either language) and the family has known allergies; otherwise null.
 */
export function allergyNotice(allergies: readonly string[], question: string, locale: Locale): string | null {
  const list = normaliseAllergies(allergies);
  if (list.length === 0) return null;
  const q = fold(question);

  const named = list.map((a) => ({ raw: a, allergen: canonicalAllergen(a) }));
  const hits = named.filter(({ raw, allergen }) => (allergen ? allergen.terms.some((t) => mentions(q, fold(t))) : mentions(q, fold(raw))));
  const aboutFood = hits.length > 0 || FOOD_TERMS.some((t) => mentions(q, t)) || ALLERGENS.some((x) => x.terms.some((t) => mentions(q, fold(t))));
  if (!aboutFood) return null;

  const label = (n: (typeof named)[number]) => (n.allergen ? n.allergen.label[locale] : n.raw);
  const all = [...new Set(named.map(label))];
  const hit = [...new Set(hits.map(label))];
  if (locale === 'zh-CN') {
    const known = `提醒：家里有孩子对${all.join('、')}过敏`;
    const lead = hit.length ? `${known}，你问到的${hit.join('、')}正是其中之一。` : `${known}。`;
    return `${lead}准备这类食物时，注意别让过敏的孩子接触到（包括共用的餐具和手上的残留）。兄弟姐妹有过敏，这个孩子不一定也会过敏，一般不必因此推迟引入；拿不准怎么安排时，先问儿科医生。`;
  }
  const known = `Note: a child in your family is allergic to ${all.join(', ')}`;
  const lead = hit.length ? `${known}, and your question mentions ${hit.join(', ')}.` : `${known}.`;
  return `${lead} When preparing it, keep it away from the allergic child (shared utensils and traces on hands count). A sibling's allergy does not mean this child will have one, and it is not usually a reason to delay introducing the food; if you are unsure how to go about it, ask your paediatrician first.`;
}
