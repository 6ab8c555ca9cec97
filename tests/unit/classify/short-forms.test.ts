/**
 * Short forms written out before term extraction (issue 19: merge variants so a concept is one tag;
 * defects a reviewer found on the MEDLINE dump: "l. infantum" beside "infantum", "mir-200" beside
 * "microrna-200", "pmid" as a tag). The texts are invented.
 */
import { describe, expect, test } from 'vitest';
import { verbZipf } from '../../../src/core/english/derivation.ts';
import { expandShortForms } from '../../../src/ingest/classify/short-forms.ts';

describe('expandShortForms', () => {
  test('an abbreviated genus is written out when the paper names the genus; a subgenus in parentheses goes', () => {
    const { abstract } = expandShortForms('', 'Dogs carried Trypanosoma (Schizotrypanum) cruzi. T. cruzi and T. (S.) cruzi were typed; T. rangeli was absent.');
    expect(abstract).toBe('Dogs carried Trypanosoma cruzi. Trypanosoma cruzi and Trypanosoma cruzi were typed; Trypanosoma rangeli was absent.');
  });

  test('an initial is left alone when no genus of that letter is written, and a sentence start is no genus', () => {
    const text = 'The larvae of E. coli grew. Results were clear.';
    expect(expandShortForms('', text).abstract).toBe(text);
  });

  test('a clipped abbreviation defined in parentheses becomes its word, with or without a number', () => {
    const out = expandShortForms('LncRNA-7 (lnc-7) in mice', 'Long noncoding lncRNA (lnc)-7 and lnc-7b bind. A temporal knowledge graph (TKG) stays.');
    expect(out.title).toBe('LncRNA-7 in mice');
    expect(out.abstract).toBe('Long noncoding lncRNA-7 and lncRNA-7b bind. A temporal knowledge graph (TKG) stays.');
  });

  test('a metadata label with its number is not text', () => {
    expect(expandShortForms('', 'Corrects table 2 of the article (doi: 10.1000/182).').abstract).not.toMatch(/doi/);
  });
});

describe('verbZipf', () => {
  test('an action or role noun of an everyday verb has the verb; a domain noun has none or a rare one', () => {
    for (const noun of ['deletion', 'participant', 'predictor', 'findings', 'occurrence', 'expansion', 'enhancement']) expect(verbZipf(noun), noun).toBeGreaterThanOrEqual(3);
    for (const noun of ['apoptosis', 'phosphorylation', 'lesion', 'tensor', 'hallucination', 'inhibitor']) expect(verbZipf(noun), noun).toBeLessThan(2.7);
  });
});
