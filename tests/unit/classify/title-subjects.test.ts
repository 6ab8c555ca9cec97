/**
 * A paper's title subject is one of its tags (issue 19: tags as the paper's domain terms; a title's
 * noun phrase that the abstract takes up again is what the paper is about), even when its words are
 * everyday English one by one ("road traffic accidents", "sea ice"), and a verb opening the title
 * is not part of it. The list is written here: six papers on sleep and driving, six on polar ice.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { classifyPapers, parseTaxonomy } from '../../../src/ingest/classify/index.ts';
import type { ClassifyInput } from '../../../src/ingest/classify/classification.ts';

const parsed = parseTaxonomy(readFileSync('content/taxonomy.yaml', 'utf8'), 'content/taxonomy.yaml');
if (!parsed.ok) throw new Error(parsed.error);

const papers: ClassifyInput[] = [
  {
    id: 's1',
    title: 'Obstructive sleep apnea and road traffic accidents among long-haul truck drivers',
    abstract:
      'Obstructive sleep apnea causes daytime sleepiness. We linked polysomnography records of 2,310 long-haul truck drivers to police reports of road traffic accidents over six years. Drivers with severe apnea had twice the rate of road traffic accidents, and treatment with continuous positive airway pressure removed the excess. Screening drivers for obstructive sleep apnea could prevent road traffic accidents.',
  },
  {
    id: 's2',
    title: 'Daytime sleepiness in shift workers measured by the Epworth scale',
    abstract:
      'Shift workers report daytime sleepiness more often than day workers. We measured daytime sleepiness with the Epworth scale in 840 nurses on rotating shifts and compared it with actigraphy. Night shifts doubled the share of nurses with excessive daytime sleepiness, and the Epworth scale agreed with actigraphy.',
  },
  {
    id: 's3',
    title: 'Continuous positive airway pressure adherence in obstructive sleep apnea',
    abstract:
      'Continuous positive airway pressure treats obstructive sleep apnea, but adherence is low. In 410 patients, telemonitoring raised nightly use of continuous positive airway pressure by 1.4 hours and reduced daytime sleepiness. Adherence in the first week predicted adherence at one year.',
  },
  {
    id: 's4',
    title: 'Polysomnography findings in insomnia with short sleep duration',
    abstract:
      'Insomnia with objective short sleep duration may be a distinct phenotype. Polysomnography in 512 adults with insomnia showed that short sleep duration went with higher cortisol and more daytime sleepiness. Polysomnography should be part of the assessment of insomnia.',
  },
  {
    id: 's5',
    title: 'Drowsy driving in a driving simulator after one night of sleep restriction',
    abstract:
      'Sleep restriction impairs vigilance. Twenty-four drivers spent one night with four hours of sleep and then drove a driving simulator for ninety minutes. Lane deviations tripled after sleep restriction, and daytime sleepiness scores predicted them. The driving simulator detects drowsy driving before drivers notice it.',
  },
  {
    id: 's6',
    title: 'Actigraphy compared with polysomnography for sleep staging in older adults',
    abstract:
      'Actigraphy is cheaper than polysomnography. In 96 older adults wearing a wrist actigraph during polysomnography, actigraphy overestimated total sleep time by 38 minutes and missed most wake after sleep onset. Actigraphy is not a substitute for polysomnography in older adults with fragmented sleep.',
  },
  {
    id: 'p1',
    title: 'Estimating sea ice thickness from satellite altimetry in the Arctic Ocean',
    abstract:
      'Sea ice thickness is hard to observe over the whole Arctic Ocean. We derive sea ice thickness from the freeboard measured by satellite altimetry, with snow depth from a reanalysis. Compared with upward-looking sonar moorings, the error is 0.3 m. Sea ice in the Arctic Ocean thinned by 0.6 m per decade since 2003.',
  },
  {
    id: 'p2',
    title: 'Glacier retreat in the Antarctic Peninsula from satellite altimetry',
    abstract:
      'Glacier retreat on the Antarctic Peninsula has accelerated. Satellite altimetry and optical imagery of 674 marine-terminating glaciers show that glacier retreat followed ocean warming. Glaciers on the western coast lost most ice.',
  },
  {
    id: 'p3',
    title: 'Ice shelf collapse and ocean warming in West Antarctica',
    abstract:
      'Ocean warming thins ice shelves from below. We model basal melt of ice shelves in West Antarctica under ocean warming scenarios and find that ice shelf collapse becomes likely when basal melt exceeds 10 m per year. Ice shelf collapse would speed up the glaciers behind it.',
  },
  {
    id: 'p4',
    title: 'Snow depth on Arctic sea ice from airborne radar',
    abstract:
      'Snow depth controls the conversion of freeboard to sea ice thickness. Airborne radar surveys over 3,000 km of Arctic sea ice measured snow depth with a 5 cm error. Snow depth on first-year ice was half that on multiyear ice.',
  },
  {
    id: 'p5',
    title: 'Basal melt of Antarctic ice shelves measured by autonomous floats',
    abstract:
      'Autonomous floats drifted beneath three ice shelves for two winters. Basal melt rates reached 12 m per year where warm deep water entered the cavity. Basal melt explains most of the mass loss of these ice shelves.',
  },
  {
    id: 'p6',
    title: 'Firn density and surface mass balance of the Greenland ice sheet',
    abstract:
      'Firn density is needed to convert altimetry to mass. Firn cores from 38 sites show that firn density rose after the melt seasons of 2012 and 2019. The surface mass balance of the Greenland ice sheet turned negative in both years.',
  },
];

describe('title subjects as tags', () => {
  const labels = classifyPapers(papers, parsed.taxonomy);
  const tags = (id: string) => labels.get(id)!.tags;

  test('a title phrase of everyday words that the abstract repeats is a tag of its paper', () => {
    expect(tags('s1')).toContain('road traffic accidents');
  });

  test('a verb opening the title is not part of the tag', () => {
    expect(tags('p1').some((t) => t.startsWith('estimating'))).toBe(false);
    expect(tags('p1')).toContain('sea ice thickness');
  });

  test('every paper keeps 3 to 6 tags', () => {
    for (const p of papers) {
      expect(tags(p.id).length).toBeGreaterThanOrEqual(3);
      expect(tags(p.id).length).toBeLessThanOrEqual(6);
    }
  });
});
