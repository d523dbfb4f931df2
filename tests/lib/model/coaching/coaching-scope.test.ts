import { describe, expect, it } from 'vitest';
import { chosenReps, coachingScope, type TeamMember } from '../../../../lib/model/coaching/coaching-scope';

const users: TeamMember[] = [
  { id: 'vp', name: 'Val VP', managerId: null },
  { id: 'morgan', name: 'Morgan Lee', managerId: 'vp' },
  { id: 'sam', name: 'Sam Okafor', managerId: 'morgan' },
  { id: 'riley', name: 'Riley Chen', managerId: 'morgan' },
  { id: 'admin', name: 'Alex Admin', managerId: null },
  { id: 'self', name: 'Self Managed', managerId: 'self' },
];

describe('whose numbers a user sees', () => {
  it.each([
    { viewer: 'morgan', role: 'manager', reps: ['Riley Chen', 'Sam Okafor'] },
    { viewer: 'vp', role: 'manager', reps: ['Morgan Lee', 'Riley Chen', 'Sam Okafor'] },
    { viewer: 'riley', role: 'rep', reps: ['Riley Chen'] },
    { viewer: 'admin', role: 'rep', reps: ['Alex Admin'] },
    { viewer: 'self', role: 'rep', reps: ['Self Managed'] },
    { viewer: 'stranger', role: 'rep', reps: ['You'] },
  ])('$viewer sees $reps as a $role', ({ viewer, role, reps }) => {
    const scope = coachingScope(users, viewer);
    expect(scope.role).toBe(role);
    expect(scope.viewerId).toBe(viewer);
    expect(scope.reps.map((rep) => rep.name)).toEqual(reps);
  });

  it('survives a manager relation that loops back to the viewer', () => {
    const looped: TeamMember[] = [
      { id: 'a', name: 'A', managerId: 'b' },
      { id: 'b', name: 'B', managerId: 'a' },
    ];
    expect(coachingScope(looped, 'a').reps.map((rep) => rep.id)).toEqual(['b']);
  });

  it('orders reps of the same name by id', () => {
    const twins: TeamMember[] = [
      { id: 'z', name: 'Pat', managerId: 'm' },
      { id: 'y', name: 'Pat', managerId: 'm' },
    ];
    expect(coachingScope(twins, 'm').reps.map((rep) => rep.id)).toEqual(['y', 'z']);
  });

  it('a filter picks reps of the scope in its order, all when empty, and names any outside it', () => {
    const scope = coachingScope(users, 'morgan');
    expect(chosenReps(scope, undefined)).toEqual({ ok: true, repIds: ['riley', 'sam'] });
    expect(chosenReps(scope, [])).toEqual({ ok: true, repIds: ['riley', 'sam'] });
    expect(chosenReps(scope, ['sam', 'riley', 'sam'])).toEqual({ ok: true, repIds: ['riley', 'sam'] });
    expect(chosenReps(scope, ['sam', 'vp', 'admin'])).toEqual({ ok: false, outside: ['vp', 'admin'] });
  });
});
