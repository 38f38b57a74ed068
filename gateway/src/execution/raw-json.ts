import { randomBytes } from 'node:crypto';
import { Kind, type SelectionSetNode } from 'graphql';

/**
 * A subtree of a subgraph's answer kept as the JSON text it came in. On the national dashboard
 * the scorecards' statuses (273 objects, most of the answer) were parsed from the indicators
 * subgraph's text, walked by result shaping, and serialised again, unchanged: about a sixth of
 * the gateway's CPU for that request. An entity fetch's field whose selection is the client's,
 * field for field, goes through as text instead (the answer's shape is already the client's;
 * the subgraph already completed and null-bubbled it under types the supergraph composes from).
 * Inside it the gateway trusts the subgraph to answer by its own schema, as graphql-js
 * guarantees, where Apollo's executor checks every value again.
 *
 * Anything that has to look inside one (a later fetch merging into it, a representation reading
 * it, a selection of the client's that differs, an answer with errors, Apollo's executor in the
 * executor check) parses it first: a field kept as text that was not worth it costs time, never
 * a different answer.
 */
export class RawJson {
  // Private: nothing outside this module reads the text, and a RawJson does not type-check as
  // a plain object (a class has no index signature), so no code looks into one by mistake.
  readonly #text: string;
  /** The selection the subgraph answered it for (selectionSignature). */
  readonly #signature: string;

  constructor(text: string, signature: string) {
    this.#text = text;
    this.#signature = signature;
  }

  parse(): unknown {
    return JSON.parse(this.#text) as unknown;
  }

  /** Whether it was answered for this selection (its signature): then it is the client's answer as it is. */
  answers(signature: string | null): boolean {
    return signature !== null && signature === this.#signature;
  }

  /** Inside stringifyAnswer a placeholder to splice the text back in; anywhere else the value itself. */
  toJSON(): unknown {
    if (!collecting) return this.parse();
    collecting.push(this.#text);
    return `${PLACEHOLDER}${collecting.length - 1}`;
  }
}

/** An object's field, a RawJson parsed in place first: the executor is about to look inside it. */
export function opened(object: Record<string, unknown>, key: string): unknown {
  const value = object[key];
  return value instanceof RawJson ? (object[key] = value.parse()) : value;
}

/** Which fields of which answer entries to keep as text: data key (`_entities`, `m1__entities`) → field → its selection's signature. */
export type RawFields = Map<string, Map<string, string>>;

/**
 * A selection as text, when it is fields alone (no fragment, no directive, no __typename): equal
 * signatures mean equal answers. Null when the selection does not qualify.
 */
export function selectionSignature(set: SelectionSetNode): string | null {
  const parts: string[] = [];
  for (const node of set.selections) {
    if (node.kind !== Kind.FIELD || node.directives?.length || node.name.value === '__typename') return null;
    const name = node.name.value;
    const responseName = node.alias?.value ?? name;
    let part = responseName === name ? name : `${responseName}:${name}`;
    if (node.selectionSet) {
      const inner = selectionSignature(node.selectionSet);
      if (inner === null) return null;
      part += `{${inner}}`;
    }
    parts.push(part);
  }
  return parts.join(',');
}

/** Shorter subtrees are parsed: their text would cost about what it saves. */
const MIN_RAW_LENGTH = 256;

/**
 * JSON.parse of a subgraph's answer, except the values `fields` names under `data`: each entry
 * of a list of objects there keeps those fields' objects and lists as RawJson. The text is
 * scanned once to find them (strings skipped with indexOf); the rest, with a number standing for
 * each, goes to JSON.parse. An answer with errors is parsed whole.
 */
export function parseAnswer(text: string, fields: RawFields | undefined): unknown {
  if (!fields || fields.size === 0 || text.length < MIN_RAW_LENGTH) return JSON.parse(text);
  const spans: Array<{ key: string; item: number; field: string; start: number; end: number }> = [];
  try {
    const scanner = new Scanner(text);
    scanner.members(scanner.start(), (key, at) => {
      if (key !== 'data' || text.charCodeAt(at) !== OPEN_OBJECT) return scanner.skip(at);
      return scanner.members(at, (entry, at) => {
        const wanted = fields.get(entry);
        if (!wanted || text.charCodeAt(at) !== OPEN_LIST) return scanner.skip(at);
        return scanner.items(at, (item, at) => {
          if (text.charCodeAt(at) !== OPEN_OBJECT) return scanner.skip(at);
          return scanner.members(at, (field, at) => {
            const end = scanner.skip(at);
            const first = text.charCodeAt(at);
            if (wanted.has(field) && (first === OPEN_OBJECT || first === OPEN_LIST) && end - at >= MIN_RAW_LENGTH)
              spans.push({ key: entry, item, field, start: at, end });
            return end;
          });
        });
      });
    });
  } catch {
    return JSON.parse(text); // not the JSON the scanner expects: JSON.parse says what is wrong
  }
  if (spans.length === 0) return JSON.parse(text);
  let skeleton = '';
  let last = 0;
  spans.forEach((span, index) => {
    skeleton += text.slice(last, span.start) + index;
    last = span.end;
  });
  const answer = JSON.parse(skeleton + text.slice(last)) as { data?: Record<string, Array<Record<string, unknown>>>; errors?: unknown };
  for (let index = 0; index < spans.length; index++) {
    const span = spans[index];
    const holder = answer.data?.[span.key]?.[span.item];
    if (!holder || holder[span.field] !== index) return JSON.parse(text); // a key given twice: JSON.parse decides
    const value = text.slice(span.start, span.end);
    holder[span.field] = answer.errors ? JSON.parse(value) : new RawJson(value, fields.get(span.key)!.get(span.field)!);
  }
  return answer;
}

/** Placeholders no answer holds by chance, nor by a client's design: 96 random bits of this process after a NUL. */
const PLACEHOLDER = `\u0000${randomBytes(12).toString('hex')}:`;
const QUOTED_PLACEHOLDER = JSON.stringify(PLACEHOLDER).slice(0, -1);
let collecting: string[] | null = null;

/** JSON.stringify, RawJson values spliced in as the text they came as. */
export function stringifyAnswer(value: unknown): string {
  const texts: string[] = [];
  collecting = texts;
  let json: string;
  try {
    json = JSON.stringify(value);
  } finally {
    collecting = null;
  }
  if (texts.length === 0) return json;
  let out = '';
  let last = 0;
  for (let at = json.indexOf(QUOTED_PLACEHOLDER); at >= 0; at = json.indexOf(QUOTED_PLACEHOLDER, last)) {
    const close = json.indexOf('"', at + QUOTED_PLACEHOLDER.length);
    out += json.slice(last, at) + texts[Number(json.slice(at + QUOTED_PLACEHOLDER.length, close))];
    last = close + 1;
  }
  return out + json.slice(last);
}

const OPEN_OBJECT = 0x7b; // {
const CLOSE_OBJECT = 0x7d; // }
const OPEN_LIST = 0x5b; // [
const CLOSE_LIST = 0x5d; // ]
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;

/**
 * Just enough of a JSON reader to find where values start and end (JSON.parse checks the text
 * itself afterwards): written here because JSON.parse gives no positions and the parsers that do
 * (jsonc-parser's visitor, clarinet) call back for every token, costing more than the parse saved.
 */
class Scanner {
  constructor(private readonly text: string) {}

  start(): number {
    return this.space(0);
  }

  /** Each member of the object at `at`: `visit(key, valueStart)` answers where the value ends. The object's end. */
  members(at: number, visit: (key: string, at: number) => number): number {
    const text = this.text;
    if (text.charCodeAt(at) !== OPEN_OBJECT) throw new SyntaxError('object expected');
    at = this.space(at + 1);
    if (text.charCodeAt(at) === CLOSE_OBJECT) return at + 1;
    for (;;) {
      const keyEnd = this.string(at);
      const key = text.slice(at + 1, keyEnd - 1);
      at = this.space(keyEnd);
      if (text.charCodeAt(at) !== COLON) throw new SyntaxError('colon expected');
      at = this.space(visit(key, this.space(at + 1)));
      const next = text.charCodeAt(at);
      if (next === CLOSE_OBJECT) return at + 1;
      if (next !== COMMA) throw new SyntaxError('comma expected');
      at = this.space(at + 1);
    }
  }

  /** Each item of the list at `at`: `visit(index, valueStart)` answers where the value ends. The list's end. */
  items(at: number, visit: (index: number, at: number) => number): number {
    const text = this.text;
    at = this.space(at + 1);
    if (text.charCodeAt(at) === CLOSE_LIST) return at + 1;
    for (let index = 0; ; index++) {
      at = this.space(visit(index, at));
      const next = text.charCodeAt(at);
      if (next === CLOSE_LIST) return at + 1;
      if (next !== COMMA) throw new SyntaxError('comma expected');
      at = this.space(at + 1);
    }
  }

  /** Where the value at `at` ends. */
  skip(at: number): number {
    const text = this.text;
    const first = text.charCodeAt(at);
    if (first === QUOTE) return this.string(at);
    if (first !== OPEN_OBJECT && first !== OPEN_LIST) {
      let end = at;
      for (let c = text.charCodeAt(end); c === c && c !== COMMA && c !== CLOSE_OBJECT && c !== CLOSE_LIST && c > 0x20; c = text.charCodeAt(++end));
      if (end === at) throw new SyntaxError('value expected');
      return end;
    }
    let depth = 0;
    for (let i = at; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) i = this.string(i) - 1;
      else if (c === OPEN_OBJECT || c === OPEN_LIST) depth++;
      else if ((c === CLOSE_OBJECT || c === CLOSE_LIST) && --depth === 0) return i + 1;
    }
    throw new SyntaxError('unterminated value');
  }

  /** Where the string starting at `at` ends (after its closing quote). */
  private string(at: number): number {
    const text = this.text;
    if (text.charCodeAt(at) !== QUOTE) throw new SyntaxError('string expected');
    for (let close = text.indexOf('"', at + 1); close > 0; close = text.indexOf('"', close + 1)) {
      let backslashes = 0;
      while (text.charCodeAt(close - 1 - backslashes) === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) return close + 1;
    }
    throw new SyntaxError('unterminated string');
  }

  private space(at: number): number {
    const text = this.text;
    for (let c = text.charCodeAt(at); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = text.charCodeAt(++at));
    return at;
  }
}
