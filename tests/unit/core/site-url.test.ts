/** SITE_URL as users write it (README, "Commands"; docs/deploy.md): the site's public address, sub-path included. */
import { describe, expect, test } from 'vitest';
import { siteUrl } from '../../../src/core/site.ts';

describe('SITE_URL', () => {
  test('unset or blank: no site address', () => {
    expect(siteUrl(undefined)).toBeUndefined();
    expect(siteUrl('  ')).toBeUndefined();
  });

  test('a folder address, with or without its final slash, is the folder', () => {
    expect(siteUrl('https://example.org/reading/')?.href).toBe('https://example.org/reading/');
    expect(siteUrl('https://example.org/reading')?.href).toBe('https://example.org/reading/');
    expect(siteUrl('https://example.org')?.href).toBe('https://example.org/');
  });

  test('the address of the home page (…/index.html, as a browser shows it) is the site’s folder', () => {
    expect(siteUrl('https://example.org/reading/index.html')?.href).toBe('https://example.org/reading/');
    expect(siteUrl('https://example.org/index.html')?.href).toBe('https://example.org/');
  });

  test('no scheme, another scheme, a query or a fragment: an error that says what to set', () => {
    expect(() => siteUrl('example.org/reading/')).toThrow(/not a URL/);
    expect(() => siteUrl('ftp://example.org/reading/')).toThrow(/https:\/\//);
    expect(() => siteUrl('https://example.org/reading/?x=1')).toThrow(/Try SITE_URL=https:\/\/example\.org\/reading\//);
  });
});
