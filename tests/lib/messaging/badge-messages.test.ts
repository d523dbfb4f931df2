import { describe, expect, it } from 'vitest';
import { badgeUpdate, isBadgeUpdate } from '../../../lib/messaging/badge-messages';

const origin = 'https://acme.lightning.force.com';

describe('a badge update a content script accepts', () => {
  it.each<[string, unknown, boolean]>([
    ['an update for this page’s org', badgeUpdate(origin, {}), true],
    ['an update for another org', badgeUpdate('https://globex.lightning.force.com', {}), false],
    ['another message type', { ...badgeUpdate(origin, {}), type: 'badges:get' }, false],
    ['an update without summaries', { ...badgeUpdate(origin, {}), summaries: null }, false],
    ['summaries that are not an object', { ...badgeUpdate(origin, {}), summaries: 'all planned' }, false],
    ['nothing', null, false],
    ['a string', 'badges:update', false],
  ])('%s: %s', (_case, message, accepted) => {
    expect(isBadgeUpdate(message, origin)).toBe(accepted);
  });

  it('is built with the envelope every Precall message carries', () => {
    expect(badgeUpdate(origin, {})).toEqual({ precall: 1, type: 'badges:update', origin, summaries: {} });
  });
});
