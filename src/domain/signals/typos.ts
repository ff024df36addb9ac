/**
 * Repair of typos in the few English words that carry a request for a person
 * ("can i tlak to a humen", "reel person", "represenative").
 *
 * Only these keywords are repaired, and only into themselves, so an unrelated word can at
 * worst become a keyword that still needs the rest of a request pattern around it to
 * count ("steak to a person" is harmless). Short keywords get an explicit list instead of
 * edit distance because distance 1 from "talk" or "real" hits common words (walk, read).
 */

const EXPLICIT: Record<string, string> = {
  tlak: 'talk', takl: 'talk', tak: 'talk', tallk: 'talk', taalk: 'talk', tlk: 'talk', talke: 'talk',
  spek: 'speak', speek: 'speak', speack: 'speak', spaek: 'speak', speakk: 'speak',
  reel: 'real', rael: 'real', reall: 'real',
  hooman: 'human', hman: 'human', humn: 'human',
  agnt: 'agent', aegnt: 'agent', agen: 'agent', agant: 'agent',
  costumer: 'customer', custumer: 'customer', cusomer: 'customer',
  somone: 'someone', someome: 'someone', sombody: 'somebody', somebdy: 'somebody',
  represenative: 'representative', reprezentative: 'representative', representive: 'representative',
  representitive: 'representative', represntative: 'representative', repersentative: 'representative',
  operater: 'operator', oprator: 'operator', opperator: 'operator', opertor: 'operator',
};

/** Keywords long enough for an edit distance of one to be safe. */
const FUZZY = ['human', 'person', 'agent', 'speak', 'operator', 'representative', 'customer', 'service', 'support', 'someone', 'somebody', 'manager', 'supervisor'];
const FUZZY_SET = new Set(FUZZY);
/** Real words one edit away from a keyword that must stay themselves. */
const KEEP = new Set(['humans', 'humane', 'persons', 'prison', 'agents', 'agency', 'speaks', 'speck', 'sneak', 'steak', 'spear', 'managed', 'manages', 'services', 'serviced', 'supports', 'supported', 'customers', 'operators', 'parson', 'pearson']);

/** Damerau distance ≤ 1 (one insertion, deletion, substitution or adjacent swap), O(n). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

export function repairWord(word: string): string {
  const explicit = EXPLICIT[word];
  if (explicit !== undefined) return explicit;
  if (word.length < 5 || word.length > 16 || FUZZY_SET.has(word) || KEEP.has(word)) return word;
  for (const k of FUZZY) if (withinOneEdit(word, k)) return k;
  return word;
}

/** Repairs every ASCII word in `text` (already lower-case). */
export function repairTypos(text: string): string {
  return text.replace(/[a-z]+/g, (w) => repairWord(w));
}
