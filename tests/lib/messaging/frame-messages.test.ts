import { describe, expect, it } from 'vitest';
import { isCollapseMessage, opportunityIdOf, opportunityMessage } from '../../../lib/messaging/frame-messages';

describe('frame messages', () => {
  it.each([
    [opportunityMessage('0065g00000Nwd01AAB'), '0065g00000Nwd01AAB'],
    [opportunityMessage('0065g00000Nwd01'), '0065g00000Nwd01AAB'],
    [{ type: 'precall:opportunity', opportunityId: '<img src=x>' }, null],
    [{ type: 'precall:opportunity', opportunityId: 42 }, null],
    [{ type: 'precall:collapse' }, null],
    ['precall:opportunity', null],
    [null, null],
  ])('opportunityIdOf(%j) → %s', (data, expected) => {
    expect(opportunityIdOf(data)).toBe(expected);
  });

  it.each([
    [{ type: 'precall:collapse' }, true],
    [{ type: 'precall:opportunity', opportunityId: '0065g00000Nwd01AAB' }, false],
    ['precall:collapse', false],
    [undefined, false],
  ])('isCollapseMessage(%j) → %s', (data, expected) => {
    expect(isCollapseMessage(data)).toBe(expected);
  });
});

describe('frame messages, more shapes', () => {
  it('a message of another type never names an opportunity, even with an id in it', () => {
    expect(opportunityIdOf({ type: 'precall:other', opportunityId: '0065g00000Nwd01AAB' })).toBeNull();
  });

  it('null is not a collapse', () => {
    expect(isCollapseMessage(null)).toBe(false);
  });
});
