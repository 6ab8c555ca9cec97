/**
 * Bundles the browser code (src/site/browser/) into one classic script, `public/assets/site.js`,
 * which Astro copies into the site. A classic IIFE, not a module: module scripts do not run on
 * pages opened from disk. Its first line is V8's compile hint (src/publish/compile-hint.ts).
 */
import { build, stop } from 'esbuild';
import { COMPILE_HINT } from '../../src/publish/compile-hint.ts';

export async function bundleBrowserCode(root: string): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: ['src/site/browser/main.ts'],
    outfile: 'public/assets/site.js',
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    // Compiled off the page's thread as it streams in (src/publish/compile-hint.ts).
    banner: { js: COMPILE_HINT.trimEnd() },
    logLevel: 'warning',
  });
  // esbuild's service process otherwise stays until the build ends: 16–48 MiB beside Astro at 10k papers.
  await stop();
}

if (import.meta.main) await bundleBrowserCode(process.cwd());
