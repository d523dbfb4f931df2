import { describe, expect, it } from 'vitest';
import { idChunksWithin } from '../../../lib/sync/id-chunks';

const ids = (count: number) => Array.from({ length: count }, (_, i) => `id${i}`);
const ten = () => 10;

describe('idChunksWithin', () => {
  it.each([
    { case: 'no ids: no query', count: 0, fixed: 100, max: 200, sizes: [] },
    { case: 'all fit in one', count: 10, fixed: 100, max: 200, sizes: [10] },
    { case: 'exactly the limit is still one', count: 10, fixed: 100, max: 200, sizes: [10] },
    { case: 'one over the limit starts a second', count: 11, fixed: 100, max: 200, sizes: [10, 1] },
    { case: 'as few chunks as fit, all full but the last', count: 25, fixed: 100, max: 200, sizes: [10, 10, 5] },
    { case: 'a long fixed part leaves room for fewer ids', count: 25, fixed: 150, max: 200, sizes: [5, 5, 5, 5, 5] },
  ])('$case', ({ count, fixed, max, sizes }) => {
    const chunks = idChunksWithin(ids(count), fixed, ten, max);
    expect(chunks.map((chunk) => chunk.length)).toEqual(sizes);
    expect(chunks.flat()).toEqual(ids(count));
  });

  it('measures each id on its own (ids of different lengths)', () => {
    const chunks = idChunksWithin(['a', 'bbbbbb', 'cc', 'd'], 0, (id) => id.length, 7);
    expect(chunks).toEqual([
      ['a', 'bbbbbb'],
      ['cc', 'd'],
    ]);
  });

  it('refuses an id that fits in no query, rather than sending one Salesforce refuses', () => {
    expect(() => idChunksWithin(['id1'], 195, ten, 200)).toThrow('A query for id1 cannot fit in 200 characters');
  });

  it('takes an id that exactly fills a query on its own', () => {
    expect(idChunksWithin(['id1', 'id2'], 190, ten, 200)).toEqual([['id1'], ['id2']]);
  });
});
