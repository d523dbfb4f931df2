import type { RecordStore } from './record-store';
import type { DemoUser, SObjectRecord } from './types';

/**
 * Who sees what, by role, as the demo's sharing model says:
 * - a rep sees the opportunities they own, what hangs below them (Call_Plan__c through
 *   Opportunity__c, objections through their plan), Events on those opportunities or their own,
 *   and the accounts of their opportunities (or that they own);
 * - a manager sees the same for the whole team (themselves and their direct reports);
 * - an admin sees everything. Users are visible to all, as in a normal org.
 * Master-detail children (sharingModel ControlledByParent) follow their master, whatever object.
 * Objects whose org-wide default is Public Read Only (sharingModel Read: playbooks) are seen by all.
 */
export class Sharing {
  constructor(
    private readonly store: RecordStore,
    private readonly users: () => DemoUser[],
  ) {}

  /** The owners whose records `user` sees, or null when the user sees everything. */
  team(user: DemoUser): Set<string> | null {
    if (user.role === 'admin') return null;
    const team = new Set([user.Id]);
    if (user.role === 'manager') for (const u of this.users()) if (u.ManagerId === user.Id) team.add(u.Id);
    return team;
  }

  canSee(user: DemoUser, object: string, record: SObjectRecord): boolean {
    const team = this.team(user);
    return team === null || this.visible(team, object, record, 0);
  }

  /** A predicate for many checks of one user (a query), computing the team once. */
  filterFor(user: DemoUser): (object: string, record: SObjectRecord) => boolean {
    const team = this.team(user);
    if (team === null) return () => true;
    return (object, record) => this.visible(team, object, record, 0);
  }

  private visible(team: Set<string>, object: string, record: SObjectRecord, depth: number): boolean {
    if (depth > 5) return false;
    const schema = this.store.objectOf(object);
    if (!schema) return false;
    switch (schema.name) {
      case 'User':
      case 'PermissionSet':
        return true;
      case 'PermissionSetAssignment':
        return typeof record.AssigneeId === 'string' && team.has(record.AssigneeId);
      case 'Opportunity':
        return ownedBy(team, record);
      case 'Account':
        return ownedBy(team, record) || this.hasVisibleOpportunity(team, record.Id);
      case 'Event': {
        if (ownedBy(team, record)) return true;
        const what = typeof record.WhatId === 'string' ? this.parentOf(record.WhatId) : undefined;
        return what !== undefined && this.visible(team, what.object, what.record, depth + 1);
      }
    }
    if (schema.sharingModel === 'Read') return true;
    if (schema.sharingModel === 'ControlledByParent') {
      const master = schema.fields.find((f) => f.type === 'reference' && f.cascadeDelete);
      const parentObject = master?.referenceTo[0];
      const parentId = master ? record[master.name] : undefined;
      if (!parentObject || typeof parentId !== 'string') return false;
      const parent = this.store.get(parentObject, parentId);
      return parent !== undefined && this.visible(team, parentObject, parent, depth + 1);
    }
    return ownedBy(team, record) || (typeof record.CreatedById === 'string' && team.has(record.CreatedById));
  }

  private hasVisibleOpportunity(team: Set<string>, accountId: string): boolean {
    for (const id of this.store.childIds('Opportunity', 'AccountId', accountId)) {
      const opportunity = this.store.get('Opportunity', id);
      if (opportunity && ownedBy(team, opportunity)) return true;
    }
    return false;
  }

  /** Finds a polymorphic parent (Event.WhatId) by its key prefix. */
  private parentOf(id: string): { object: string; record: SObjectRecord } | undefined {
    const prefix = id.slice(0, 3);
    for (const object of this.store.schema.objects) {
      if (object.keyPrefix !== prefix) continue;
      const record = this.store.get(object.name, id);
      return record ? { object: object.name, record } : undefined;
    }
    return undefined;
  }
}

function ownedBy(team: Set<string>, record: SObjectRecord): boolean {
  return typeof record.OwnerId === 'string' && team.has(record.OwnerId);
}
