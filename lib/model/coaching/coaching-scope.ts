/**
 * Whose numbers a user sees: a manager their team (everyone who reports to them, directly or
 * through another manager, from the users' manager relation); anyone with nobody reporting to
 * them sees their own numbers as a rep.
 */
export interface TeamMember {
  id: string;
  name: string;
  managerId: string | null;
}

export interface CoachingScope {
  viewerId: string;
  role: 'manager' | 'rep';
  /** The reps this user may see, by name. */
  reps: { id: string; name: string }[];
}

export function coachingScope(users: readonly TeamMember[], viewerId: string): CoachingScope {
  const reportsOf = new Map<string, TeamMember[]>();
  for (const user of users) {
    if (user.managerId === null || user.id === user.managerId) continue;
    const list = reportsOf.get(user.managerId);
    if (list) list.push(user);
    else reportsOf.set(user.managerId, [user]);
  }
  const team = new Map<string, TeamMember>();
  const queue = [...(reportsOf.get(viewerId) ?? [])];
  // A manager relation that loops back to the viewer must not make them their own rep.
  for (let member = queue.shift(); member; member = queue.shift()) {
    if (member.id === viewerId || team.has(member.id)) continue;
    team.set(member.id, member);
    queue.push(...(reportsOf.get(member.id) ?? []));
  }
  if (team.size === 0) {
    const self = users.find((user) => user.id === viewerId);
    return { viewerId, role: 'rep', reps: [{ id: viewerId, name: self?.name ?? 'You' }] };
  }
  const reps = [...team.values()]
    .map(({ id, name }) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { viewerId, role: 'manager', reps };
}

/**
 * The reps a filter asks for, in the scope's order; all of them when the filter names none.
 * A rep outside the scope is an error the caller reports, never silently another's numbers.
 */
export function chosenReps(
  scope: CoachingScope,
  repIds: readonly string[] | undefined,
): { ok: true; repIds: string[] } | { ok: false; outside: string[] } {
  if (!repIds || repIds.length === 0) return { ok: true, repIds: scope.reps.map((rep) => rep.id) };
  const wanted = new Set(repIds);
  const outside = [...wanted].filter((id) => !scope.reps.some((rep) => rep.id === id));
  if (outside.length > 0) return { ok: false, outside };
  return { ok: true, repIds: scope.reps.filter((rep) => wanted.has(rep.id)).map((rep) => rep.id) };
}
