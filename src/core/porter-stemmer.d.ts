/** Types for the Porter2 (Snowball English) stemmer that ships with wink-nlp's English model. */
declare module 'wink-eng-lite-web-model/dist/porter-stemmer.js' {
  /** Stems one lowercase word: `networks` → `network`, `convergence` → `converg`. */
  export default function stem(word: string): string;
}
