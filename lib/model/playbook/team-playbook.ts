import type { Playbook } from './playbook';

/** A playbook as stored: with the manager who owns it (OwnerId), whose reps it guides. */
export interface TeamPlaybook extends Playbook {
  ownerId: string;
}

/**
 * The playbook a rep works by: their manager's own, else the org's default. When several
 * qualify, the most recently changed wins, so a duplicate never flips back and forth.
 */
export function playbookOfRep<T extends TeamPlaybook>(
  playbooks: readonly T[],
  rep: { id: string; managerId: string | null },
): T | null {
  const newest = (list: T[]) => list.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0] ?? null;
  const team = rep.managerId ? newest(playbooks.filter((p) => p.ownerId === rep.managerId)) : null;
  return team ?? newest(playbooks.filter((p) => p.isDefault));
}

/** The playbook a manager edits: their own, else none yet (they start from the default). */
export function playbookOfManager<T extends TeamPlaybook>(playbooks: readonly T[], managerId: string): T | null {
  return (
    playbooks.filter((p) => p.ownerId === managerId).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0] ?? null
  );
}
