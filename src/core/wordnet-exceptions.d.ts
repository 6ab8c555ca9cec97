/** Types for WordNet's exception lists (morphy's `*.exc`) as wink-nlp's English model ships them. */
declare module 'wink-eng-lite-web-model/dist/wn-noun-exceptions.js' {
  /** Irregular noun form → its lemma, lowercase: `mice` → `mouse`, `shelves` → `shelf`, `analyses` → `analysis`. */
  const exceptions: Readonly<Record<string, string>>;
  export default exceptions;
}
