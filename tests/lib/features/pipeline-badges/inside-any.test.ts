// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { insideAny } from '../../../../lib/features/pipeline-badges/inside-any';

function tree() {
  const row = document.createElement('tr');
  const cell = document.createElement('th');
  const host = document.createElement('span');
  const shadow = host.attachShadow({ mode: 'open' });
  const link = document.createElement('a');
  link.href = '/lightning/r/006Hs00000AAAA1IAP/view';
  shadow.append(link);
  cell.append(host);
  row.append(cell);
  const other = document.createElement('tr');
  return { row, cell, host, shadow, link, other };
}

describe('insideAny', () => {
  it.each([
    { case: 'the root itself', roots: ['row'], node: 'row', inside: true },
    { case: 'a child of a root', roots: ['row'], node: 'cell', inside: true },
    { case: 'inside a shadow root, through its host', roots: ['row'], node: 'link', inside: true },
    { case: 'the shadow root as a root', roots: ['shadow'], node: 'link', inside: true },
    { case: 'another row', roots: ['other'], node: 'link', inside: false },
    { case: 'the root below the node', roots: ['link'], node: 'row', inside: false },
    { case: 'no roots', roots: [], node: 'link', inside: false },
  ] as const)('$case', ({ roots, node, inside }) => {
    const nodes = tree();
    expect(insideAny(new Set(roots.map((name) => nodes[name])), nodes[node])).toBe(inside);
  });

  it('a link with no parent is inside nothing (an anchor`s own `host` is no shadow host)', () => {
    const { link, shadow } = tree();
    link.remove();
    expect(insideAny(new Set([shadow]), link)).toBe(false);
  });

  it('climbs from a shadow root to its host', () => {
    const { shadow, row } = tree();
    expect(insideAny(new Set([row]), shadow)).toBe(true);
    expect(insideAny(new Set([row]), null)).toBe(false);
  });

  it('with one memo for many questions, every answer is the one asked alone', () => {
    const nodes = tree();
    const names = Object.keys(nodes) as (keyof typeof nodes)[];
    for (const rootName of names) {
      const roots = new Set<Node>([nodes[rootName]]);
      const known = new Map<Node, boolean>();
      for (const name of [...names, ...names]) {
        expect([rootName, name, insideAny(roots, nodes[name], known)]).toEqual([
          rootName,
          name,
          insideAny(roots, nodes[name]),
        ]);
      }
    }
  });

  it('remembers every node it climbed through, so the next climb stops where this one passed', () => {
    const { row, cell, host, shadow, link } = tree();
    const known = new Map<Node, boolean>();
    expect(insideAny(new Set([row]), link, known)).toBe(true);
    expect(known).toEqual(
      new Map<Node, boolean>([
        [row, true],
        [cell, true],
        [host, true],
        [shadow, true],
        [link, true],
      ]),
    );
    const outside = new Map<Node, boolean>();
    expect(insideAny(new Set([tree().row]), cell, outside)).toBe(false);
    expect([...outside.values()]).toEqual([false, false]);
    // An answer already known is taken as it is, without climbing again.
    known.set(cell, false);
    expect(insideAny(new Set([row]), host, new Map([[host, false]]))).toBe(false);
    expect(insideAny(new Set([row]), cell, known)).toBe(false);
  });
});
