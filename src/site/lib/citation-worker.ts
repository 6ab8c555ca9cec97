/** Worker thread of `warmCitationCache`: formats its share of references into the cache and exits. */
import { workerData } from 'node:worker_threads';
import { formatJobs, type CitationJob } from './citation-cache.ts';

const { jobs, dir } = workerData as { jobs: CitationJob[]; dir: string };
formatJobs(jobs, dir);
