import * as z from 'zod/mini';
import type { UserRow } from '../db/salesforce-cache';

/** User → the read-only `users` copy (names beside plans, who reports to whom). */
export const userSelect = ['Id', 'Name', 'ManagerId', 'SystemModstamp'];

const userSchema = z.lazy(() =>
  z.looseObject({
    Id: z.string().check(z.minLength(15)),
    Name: z.string(),
    ManagerId: z.nullable(z.string()),
    SystemModstamp: z.string(),
  }),
);

export function remoteUserOf(raw: unknown, fetchedAt: string): { row: UserRow; systemModstamp: string } {
  const record = userSchema.parse(raw);
  return {
    row: { id: record.Id, name: record.Name, managerId: record.ManagerId, fetchedAt },
    systemModstamp: record.SystemModstamp,
  };
}
