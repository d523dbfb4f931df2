import { to18 } from '../../lib/model/record-id';

/**
 * The story the demo org tells on first start: a small team selling to six accounts. Dates are
 * relative to `now`, so the pipeline never goes stale.
 */
export const demoOrgId = to18('00D5g00000PrcAL');

const id = (prefix: string, tail: string) => to18(`${prefix}5g00000${tail}`);

export const seedUsers = [
  {
    Id: id('005', 'Mgn01'),
    Username: 'morgan@precall.demo',
    FirstName: 'Morgan',
    LastName: 'Lee',
    Title: 'Sales Manager',
    role: 'manager',
    ManagerId: null,
    permissionSets: ['Precall_Manager'],
  },
  {
    Id: id('005', 'Rly01'),
    Username: 'riley@precall.demo',
    FirstName: 'Riley',
    LastName: 'Chen',
    Title: 'Account Executive',
    role: 'rep',
    ManagerId: id('005', 'Mgn01'),
    permissionSets: ['Precall_User'],
  },
  {
    Id: id('005', 'Sam01'),
    Username: 'sam@precall.demo',
    FirstName: 'Sam',
    LastName: 'Okafor',
    Title: 'Account Executive',
    role: 'rep',
    ManagerId: id('005', 'Mgn01'),
    permissionSets: ['Precall_User'],
  },
  {
    Id: id('005', 'Adm01'),
    Username: 'admin@precall.demo',
    FirstName: 'Alex',
    LastName: 'Admin',
    Title: 'Salesforce Admin',
    role: 'admin',
    ManagerId: null,
    // An admin holds both: they read and write every field of the package.
    permissionSets: ['Precall_User', 'Precall_Manager'],
  },
] as const;

export const userIds = {
  morgan: seedUsers[0].Id,
  riley: seedUsers[1].Id,
  sam: seedUsers[2].Id,
  admin: seedUsers[3].Id,
} as const;

export const seedAccounts = [
  {
    Id: id('001', 'Nwd01'),
    Name: 'Northwind Logistics',
    Industry: 'Transportation',
    BillingCity: 'Rotterdam',
    OwnerId: userIds.riley,
  },
  {
    Id: id('001', 'Glx01'),
    Name: 'Globex Manufacturing',
    Industry: 'Manufacturing',
    BillingCity: 'Lyon',
    OwnerId: userIds.riley,
  },
  {
    Id: id('001', 'Int01'),
    Name: 'Initech Software',
    Industry: 'Technology',
    BillingCity: 'Austin',
    OwnerId: userIds.sam,
  },
  {
    Id: id('001', 'Umb01'),
    Name: 'Umbrella Health',
    Industry: 'Healthcare',
    BillingCity: 'Leeds',
    OwnerId: userIds.sam,
  },
  {
    Id: id('001', 'Acm01'),
    Name: 'Acme Retail Group',
    Industry: 'Retail',
    BillingCity: 'Chicago',
    OwnerId: userIds.riley,
  },
  { Id: id('001', 'Stk01'), Name: 'Stark Energy', Industry: 'Energy', BillingCity: 'Oslo', OwnerId: userIds.sam },
] as const;

const accountId = (name: string) => {
  const account = seedAccounts.find((a) => a.Name.startsWith(name));
  if (!account) throw new Error(`no seed account ${name}`);
  return account.Id;
};

/** Stage names and probabilities of the standard Opportunity sales process. */
export const opportunityStages = [
  { name: 'Prospecting', probability: 10 },
  { name: 'Qualification', probability: 20 },
  { name: 'Needs Analysis', probability: 30 },
  { name: 'Value Proposition', probability: 50 },
  { name: 'Proposal/Price Quote', probability: 75 },
  { name: 'Negotiation/Review', probability: 90 },
  { name: 'Closed Won', probability: 100 },
  { name: 'Closed Lost', probability: 0 },
] as const;

interface SeedOpportunity {
  Id: string;
  Name: string;
  AccountId: string;
  OwnerId: string;
  StageName: (typeof opportunityStages)[number]['name'];
  Amount: number;
  /** Days from `now` to the close date. */
  closeInDays: number;
  NextStep: string | null;
}

export const seedOpportunities: readonly SeedOpportunity[] = [
  {
    Id: id('006', 'Nwd01'),
    Name: 'Northwind – Fleet Telematics Rollout',
    AccountId: accountId('Northwind'),
    OwnerId: userIds.riley,
    StageName: 'Proposal/Price Quote',
    Amount: 184000,
    closeInDays: 21,
    NextStep: 'Pricing review with CFO',
  },
  {
    Id: id('006', 'Nwd02'),
    Name: 'Northwind – Warehouse Pilot',
    AccountId: accountId('Northwind'),
    OwnerId: userIds.riley,
    StageName: 'Qualification',
    Amount: 36000,
    closeInDays: 64,
    NextStep: null,
  },
  {
    Id: id('006', 'Glx01'),
    Name: 'Globex – Plant Maintenance Suite',
    AccountId: accountId('Globex'),
    OwnerId: userIds.riley,
    StageName: 'Needs Analysis',
    Amount: 95000,
    closeInDays: 45,
    NextStep: 'Site visit in Lyon',
  },
  {
    Id: id('006', 'Glx02'),
    Name: 'Globex – Spare Parts Portal',
    AccountId: accountId('Globex'),
    OwnerId: userIds.riley,
    StageName: 'Negotiation/Review',
    Amount: 58000,
    closeInDays: 9,
    NextStep: 'Legal redlines',
  },
  {
    Id: id('006', 'Acm01'),
    Name: 'Acme – Store Analytics',
    AccountId: accountId('Acme'),
    OwnerId: userIds.riley,
    StageName: 'Value Proposition',
    Amount: 120000,
    closeInDays: 28,
    NextStep: 'Demo for regional managers',
  },
  {
    Id: id('006', 'Acm02'),
    Name: 'Acme – Loyalty Renewal',
    AccountId: accountId('Acme'),
    OwnerId: userIds.riley,
    StageName: 'Closed Won',
    Amount: 42000,
    closeInDays: -12,
    NextStep: null,
  },
  {
    Id: id('006', 'Int01'),
    Name: 'Initech – Support Desk Migration',
    AccountId: accountId('Initech'),
    OwnerId: userIds.sam,
    StageName: 'Prospecting',
    Amount: 27000,
    closeInDays: 80,
    NextStep: null,
  },
  {
    Id: id('006', 'Int02'),
    Name: 'Initech – Developer Seats Expansion',
    AccountId: accountId('Initech'),
    OwnerId: userIds.sam,
    StageName: 'Proposal/Price Quote',
    Amount: 64000,
    closeInDays: 18,
    NextStep: 'Send revised quote',
  },
  {
    Id: id('006', 'Umb01'),
    Name: 'Umbrella – Patient Scheduling',
    AccountId: accountId('Umbrella'),
    OwnerId: userIds.sam,
    StageName: 'Needs Analysis',
    Amount: 150000,
    closeInDays: 52,
    NextStep: 'Workshop with clinic leads',
  },
  {
    Id: id('006', 'Umb02'),
    Name: 'Umbrella – Compliance Reporting',
    AccountId: accountId('Umbrella'),
    OwnerId: userIds.sam,
    StageName: 'Closed Lost',
    Amount: 33000,
    closeInDays: -20,
    NextStep: null,
  },
  {
    Id: id('006', 'Stk01'),
    Name: 'Stark – Grid Monitoring',
    AccountId: accountId('Stark'),
    OwnerId: userIds.sam,
    StageName: 'Value Proposition',
    Amount: 210000,
    closeInDays: 26,
    NextStep: 'Technical deep dive',
  },
  {
    Id: id('006', 'Stk02'),
    Name: 'Stark – Field Service Tablets',
    AccountId: accountId('Stark'),
    OwnerId: userIds.sam,
    StageName: 'Qualification',
    Amount: 48000,
    closeInDays: 12,
    NextStep: null,
  },
];

/** The opportunity `npm start` opens: Riley's largest open deal. */
export const showcaseOpportunityId = seedOpportunities[0]?.Id as string;
