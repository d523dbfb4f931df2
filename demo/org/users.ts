import { seedUsers } from './seed-data';
import type { DemoUser } from './types';

/** The seeded team as DemoUser values; every user signs in with the password `demo`. */
export const demoPassword = 'demo';

export const demoUsers: readonly DemoUser[] = seedUsers.map((u) => ({
  Id: u.Id,
  Username: u.Username,
  Name: `${u.FirstName} ${u.LastName}`,
  FirstName: u.FirstName,
  LastName: u.LastName,
  Email: u.Username,
  Title: u.Title,
  role: u.role,
  ManagerId: u.ManagerId,
  permissionSets: u.permissionSets,
}));

/** The User records the API serves (SOQL on User, Owner.Name look-ups). */
export function userRecordValues(user: DemoUser): Record<string, unknown> {
  return {
    Username: user.Username,
    Name: user.Name,
    FirstName: user.FirstName,
    LastName: user.LastName,
    Email: user.Email,
    Title: user.Title,
    ManagerId: user.ManagerId,
    IsActive: true,
    Alias: (user.FirstName.charAt(0) + user.LastName).slice(0, 8).toLowerCase(),
    TimeZoneSidKey: 'Europe/London',
  };
}
