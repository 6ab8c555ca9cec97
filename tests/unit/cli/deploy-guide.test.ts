/**
 * The deploy guide's files (docs/deploy/) run the README's build command with SITE_URL set to the
 * host's address, and publish dist/. The site they publish under a sub-path is what the browser tests
 * serve: the test build's SITE_URL has the shape of a GitHub Pages project address, and the browser
 * tests open that build from the URL's path (tests/support/setups.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { TEST_SITE_URL } from '../../support/build-site.ts';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[]; needs?: string }>;
}

/** The README's first command: the one a new user runs to build the site. */
function readmeBuildCommand(): string {
  const block = /```sh\n([\s\S]*?)```/.exec(readFileSync('README.md', 'utf8'));
  expect(block, 'README.md opens with a ```sh block').not.toBeNull();
  return block![1]!.split('\n')[0]!.trim();
}

describe('the GitHub Pages workflow (docs/deploy/github-pages.yml)', () => {
  const workflow = parse(readFileSync('docs/deploy/github-pages.yml', 'utf8')) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

  test('builds with the README’s command and SITE_URL set to the repository’s Pages address', () => {
    const build = steps.find((s) => s.run === readmeBuildCommand());
    expect(build, `a step runs \`${readmeBuildCommand()}\``).toBeDefined();
    const pages = steps.find((s) => s.uses?.startsWith('actions/configure-pages@'));
    expect(pages?.id).toBeTruthy();
    // configure-pages' base_url is the Pages address with its sub-path (or the custom domain).
    expect(build!.env?.SITE_URL).toBe(`\${{ steps.${pages!.id}.outputs.base_url }}`);
    expect(steps.indexOf(pages!)).toBeLessThan(steps.indexOf(build!));
  });

  test('publishes dist/ with the permissions Pages deployments need', () => {
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with?.path).toBe('dist');
    expect(steps.some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    expect(Object.keys(workflow.on)).toContain('push');
  });

  test('the site the tests build is addressed like a Pages project site, under a sub-path', () => {
    expect(TEST_SITE_URL).toMatch(/^https:\/\/[a-z0-9-]+\.github\.io\/[a-z0-9._-]+\/$/);
  });
});

describe('the Netlify configuration (docs/deploy/netlify.toml)', () => {
  const toml = readFileSync('docs/deploy/netlify.toml', 'utf8');
  test('builds with the README’s command, SITE_URL from Netlify’s URL, and publishes dist/', () => {
    const build = readmeBuildCommand().replace(/^npm install && /, '');
    expect(toml).toMatch(/^\s*publish = "dist"$/m);
    const command = /^\s*command = "(.*)"$/m.exec(toml)?.[1]?.replace(/\\"/g, '"');
    expect(command).toBe(`SITE_URL="$URL" ${build}`);
  });
});
