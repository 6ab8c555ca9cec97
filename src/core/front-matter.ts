/**
 * Entry front matter → YAML text.
 *
 * Hand-written rather than the `yaml` library's stringify (which reads it back, see entry-file.ts)
 * because stringify costs about 0.1 ms per entry, seconds at 50k papers. The output is a small,
 * fixed shape: strings are plain where YAML would read them back unchanged, and otherwise
 * JSON-quoted, which is always valid YAML; tests round-trip hostile strings through the parser.
 */

type Scalar = string | number | boolean;
type Value = Scalar | readonly Scalar[] | ReadonlyArray<Record<string, Scalar>> | Readonly<Record<string, Scalar | undefined>>;

/** Words YAML 1.1 or 1.2 would read as something other than a string. */
const SPECIAL = /^(?:true|false|yes|no|on|off|y|n|null|~|nan|inf)$/i;
const PLAIN = /^[\p{L}\p{N}(][\p{L}\p{N} ,.()/'’&+_?!;:%–—-]*$/u;
/** Numbers, dates and times in YAML 1.1 or 1.2 (`1984`, `0x1F`, `2024-01-01`, `1:30`, `.5`). */
const NUMBERISH = /^[-+]?(?:[\d_]+(?:\.[\d_]*)?(?:e[-+]?\d+)?|\.\d[\d_]*(?:e[-+]?\d+)?|0x[\da-f_]+|0o[0-7_]+|0b[01_]+|\d{4}-\d\d?-\d\d?\b.*|[\d:._]+)$/i;

export function yamlString(value: string): string {
  const plain = PLAIN.test(value) && !SPECIAL.test(value) && !NUMBERISH.test(value) && !/[ .:]$/.test(value) && !value.includes(': ') && !value.includes(' #');
  return plain ? value : JSON.stringify(value);
}

function scalar(value: Scalar): string {
  return typeof value === 'string' ? yamlString(value) : String(value);
}

/** Writes `fields` in the given order; undefined fields are left out. */
export function toYaml(fields: ReadonlyArray<readonly [string, Value | undefined]>): string {
  let out = '';
  for (const [key, value] of fields) {
    if (value === undefined) continue;
    if (typeof value === 'object' && !Array.isArray(value)) {
      // A one-level map (`ids:`); an empty one is left out like an undefined field.
      const entries = Object.entries(value as Record<string, Scalar | undefined>).filter(([, v]) => v !== undefined);
      if (entries.length === 0) continue;
      out += `${key}:\n`;
      for (const [k, v] of entries) out += `  ${k}: ${scalar(v!)}\n`;
      continue;
    }
    if (!Array.isArray(value)) {
      out += `${key}: ${scalar(value as Scalar)}\n`;
      continue;
    }
    if (value.length === 0) {
      out += `${key}: []\n`;
      continue;
    }
    out += `${key}:\n`;
    for (const item of value as ReadonlyArray<Scalar | Record<string, Scalar>>) {
      if (typeof item !== 'object') {
        out += `  - ${scalar(item)}\n`;
        continue;
      }
      Object.entries(item).forEach(([k, v], i) => {
        out += `${i === 0 ? '  - ' : '    '}${k}: ${scalar(v)}\n`;
      });
    }
  }
  return out;
}

/**
 * Reads back exactly what `toYaml` writes, or returns undefined for anything else (a hand edit
 * in another YAML style), which the caller then gives to the full YAML parser. Reading 50k
 * entries with the full parser alone costs seconds on every ingest.
 */
export function readOwnYaml(text: string): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  const lines = text.split('\n');
  let list: unknown[] | undefined;
  let item: Record<string, unknown> | undefined;
  /** The key of a `key:` line with nothing after it: a list or, if `  k: v` lines follow, a map. */
  let openKey: string | undefined;
  let map: Record<string, unknown> | undefined;
  for (const line of lines) {
    if (line === '') continue;
    let m: RegExpExecArray | null;
    if ((m = /^([A-Za-z]+):(?: (.*))?$/s.exec(line))) {
      const [, key, raw] = m;
      if (key! in out) return undefined;
      list = undefined;
      item = undefined;
      map = undefined;
      openKey = raw === undefined ? key : undefined;
      if (raw === undefined) out[key!] = list = [];
      else if (raw === '[]') out[key!] = [];
      else {
        const value = readScalar(raw);
        if (value === undefined) return undefined;
        out[key!] = value;
      }
    } else if (list && (m = /^ {2}- (?:([A-Za-z]+): )?(.*)$/s.exec(line))) {
      const value = readScalar(m[2]!);
      if (value === undefined) return undefined;
      if (m[1]) list.push((item = { [m[1]]: value }));
      else {
        item = undefined;
        list.push(value);
      }
    } else if (openKey && (map || list?.length === 0) && (m = /^ {2}([A-Za-z]+): (.*)$/s.exec(line))) {
      if (!map) {
        out[openKey] = map = {};
        list = undefined;
      }
      const value = readScalar(m[2]!);
      if (value === undefined || m[1]! in map) return undefined;
      map[m[1]!] = value;
    } else if (item && (m = /^ {4}([A-Za-z]+): (.*)$/s.exec(line))) {
      const value = readScalar(m[2]!);
      if (value === undefined || m[1]! in item) return undefined;
      item[m[1]!] = value;
    } else return undefined;
  }
  return out;
}

function readScalar(raw: string): string | number | boolean | undefined {
  if (raw.startsWith('"')) {
    try {
      const value: unknown = JSON.parse(raw);
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  }
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^(?:0|[1-9]\d{0,14})$/.test(raw)) return Number(raw);
  return yamlString(raw) === raw ? raw : undefined;
}
