/** What the classifier reads of a paper and what it gives back: shared by index.ts and its stages. */
export interface ClassifyInput {
  id: string;
  title: string;
  /** Plain text, math as $…$. */
  abstract: string;
  /** The source's own keywords (a reference-manager export's), a signal for tags: see keywords.ts. */
  keywords?: readonly string[];
}

export interface Classification {
  topic: string;
  tags: string[];
}
