/**
 * Which pages this `astro build` renders. `npm run build` renders the site in several Astro processes at
 * once (scripts/lib/astro-child.ts) and keeps paper pages from its last run (scripts/lib/incremental-pages.ts);
 * it tells each process its share through a plan file named by Vite's `define`. Without one (any other
 * `astro build`, `astro dev`) every page is rendered.
 *
 * Process 0 starts before the build has decided what to keep: Astro loads, syncs the content store and
 * bundles the pages meanwhile, and only the static paths need the plan, so they wait for its file
 * (`npm run build` writes it whole, by a rename, and removes the last build's first).
 */
import { readFileSync } from 'node:fs';
import { fileWritten } from './file-written.ts';

/** A render plan as the build writes it. */
export interface RenderPlanFile {
  /** Paper slugs this process must not render: kept from the last build, or another process's share. */
  skip: string[];
  /** This process renders the list pages, the moved papers' redirects and the other one-off pages. */
  lists: boolean;
  /** Files of list pages (`tags/x.html`, `papers/page/2.html` …) kept from the last build. */
  skipLists: string[];
}

export interface RenderPlan {
  skip: ReadonlySet<string>;
  lists: boolean;
  skipLists: ReadonlySet<string>;
}

const plans = new Map<string, Promise<RenderPlan>>();

export function renderPlan(planFile: string | undefined = import.meta.env.PAPERSHELF_RENDER_PLAN): Promise<RenderPlan> {
  if (!planFile) return Promise.resolve({ skip: new Set(), lists: true, skipLists: new Set() });
  let plan = plans.get(planFile);
  if (!plan) {
    plan = fileWritten(planFile).then(() => {
      const stored = JSON.parse(readFileSync(planFile, 'utf8')) as RenderPlanFile;
      return { skip: new Set(stored.skip), lists: stored.lists, skipLists: new Set(stored.skipLists) };
    });
    plans.set(planFile, plan);
  }
  return plan;
}
