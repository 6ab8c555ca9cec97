/**
 * Wall and CPU time of a build stage. CPU time is this process's (every thread: the card, abstract and
 * citation workers) plus that of the child processes that ended meanwhile (the Astro child, Pagefind):
 * on a shared machine wall time measures the neighbours too, CPU time only the build, and CPU ÷ wall shows
 * whether a stage kept both cores busy.
 */
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on every Linux architecture). */
const USER_HZ = 100;

/** CPU seconds of waited-for children (cutime + cstime of /proc/self/stat); 0 where /proc is missing. */
function childrenCpuS(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3; cutime and cstime are fields 16 and 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / USER_HZ;
  } catch {
    return 0;
  }
}

/** CPU seconds of children that a stage counted while they ran (countedAhead), taken off once they ended. */
let countedAhead = 0;

/** CPU seconds used so far by this process, its threads and its ended children. */
export function cpuSeconds(): number {
  const own = process.cpuUsage();
  return (own.user + own.system) / 1e6 + childrenCpuS() - countedAhead;
}

/**
 * For a child whose first `cpuS` seconds a stage counted while it still ran (the ingest child, which writes the
 * entries after its hand-off): call the returned function once the child has ended, so that the stage it ends
 * in counts only the rest.
 */
export function countedAheadOnEnd(cpuS: number): () => void {
  return () => {
    countedAhead += cpuS;
  };
}

/** Formats a stage line: `build: <name> <wall> s (cpu <cpu> s)`, the form scripts/bench/papershelf.ts parses. */
export const stageLine = (name: string, wallMs: number, cpuS?: number): string =>
  `build: ${name.padEnd(14)} ${(wallMs / 1000).toFixed(2)} s${cpuS === undefined ? '' : ` (cpu ${cpuS.toFixed(2)} s)`}`;
