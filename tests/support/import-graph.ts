/**
 * The project's own import graph, read with Babel's parser (TypeScript plugin), for the tests that
 * hold the layers apart and keep the graph free of cycles (tests/unit/architecture.test.ts).
 *
 * Every kind of import is an edge: `import`, `import type`, `export … from`, `import()` and a type's
 * `typeof import()`: a type-only cycle still ties modules together for whoever has to change them.
 * Only relative specifiers count (packages are outside the graph). `.astro` files contribute the
 * imports of their front matter (their `<script>`s are all `is:inline`). Workers started with
 * `new URL(…, import.meta.url)` are not imports.
 *
 * dependency-cruiser and madge would do this, but both read TypeScript through the compiler's
 * JavaScript API, which TypeScript 7 (this project's) no longer has.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { parse } from '@babel/parser';

export type ImportKind = 'static' | 'type' | 'dynamic';

export interface ImportEdge {
  /** Importing file, relative to the root, `/`-separated. */
  from: string;
  /** Imported file, resolved the same way. */
  to: string;
  line: number;
  kind: ImportKind;
}

const SOURCE_FILE = /\.(ts|mts|mjs|js|astro)$/;

/** Relative specifiers of `code` with their line and kind. `file` names the language (`.astro`: front matter only). */
export function importsOf(code: string, file: string): Array<{ specifier: string; line: number; kind: ImportKind }> {
  const script = file.endsWith('.astro') ? frontMatter(code) : code;
  const ast = parse(script, { sourceType: 'module', plugins: ['typescript'], sourceFilename: file });
  const found: Array<{ specifier: string; line: number; kind: ImportKind }> = [];
  walk(ast.program, (node) => {
    const add = (source: unknown, kind: ImportKind) => {
      if (isStringLiteral(source) && /^\.\.?\//.test(source.value)) found.push({ specifier: source.value, line: node.loc?.start.line ?? 0, kind });
    };
    switch (node.type) {
      case 'ImportDeclaration': {
        const specifiers = (node.specifiers ?? []) as Array<{ importKind?: string }>;
        const typeOnly = node.importKind === 'type' || (specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type'));
        add(node.source, typeOnly ? 'type' : 'static');
        break;
      }
      case 'ExportNamedDeclaration':
      case 'ExportAllDeclaration':
        add(node.source, node.exportKind === 'type' ? 'type' : 'static');
        break;
      case 'ImportExpression':
        add(node.source, 'dynamic');
        break;
      case 'CallExpression':
        if ((node.callee as { type?: string } | undefined)?.type === 'Import') add((node.arguments as unknown[])[0], 'dynamic');
        break;
      case 'TSImportType': {
        // Babel 7 holds the string itself, Babel 8 a TSLiteralType around it.
        const argument = node.argument as { literal?: unknown } | undefined;
        add(argument?.literal ?? argument, 'type');
        break;
      }
    }
  });
  return found;
}

/** Every edge among the source files under `dirs` (relative to `root`), in file order. */
export function importGraph(root: string, dirs: readonly string[]): ImportEdge[] {
  const files = dirs.flatMap((dir) => sourceFiles(join(root, dir))).map((f) => relative(root, f).split('\\').join('/'));
  return files.flatMap((from) =>
    importsOf(readFileSync(join(root, from), 'utf8'), from).map(({ specifier, line, kind }) => ({
      from,
      to: posix.normalize(posix.join(posix.dirname(from), specifier)),
      line,
      kind,
    })),
  );
}

/**
 * The import cycles of a graph: one cycle through each strongly connected component that has
 * more than one file (or a file that imports itself), as the list of files around it, the first
 * repeated at the end. Components are found with Tarjan's algorithm (1972).
 */
export function findCycles(edges: readonly Pick<ImportEdge, 'from' | 'to'>[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) {
    if (!next.has(from)) next.set(from, []);
    if (!next.has(to)) next.set(to, []);
    next.get(from)!.push(to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || next.get(v)!.includes(v)) components.push(component);
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return components.map((component) => cycleIn(new Set(component), next));
}

/** A shortest cycle through the component's first file in sorted order (breadth-first inside the component). */
function cycleIn(component: ReadonlySet<string>, next: ReadonlyMap<string, string[]>): string[] {
  const start = [...component].sort()[0]!;
  const parent = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i]!;
    for (const w of next.get(v)!) {
      if (!component.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u: string | undefined = v; u !== undefined && u !== start; u = parent.get(u)) path.splice(1, 0, u);
        return [...path, start];
      }
      if (!parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** An `.astro` file's front matter, with the lines before it kept blank so line numbers stay right. */
function frontMatter(code: string): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(code);
  return match ? `\n${match[1]}` : '';
}

type AnyNode = { type: string; loc?: { start: { line: number } } | null } & Record<string, unknown>;

function isStringLiteral(value: unknown): value is { type: 'StringLiteral'; value: string } {
  return typeof value === 'object' && value !== null && (value as { type?: string }).type === 'StringLiteral';
}

function walk(node: unknown, visit: (node: AnyNode) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  if (typeof node !== 'object' || node === null || typeof (node as { type?: unknown }).type !== 'string') return;
  visit(node as AnyNode);
  for (const [key, value] of Object.entries(node)) if (key !== 'loc' && typeof value === 'object') walk(value, visit);
}
