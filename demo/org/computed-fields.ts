import type { RecordStore } from './record-store';
import { opportunityStages } from './seed-data';
import type { SObjectRecord } from './types';

/**
 * Fields Salesforce derives on save and refuses to take from a client: Opportunity IsClosed,
 * IsWon and ExpectedRevenue follow the stage, User.Name joins first and last name, and
 * Event.AccountId follows what the event is about.
 */
export function deriveFields(store: RecordStore, objectName: string, record: SObjectRecord): void {
  switch (objectName) {
    case 'Opportunity': {
      const stage = opportunityStages.find((s) => s.name === record.StageName);
      record.IsClosed = typeof record.StageName === 'string' && record.StageName.startsWith('Closed');
      record.IsWon = record.StageName === 'Closed Won';
      if (record.Probability === null || record.Probability === undefined)
        record.Probability = stage?.probability ?? null;
      record.ExpectedRevenue =
        typeof record.Amount === 'number' && typeof record.Probability === 'number'
          ? Math.round(record.Amount * record.Probability) / 100
          : null;
      return;
    }
    case 'User':
      record.Name = [record.FirstName, record.LastName].filter((p) => typeof p === 'string' && p !== '').join(' ');
      return;
    case 'Event': {
      const whatId = typeof record.WhatId === 'string' ? record.WhatId : null;
      if (!whatId) record.AccountId = null;
      else if (whatId.startsWith('001')) record.AccountId = whatId;
      else if (whatId.startsWith('006')) record.AccountId = store.get('Opportunity', whatId)?.AccountId ?? null;
      return;
    }
  }
}
