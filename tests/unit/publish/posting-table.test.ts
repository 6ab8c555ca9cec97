import { describe, expect, it } from 'vitest';
import { PostingTable } from '../../../src/publish/posting-table.ts';

describe('PostingTable', () => {
  it("gives each word its own postings in document order, in the offline index's encoding", () => {
    const table = new PostingTable();
    table.add('graph', 0, { weight: 24, compoundWeight: 0, inTitle: false });
    table.add('net', 0, { weight: 48, compoundWeight: 0, inTitle: false });
    table.add('net', 1, { weight: 12, compoundWeight: 12, inTitle: false });
    table.add('graph', 3, { weight: 168, compoundWeight: 0, inTitle: true });
    const encoded = table.encoder();
    // docDelta,value in base 36, value = weight × 2 + title flag, `:compound` when there is one (core/offline-index.ts).
    expect(encoded('graph')).toBe('0,1c,3,9d');
    expect(encoded('net')).toBe('0,2o,1,o:c');
    expect(table.allWords()).toEqual(['graph', 'net']);
  });

  it('keeps every posting when it outgrows its first arrays', () => {
    const table = new PostingTable();
    const docs = 70_000; // more than the initial capacity of 65,536 postings
    for (let doc = 0; doc < docs; doc++) table.add(doc % 2 ? 'odd' : 'even', doc, { weight: 1, compoundWeight: 0, inTitle: false });
    const odd = table.encoder()('odd').split(',');
    expect(odd.length / 2).toBe(docs / 2);
    expect(odd.slice(0, 4)).toEqual(['1', '2', '2', '2']);
  });
});
