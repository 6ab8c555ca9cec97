/**
 * A minimal static file server for the built site, mounted at any sub-path, on loopback only.
 * Like a typical host it serves a folder's index.html and 404.html for missing files.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf',
  '.xml': 'application/xml', '.wasm': 'application/wasm', '.pf_meta': 'application/octet-stream',
};

export interface StaticServer {
  origin: string;
  /** The site's address: origin plus mount path, ending in `/`. */
  base: string;
  close: () => Promise<void>;
}

export async function serveStatic(dir: string, mountPath = '/'): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    if (!path.startsWith(mountPath)) {
      res.writeHead(404).end('outside the site');
      return;
    }
    let file = normalize(join(dir, path.slice(mountPath.length)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': TYPES['.html']! }).end(await readFile(join(dir, '404.html')).catch(() => 'not found'));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return { origin, base: `${origin}${mountPath}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
