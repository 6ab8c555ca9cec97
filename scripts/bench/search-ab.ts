/**
 * `node scripts/bench/search-ab.ts A_DIR B_DIR [C_DIR …] [--rounds N] [--file] [--queries a,b,c]`: first-result
 * time of built sites compared on this machine, as `npm run bench` measures it (search-bytes.ts:
 * from the search page's navigation start to the first result in the page, each query in a new
 * context of an already settled Chromium). The machine is shared, so only interleaved figures count:
 * each round times every query on every site back to back, the order rotating by round and query.
 * Prints each load, then per site the median, the lower quartile (contention only adds time, so it
 * is nearer a quiet machine's figure) and the first-result bytes, each site's median paired
 * difference from A, and `uptime` at start and end.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { FIRST_RESULT_QUERIES, measure, settledBrowser } from './search-bytes.ts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args.splice(at, 2)[1];
};
const rounds = Number(option('--rounds') ?? 4);
const queries = option('--queries')?.split(',') ?? ['diffusion', ...FIRST_RESULT_QUERIES];
const over = args.includes('--file') ? 'file' : 'http';
const sites = args.filter((a) => !a.startsWith('--')).map((d) => resolve(d));
if (sites.length < 2) throw new Error('usage: search-ab.ts A_DIR B_DIR [C_DIR …] [--rounds N] [--file] [--queries a,b]');

const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)] ?? NaN;
const median = (xs: number[]): number => quantile(xs, 0.5);
const name = (i: number): string => String.fromCharCode(65 + i);
const uptime = (): string => execFileSync('uptime', { encoding: 'utf8' }).trim();

console.log(`start ${uptime()}`);
const browsers = [];
for (const site of sites) browsers.push(await settledBrowser(site, over));
const ms: number[][] = sites.map(() => []);
const bytes: number[][] = sites.map(() => []);
const paired: number[][] = sites.map(() => []);
try {
  for (let round = 0; round < rounds; round++) {
    for (const [q, query] of queries.entries()) {
      const shift = (round + q) % sites.length;
      const order = sites.map((_, i) => (i + shift) % sites.length);
      if ((round + q) % 2 === 1) order.reverse();
      const times: Array<number | undefined> = [];
      for (const i of order) {
        const load = await measure(browsers[i]!, sites[i]!, over, query);
        if (load.error) {
          console.log(`${name(i)} ${query}: ${load.error}`);
          continue;
        }
        ms[i]!.push(load.ms);
        bytes[i]!.push(load.firstResultBytes ?? 0);
        times[i] = load.ms;
        console.log(`round ${round + 1} ${name(i)} ${query.padEnd(10)} ${String(load.ms).padStart(5)} ms  ${load.firstResultBytes} B in ${load.firstResultRequests} requests  (${load.results} results)`);
      }
      for (const i of sites.keys()) if (times[0] !== undefined && times[i] !== undefined) paired[i]!.push(times[i]! - times[0]!);
    }
  }
} finally {
  await Promise.all(browsers.map((b) => b.close()));
}
for (const i of sites.keys()) {
  const vs = i === 0 ? '' : `; paired difference from A: median ${median(paired[i]!)} ms, faster in ${paired[i]!.filter((d) => d < 0).length} of ${paired[i]!.length}`;
  console.log(`${name(i)} ${sites[i]}: median ${median(ms[i]!)} ms, lower quartile ${quantile(ms[i]!, 0.25)} ms of ${ms[i]!.length} loads (${over}); first-result bytes median ${median(bytes[i]!)}${vs}`);
}
console.log(`end ${uptime()}`);
