import { describe, expect, it } from 'vitest';
import { isRecordId, normalizeRecordId, to18 } from '../../../lib/model/record-id';

describe('to18', () => {
  it.each([
    ['a0D30000001n7Pi', 'a0D30000001n7PiEAI'],
    ['0019000000B98de', '0019000000B98deAAB'],
    ['001A0000006Vm9r', '001A0000006Vm9rIAC'],
  ])('turns %s into %s', (id15, id18) => {
    expect(to18(id15)).toBe(id18);
    expect(to18(id18)).toBe(id18);
  });

  it('refuses strings that are not ids', () => {
    expect(() => to18('abc')).toThrow('Not a Salesforce id');
  });
});

describe('isRecordId / normalizeRecordId', () => {
  it.each([
    ['0019000000B98deAAB', true, '0019000000B98deAAB'],
    ['0019000000B98de', true, '0019000000B98deAAB'],
    ['0019000000B98deAAA', false, '0019000000B98deAAB'],
    ['0019000000B98de!!!', false, null],
    ['', false, null],
    ['<img src=x>', false, null],
  ])('%s: valid %s, normalized %s', (value, valid, normalized) => {
    expect(isRecordId(value)).toBe(valid);
    expect(normalizeRecordId(value)).toBe(normalized);
  });
});
