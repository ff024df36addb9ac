// opencc-js ships its dictionaries as ES modules whose default export is one string:
// "trad simp|trad simp|…". We read only the single-character tables (see fold.ts).
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
