import { describe, expect, it } from 'vitest';
import { playbookOfManager, playbookOfRep, type TeamPlaybook } from '../../../../lib/model/playbook/team-playbook';

const book = (
  name: string,
  ownerId: string,
  isDefault: boolean,
  updatedAt = '2026-03-01T00:00:00.000Z',
): TeamPlaybook => ({
  playbookKey: name,
  name,
  ownerId,
  isDefault,
  updatedAt,
});

const orgDefault = book('org default', 'admin', true);
const west = book('west', 'morgan', false);
const westNewer = book('west newer', 'morgan', false, '2026-03-05T00:00:00.000Z');

describe('which playbook a rep works by', () => {
  it.each([
    ["their manager's", [orgDefault, west], 'morgan', 'west'],
    ["the newest of their manager's", [west, westNewer, orgDefault], 'morgan', 'west newer'],
    ["the org's default when their manager has none", [orgDefault, west], 'jordan', 'org default'],
    ['the default for a rep without a manager', [orgDefault, west], null, 'org default'],
    ['none at all', [west], 'jordan', null],
  ])('%s', (_case, playbooks, managerId, expected) => {
    expect(playbookOfRep(playbooks, { id: 'riley', managerId })?.name ?? null).toBe(expected);
  });

  it("a manager edits their own playbook, never the org's default", () => {
    expect(playbookOfManager([orgDefault, west], 'morgan')?.name).toBe('west');
    expect(playbookOfManager([orgDefault], 'morgan')).toBeNull();
  });
});
