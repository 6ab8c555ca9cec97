import { bibtex, referenceHtml } from './src/site/lib/citation.ts';
const papers = Array.from({ length: 300 }, (_, i) => ({ id: `p${i}`, title: `Paper number ${i} on graph neural networks`, authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'], year: 2020, venue: 'Journal of Things', ids: { doi: `10.1/${i}` } }));
referenceHtml(papers[0]!);
let t = performance.now();
for (const p of papers) referenceHtml(p);
console.log('apa', ((performance.now() - t) / papers.length).toFixed(2), 'ms per paper');
t = performance.now();
for (const p of papers) bibtex([p]);
console.log('bibtex', ((performance.now() - t) / papers.length).toFixed(2), 'ms per paper');
