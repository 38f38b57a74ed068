import { parseAnswer, RawJson, stringifyAnswer, type RawFields } from '../src/execution/raw-json';

/**
 * Subgraph answers read with some subtrees kept as text: the same values as JSON.parse, the same
 * text back out of stringifyAnswer, whatever the strings hold.
 */
const FIELDS: RawFields = new Map([
  ['_entities', new Map([['statuses', 'sig']])],
  ['m1__entities', new Map([['items', 'sig1']])],
]);

/** A small deterministic generator of JSON values with awkward strings. */
function generator(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const strings = ['', 'plain', 'quote " inside', 'back\\slash', 'ends with \\', '\\"', 'مقاولتي', 'tab\tand\nnewline', '}]{[,:', '\u0000nul', 'é€😀'];
  const value = (depth: number): unknown => {
    const pick = next();
    if (depth > 3 || pick < 0.35) return [null, true, false, 0, -1.5, 1e21, 267425992.78, strings[Math.floor(next() * strings.length)]][Math.floor(next() * 8)];
    if (pick < 0.65) return Array.from({ length: Math.floor(next() * 5) }, () => value(depth + 1));
    return Object.fromEntries(Array.from({ length: Math.floor(next() * 5) }, (_, i) => [strings[Math.floor(next() * strings.length)] + i, value(depth + 1)]));
  };
  return value;
}

/** A list long enough to be kept as text. */
const long = (value: unknown) => Array.from({ length: 20 }, (_, i) => ({ i, value, padding: 'long enough' }));

function answers(): Array<Record<string, unknown>> {
  const list: Array<Record<string, unknown>> = [];
  for (let seed = 1; seed <= 60; seed++) {
    const value = generator(seed);
    list.push({
      data: {
        other: value(0),
        _entities: [{ statuses: long(value(1)), kept: value(1) }, null, 'odd', { statuses: null }, { statuses: 3 }, { statuses: { short: 1 } }],
        m1__entities: [{ items: long({ a: value(2), b: 'x' }) }],
      },
      extensions: { n: seed },
    });
  }
  return list;
}

/** Every subtree of a read answer kept as text, with its path. */
function rawIn(value: unknown, path = ''): Array<[string, RawJson]> {
  if (value instanceof RawJson) return [[path, value]];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => rawIn(child, path ? `${path}.${key}` : key));
}

describe('parseAnswer and stringifyAnswer (execution/raw-json.ts)', () => {
  it('read what JSON.parse reads, keeping the named long subtrees as their text, and write it back byte for byte', () => {
    let kept = 0;
    for (const answer of answers()) {
      const text = JSON.stringify(answer);
      const read = parseAnswer(text, FIELDS) as { data: { _entities: Array<Record<string, unknown>>; m1__entities: Array<Record<string, unknown>> } };
      // Exactly the two long subtrees named are kept as text (found wherever they are), each holding its value.
      const raw = rawIn(read);
      kept += raw.length;
      expect(raw.map(([path]) => path)).toEqual(['data._entities.0.statuses', 'data.m1__entities.0.items']);
      const original = answer as { data: { _entities: Array<Record<string, unknown>>; m1__entities: Array<Record<string, unknown>> } };
      expect(raw.map(([, value]) => value.parse())).toEqual([original.data._entities[0].statuses, original.data.m1__entities[0].items]);
      expect(read.data._entities[5].statuses).toEqual({ short: 1 }); // too short to be worth it
      expect(stringifyAnswer(read)).toBe(text);
      expect(JSON.stringify(read)).toBe(text); // anywhere else, a RawJson is its value
    }
    expect(kept).toBe(120);
  });

  it('leave the text alone where it is not asked for, and parse everything when the answer has errors', () => {
    const text = JSON.stringify({ errors: [{ message: 'x', path: ['_entities', 0] }], data: { _entities: [{ statuses: long('status') }] } });
    const read = parseAnswer(text, FIELDS) as { data: { _entities: Array<Record<string, unknown>> } };
    expect(read.data._entities[0].statuses).toEqual(long('status'));
    expect(parseAnswer(text, undefined)).toEqual(JSON.parse(text));
    const pretty = JSON.stringify({ data: { _entities: [{ statuses: long({ code: 'A "b" \\' }) }] } }, null, 2);
    const readPretty = parseAnswer(pretty, FIELDS) as { data: { _entities: Array<{ statuses: RawJson }> } };
    expect(readPretty.data._entities[0].statuses.parse()).toEqual(long({ code: 'A "b" \\' }));
  });

  it('refuse what JSON.parse refuses', () => {
    const good = JSON.stringify({ data: { _entities: [{ statuses: long('s') }] } });
    for (const bad of [good.slice(0, -1), good.replace('"statuses"', 'statuses'), good.replace('[', '[,'), `${good}x`, good.replace('"s"', '"s')]) {
      expect(() => JSON.parse(bad)).toThrow(SyntaxError);
      expect(() => parseAnswer(bad, FIELDS)).toThrow(SyntaxError);
    }
  });

  it("never splice into a client's own strings, even one that looks like a placeholder", () => {
    const read = parseAnswer(JSON.stringify({ data: { _entities: [{ statuses: long('s') }] } }), FIELDS) as { data: Record<string, unknown> };
    const lookalikes = ['\u00000', '\u0000:0', `"\u0000`, '\\u0000'];
    const answer = { data: { ...read.data, echo: lookalikes } };
    expect(JSON.parse(stringifyAnswer(answer))).toEqual({ data: { _entities: [{ statuses: long('s') }], echo: lookalikes } });
  });
});
