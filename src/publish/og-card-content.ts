/** What a link-preview card shows: the input of its layout (og-card-layout.ts), its cache key and its rendering (og-cards.ts). */
export interface CardContent {
  /** 'paper' cards show title, topic and top tags; 'list' cards (home, a tag, a topic) show a heading and a subtitle like "42 papers". */
  kind: 'paper' | 'list';
  /** May be long (1,000+ chars), non-Latin, contain <, {, $ … — rendered as literal text. */
  title: string;
  /** Paper cards. */
  topic?: string;
  /** Paper cards; the first 4 are shown (fewer if they do not fit on one row). */
  tags?: string[];
  /** List cards. */
  subtitle?: string;
  siteName: string;
}
