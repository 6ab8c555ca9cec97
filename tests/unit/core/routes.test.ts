import { describe, expect, test } from 'vitest';
import { PAGE_FOLDERS, routes, siteRootPath } from '../../../src/core/routes.ts';

describe('siteRootPath: the root of a site served at an unknown depth, from a page address', () => {
  test.each([
    ['/papers/gone.html', '/'],
    ['/shelf/papers/gone.html', '/shelf/'],
    ['/a/b/tags/gone/2.html', '/a/b/'],
    ['/papers/page/a/2.html', '/'],
    ['/shelf/gone.html', '/shelf/'],
    ['/gone.html', '/'],
    ['/', '/'],
  ])('%s → %s', (path, root) => {
    expect(siteRootPath(path, PAGE_FOLDERS)).toBe(root);
  });

  test('a folder name as the file name is no folder of the path', () => {
    expect(siteRootPath('/shelf/papers', PAGE_FOLDERS)).toBe('/shelf/');
  });

  test('every folder of a page route is a page folder', () => {
    const pages = [routes.paper('x' as never), routes.allPapers(), routes.tags(), routes.tag('x' as never, 2), routes.topics(), routes.topic('x' as never), routes.search(), routes.about()];
    for (const page of pages) expect(PAGE_FOLDERS).toContain(page.split('/')[0]);
  });

  test('runs as written into an inline script: it names nothing outside itself', () => {
    const inScript = new Function(`return (${siteRootPath.toString()})`)() as typeof siteRootPath;
    expect(inScript('/shelf/topics/gone.html', PAGE_FOLDERS)).toBe('/shelf/');
  });
});
