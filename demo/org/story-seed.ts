import { permissionSetSeed } from './permission-set-seed';
import { createPrng } from './prng';
import { opportunityStages, seedAccounts, seedOpportunities, userIds } from './seed-data';
import { demoUsers, userRecordValues } from './users';

/**
 * The story on first start, on top of seed-data.ts: five weeks of meetings and call plans for
 * Riley and Sam, so the manager's view has something true to show. Each rep has advances, a
 * continuation, a no-sale or stall, one outcome overdue, one plan written after the fact,
 * surprise objections, and a coaching note from Morgan; some meetings coming up have a plan and
 * some do not. Dates are relative to `now`; free text and keys come from a seeded generator.
 */
export interface SeedRecord {
  object: string;
  id?: string;
  /** A name other seed records use to point at this one before it has an id. */
  ref?: string;
  values: Record<string, unknown>;
  /** CreatedById / LastModifiedById. */
  by: string;
  createdAt: Date;
  modifiedAt?: Date;
}

interface StoryObjection {
  objection: string;
  response: string;
  expected: boolean;
  raised?: boolean;
  handled?: 'Yes' | 'Partly' | 'No';
}

interface StoryOutcome {
  outcome: 'Order' | 'Advance' | 'Continuation' | 'No-sale';
  commitment: 'Best' | 'Between' | 'Minimum' | 'Below';
  actualNextStep: string;
  nextStepDueInDays: number | null;
  decision: 'Pursue' | 'Disqualify' | 'Postpone' | 'Revisit';
  notes: string;
  /** Hours after the call the rep logged it (over 24 means late). */
  loggedAfterHours: number;
}

interface StoryPlan {
  opportunity: string;
  callInDays: number;
  callType: 'Call' | 'Meeting' | 'Demo' | 'Other';
  goal: string;
  buyerReason: string;
  bestNextStep: string;
  minimumNextStep: string;
  questions: string[];
  qualification: [
    'Confirmed' | 'Unknown' | 'At risk',
    'Confirmed' | 'Unknown' | 'At risk',
    'Confirmed' | 'Unknown' | 'At risk',
    'Confirmed' | 'Unknown' | 'At risk',
  ];
  walkAway?: string;
  /** Written this many hours after the call instead of before it. */
  writtenAfterHours?: number;
  outcome?: StoryOutcome;
  coachNote?: string;
  objections: StoryObjection[];
  /** False when the call had no calendar event (a quick phone call). */
  meeting?: boolean;
}

/** Meetings on the calendar that nobody planned for. */
interface StoryMeeting {
  opportunity: string;
  inDays: number;
  subject: string;
}

const opp = (tail: string) => {
  const found = seedOpportunities.find((o) => o.Id.startsWith(`0065g00000${tail}`));
  if (!found) throw new Error(`no seed opportunity ${tail}`);
  return found;
};

const plans: StoryPlan[] = [
  // Riley — Northwind fleet telematics: two advances, then a stalled pricing call, CFO call next.
  {
    opportunity: 'Nwd01',
    callInDays: -31,
    callType: 'Call',
    goal: 'Agree the fleet problems worth solving and who owns the budget',
    buyerReason: 'Fuel costs rose 18% this year and the COO wants a plan by Q3',
    bestNextStep: 'Ops director books a demo with the dispatch team',
    minimumNextStep: 'Ops director shares last quarter fuel report',
    questions: ['How many vehicles are in scope?', 'Who signs off above 100k?'],
    qualification: ['Confirmed', 'Unknown', 'Unknown', 'Confirmed'],
    objections: [
      {
        objection: 'We already have GPS trackers',
        response: 'Trackers show where; we show why fuel is burnt',
        expected: true,
        raised: true,
        handled: 'Yes',
      },
    ],
    outcome: {
      outcome: 'Advance',
      commitment: 'Best',
      actualNextStep: 'Demo with dispatch booked',
      nextStepDueInDays: -17,
      decision: 'Pursue',
      notes: 'Strong pain on fuel. CFO is the economic buyer.',
      loggedAfterHours: 3,
    },
  },
  {
    opportunity: 'Nwd01',
    callInDays: -17,
    callType: 'Demo',
    goal: 'Dispatch team sees their own routes in the product and agrees it fits',
    buyerReason: 'Dispatchers lose an hour a day re-planning routes by hand',
    bestNextStep: 'Pilot agreement for 40 vehicles',
    minimumNextStep: 'Dispatch lead introduces us to IT security',
    questions: ['Which telematics boxes are installed?'],
    qualification: ['Confirmed', 'Unknown', 'Confirmed', 'Confirmed'],
    objections: [
      {
        objection: 'Drivers will push back on monitoring',
        response: 'Driver app shows their own score first; works council template',
        expected: true,
        raised: true,
        handled: 'Partly',
      },
      {
        objection: 'IT will need a security review',
        response: 'Send SOC 2 report upfront',
        expected: false,
        raised: true,
        handled: 'Yes',
      },
    ],
    outcome: {
      outcome: 'Advance',
      commitment: 'Between',
      actualNextStep: 'Security review started, pilot scope drafted',
      nextStepDueInDays: -8,
      decision: 'Pursue',
      notes: 'No pilot yet, but IT engaged.',
      loggedAfterHours: 5,
    },
  },
  {
    opportunity: 'Nwd01',
    callInDays: -6,
    callType: 'Call',
    goal: 'CFO agrees the price range before the formal proposal',
    buyerReason: 'Budget for next year is set this month',
    bestNextStep: 'CFO confirms budget and books the pricing review',
    minimumNextStep: 'CFO names the budget range',
    questions: ['Capex or opex?', 'Is there a competing quote?'],
    qualification: ['Confirmed', 'At risk', 'Confirmed', 'Confirmed'],
    walkAway: 'No budget this fiscal year and no pilot',
    objections: [
      {
        objection: 'Price is above what we planned',
        response: 'Phase the rollout; show 9-month payback',
        expected: true,
        raised: true,
        handled: 'Partly',
      },
    ],
    outcome: {
      outcome: 'Continuation',
      commitment: 'Below',
      actualNextStep: 'CFO will "think about it"',
      nextStepDueInDays: 3,
      decision: 'Pursue',
      notes: 'Friendly call, no commitment.',
      loggedAfterHours: 20,
    },
    coachNote:
      'Nice call, but this is a continuation, not an advance. Next time ask for the pricing review date before you hang up.',
  },
  {
    opportunity: 'Nwd01',
    callInDays: 2,
    callType: 'Meeting',
    goal: 'CFO and COO agree to a phased rollout starting next quarter',
    buyerReason: 'Their budget is set this month; phasing fits it',
    bestNextStep: 'Signed order for phase one',
    minimumNextStep: 'Agreed date for the legal review',
    questions: ['Who else must approve the contract?'],
    qualification: ['Confirmed', 'At risk', 'Confirmed', 'Confirmed'],
    walkAway: 'They want the full rollout at the phase-one price',
    objections: [
      {
        objection: 'Price is above what we planned',
        response: 'Phase one fits this year; rest next fiscal',
        expected: true,
      },
    ],
  },
  // Riley — Globex plant maintenance: one advance, then an outcome overdue.
  {
    opportunity: 'Glx01',
    callInDays: -22,
    callType: 'Meeting',
    goal: 'Maintenance head agrees the downtime cost is worth a project',
    buyerReason: 'Two unplanned line stops cost them a week of output',
    bestNextStep: 'Site visit in Lyon with the plant manager',
    minimumNextStep: 'Downtime figures shared',
    questions: ['How is maintenance scheduled today?'],
    qualification: ['Confirmed', 'Unknown', 'Unknown', 'Unknown'],
    objections: [
      {
        objection: 'Our SAP PM module already does this',
        response: 'We feed SAP PM; show the connector',
        expected: true,
        raised: true,
        handled: 'Yes',
      },
    ],
    outcome: {
      outcome: 'Advance',
      commitment: 'Minimum',
      actualNextStep: 'Downtime figures received',
      nextStepDueInDays: -15,
      decision: 'Pursue',
      notes: 'Site visit not agreed yet.',
      loggedAfterHours: 2,
    },
  },
  {
    opportunity: 'Glx01',
    callInDays: -3,
    callType: 'Call',
    goal: 'Plant manager agrees the date of the site visit',
    buyerReason: 'Figures show 6% lost capacity',
    bestNextStep: 'Site visit booked with plant manager and IT',
    minimumNextStep: 'Plant manager joins a follow-up call',
    questions: ['Who runs the shop-floor network?'],
    qualification: ['Confirmed', 'Unknown', 'Unknown', 'At risk'],
    objections: [
      {
        objection: 'Too busy until the summer shutdown',
        response: 'Visit takes two hours; offer the shutdown week',
        expected: true,
      },
    ],
  },
  // Riley — Globex parts portal: an advance, then a plan written after the call.
  {
    opportunity: 'Glx02',
    callInDays: -13,
    callType: 'Meeting',
    goal: 'Procurement agrees the contract terms to redline',
    buyerReason: 'Their distributors order by email today',
    bestNextStep: 'Legal receives the contract this week',
    minimumNextStep: 'Procurement lists the terms they will change',
    questions: ['Standard payment terms?'],
    qualification: ['Confirmed', 'Confirmed', 'Confirmed', 'Confirmed'],
    objections: [
      {
        objection: 'Liability cap is too low',
        response: 'Offer 12 months of fees',
        expected: true,
        raised: true,
        handled: 'Yes',
      },
    ],
    outcome: {
      outcome: 'Advance',
      commitment: 'Best',
      actualNextStep: 'Contract sent to legal',
      nextStepDueInDays: -6,
      decision: 'Pursue',
      notes: 'Clean meeting.',
      loggedAfterHours: 1,
    },
  },
  {
    opportunity: 'Glx02',
    callInDays: -7,
    callType: 'Call',
    goal: 'Close the open redlines',
    buyerReason: 'They want the portal before the autumn catalogue',
    bestNextStep: 'Redlines agreed and signature date set',
    minimumNextStep: 'Open points down to two',
    questions: [],
    qualification: ['Confirmed', 'Confirmed', 'Confirmed', 'Confirmed'],
    writtenAfterHours: 22,
    objections: [
      {
        objection: 'Data residency clause',
        response: 'EU hosting addendum',
        expected: false,
        raised: true,
        handled: 'Yes',
      },
    ],
    outcome: {
      outcome: 'Advance',
      commitment: 'Between',
      actualNextStep: 'One open point left, signature next week',
      nextStepDueInDays: 4,
      decision: 'Pursue',
      notes: 'Plan written after the call, from memory.',
      loggedAfterHours: 23,
    },
    meeting: false,
  },
  // Riley — Acme analytics: a continuation, then an advance with a surprise objection; demo ahead.
  {
    opportunity: 'Acm01',
    callInDays: -26,
    callType: 'Call',
    goal: 'Head of retail ops agrees to see a demo',
    buyerReason: 'Store managers cannot see daily margins',
    bestNextStep: 'Demo booked with regional managers',
    minimumNextStep: 'Intro to the BI lead',
    questions: ['Which POS system?'],
    qualification: ['Unknown', 'Unknown', 'Unknown', 'Unknown'],
    objections: [
      {
        objection: 'We are building it in-house',
        response: 'Ask how long the in-house project has run',
        expected: true,
        raised: false,
      },
    ],
    outcome: {
      outcome: 'Continuation',
      commitment: 'Below',
      actualNextStep: 'Call again in two weeks',
      nextStepDueInDays: -12,
      decision: 'Revisit',
      notes: 'Interested but busy.',
      loggedAfterHours: 4,
    },
  },
  {
    opportunity: 'Acm01',
    callInDays: -10,
    callType: 'Demo',
    goal: 'BI lead agrees our data model fits their POS export',
    buyerReason: 'In-house project is six months late',
    bestNextStep: 'Demo for regional managers booked',
    minimumNextStep: 'POS sample file shared',
    questions: ['How many stores?', 'Who owns the in-house project?'],
    qualification: ['Confirmed', 'Unknown', 'Unknown', 'Confirmed'],
    objections: [
      {
        objection: 'We are building it in-house',
        response: 'Offer to take over their data model',
        expected: true,
        raised: true,
        handled: 'Partly',
      },
      {
        objection: 'Regional managers will not log in to another tool',
        response: 'Daily email digest and Teams tab',
        expected: false,
        raised: true,
        handled: 'No',
      },
    ],
    outcome: {
      outcome: 'Advance',
      commitment: 'Best',
      actualNextStep: 'Regional demo booked',
      nextStepDueInDays: 4,
      decision: 'Pursue',
      notes: 'The log-in objection surprised us: prepare the digest story.',
      loggedAfterHours: 2,
    },
  },
  {
    opportunity: 'Acm01',
    callInDays: 4,
    callType: 'Demo',
    goal: 'Regional managers agree to a four-store trial',
    buyerReason: 'Margin pressure in the Midwest stores',
    bestNextStep: 'Trial agreement signed by the head of retail ops',
    minimumNextStep: 'Two regional champions named',
    questions: ['Which stores would trial?'],
    qualification: ['Confirmed', 'Unknown', 'Unknown', 'Confirmed'],
    objections: [
      {
        objection: 'Regional managers will not log in to another tool',
        response: 'Show the email digest first',
        expected: true,
      },
    ],
  },
  // Riley — Acme loyalty renewal: the order.
  {
    opportunity: 'Acm02',
    callInDays: -20,
    callType: 'Meeting',
    goal: 'Renewal signed with the loyalty add-on',
    buyerReason: 'Contract ends this month',
    bestNextStep: 'Signed renewal with add-on',
    minimumNextStep: 'Renewal signed without add-on',
    questions: [],
    qualification: ['Confirmed', 'Confirmed', 'Confirmed', 'Confirmed'],
    objections: [
      { objection: 'Add-on price', response: 'First quarter free', expected: true, raised: true, handled: 'Yes' },
    ],
    outcome: {
      outcome: 'Order',
      commitment: 'Best',
      actualNextStep: 'Signed',
      nextStepDueInDays: null,
      decision: 'Pursue',
      notes: 'Closed won.',
      loggedAfterHours: 1,
    },
  },
  // Sam — Initech support desk: a continuation; a meeting coming with no plan (below).
  {
    opportunity: 'Int01',
    callInDays: -9,
    callType: 'Call',
    goal: 'Support lead agrees migration is a this-year project',
    buyerReason: 'Their current desk vendor ends support in 2026',
    bestNextStep: 'Discovery workshop booked',
    minimumNextStep: 'Ticket volume numbers shared',
    questions: ['How many agents?'],
    qualification: ['Unknown', 'Unknown', 'Unknown', 'At risk'],
    objections: [
      {
        objection: 'Migration risk during peak season',
        response: 'Phased cut-over',
        expected: true,
        raised: true,
        handled: 'Partly',
      },
    ],
    outcome: {
      outcome: 'Continuation',
      commitment: 'Below',
      actualNextStep: 'They will come back after planning',
      nextStepDueInDays: 5,
      decision: 'Postpone',
      notes: 'No urgency yet.',
      loggedAfterHours: 30,
    },
  },
  // Sam — Initech developer seats: two advances, then an outcome overdue.
  {
    opportunity: 'Int02',
    callInDays: -28,
    callType: 'Call',
    goal: 'Engineering manager confirms seat count and timeline',
    buyerReason: 'Hiring 40 engineers this year',
    bestNextStep: 'Quote requested for 60 seats',
    minimumNextStep: 'Seat count confirmed',
    questions: ['Annual or monthly billing?'],
    qualification: ['Confirmed', 'Unknown', 'Unknown', 'Confirmed'],
    objections: [],
    outcome: {
      outcome: 'Advance',
      commitment: 'Best',
      actualNextStep: 'Quote for 60 seats requested',
      nextStepDueInDays: -24,
      decision: 'Pursue',
      notes: '',
      loggedAfterHours: 2,
    },
  },
  {
    opportunity: 'Int02',
    callInDays: -14,
    callType: 'Meeting',
    goal: 'Procurement accepts the quote structure',
    buyerReason: 'Seats needed before the new team starts',
    bestNextStep: 'Purchase order raised',
    minimumNextStep: 'Revised quote requested',
    questions: ['Is there a preferred reseller?'],
    qualification: ['Confirmed', 'Confirmed', 'Unknown', 'Confirmed'],
    objections: [
      {
        objection: 'Competitor offers 20% off',
        response: 'Compare total cost incl. onboarding',
        expected: true,
        raised: true,
        handled: 'Partly',
      },
    ],
    outcome: {
      outcome: 'Advance',
      commitment: 'Minimum',
      actualNextStep: 'Revised quote requested',
      nextStepDueInDays: -2,
      decision: 'Pursue',
      notes: 'Discount pressure.',
      loggedAfterHours: 3,
    },
  },
  {
    opportunity: 'Int02',
    callInDays: -1,
    callType: 'Call',
    goal: 'Procurement agrees the revised quote',
    buyerReason: 'New team starts in three weeks',
    bestNextStep: 'Purchase order this week',
    minimumNextStep: 'Decision date set',
    questions: [],
    qualification: ['Confirmed', 'Confirmed', 'Unknown', 'Confirmed'],
    objections: [
      { objection: 'Competitor offers 20% off', response: 'Onboarding included; multi-year lock', expected: true },
    ],
  },
  // Sam — Umbrella scheduling: an advance, then a continuation with a surprise; meeting ahead.
  {
    opportunity: 'Umb01',
    callInDays: -21,
    callType: 'Meeting',
    goal: 'Clinic leads agree no-shows are the problem to solve',
    buyerReason: 'No-show rate of 14% in outpatient clinics',
    bestNextStep: 'Workshop with clinic leads booked',
    minimumNextStep: 'No-show data shared',
    questions: ['Which EHR?'],
    qualification: ['Confirmed', 'Unknown', 'Unknown', 'Unknown'],
    objections: [
      {
        objection: 'Patient data cannot leave the trust',
        response: 'UK hosting, DSPT toolkit',
        expected: true,
        raised: true,
        handled: 'Yes',
      },
    ],
    outcome: {
      outcome: 'Advance',
      commitment: 'Best',
      actualNextStep: 'Workshop booked',
      nextStepDueInDays: -7,
      decision: 'Pursue',
      notes: '',
      loggedAfterHours: 2,
    },
  },
  {
    opportunity: 'Umb01',
    callInDays: -7,
    callType: 'Meeting',
    goal: 'Workshop ends with the clinics chosen for a pilot',
    buyerReason: 'Board review of outpatient waits next month',
    bestNextStep: 'Pilot clinics named and sponsor assigned',
    minimumNextStep: 'Follow-up with the CIO booked',
    questions: ['Who sponsors the pilot?'],
    qualification: ['Confirmed', 'Unknown', 'At risk', 'Unknown'],
    objections: [
      { objection: 'Patient data cannot leave the trust', response: 'UK hosting', expected: true, raised: false },
      {
        objection: 'Procurement must go through a framework',
        response: '',
        expected: false,
        raised: true,
        handled: 'No',
      },
    ],
    outcome: {
      outcome: 'Continuation',
      commitment: 'Below',
      actualNextStep: 'Check framework options',
      nextStepDueInDays: 7,
      decision: 'Pursue',
      notes: 'Framework requirement came out of nowhere.',
      loggedAfterHours: 6,
    },
    coachNote:
      'The framework question should have been in your plan: ask about the buying process in the first call. Find out which frameworks we are on before Thursday.',
  },
  {
    opportunity: 'Umb01',
    callInDays: 3,
    callType: 'Meeting',
    goal: 'CIO agrees the purchase route through a framework we are on',
    buyerReason: 'Board review next month',
    bestNextStep: 'CIO sponsors the pilot',
    minimumNextStep: 'Framework route agreed',
    questions: ['Which frameworks does the trust use?'],
    qualification: ['Confirmed', 'Unknown', 'At risk', 'Unknown'],
    objections: [
      { objection: 'Procurement must go through a framework', response: 'We are on G-Cloud 14', expected: true },
    ],
  },
  // Sam — Umbrella compliance: the no-sale.
  {
    opportunity: 'Umb02',
    callInDays: -34,
    callType: 'Meeting',
    goal: 'Compliance head confirms budget for the reporting module',
    buyerReason: 'New regulator reporting from April',
    bestNextStep: 'Budget confirmed and proposal requested',
    minimumNextStep: 'Decision process described',
    questions: ['Who else is bidding?'],
    qualification: ['Confirmed', 'At risk', 'Unknown', 'Confirmed'],
    walkAway: 'They buy the regulator template tool instead',
    objections: [
      {
        objection: 'The regulator offers a free template',
        response: 'Template does not automate collection',
        expected: true,
        raised: true,
        handled: 'No',
      },
    ],
    outcome: {
      outcome: 'No-sale',
      commitment: 'Below',
      actualNextStep: 'None',
      nextStepDueInDays: null,
      decision: 'Disqualify',
      notes: 'They use the free template.',
      loggedAfterHours: 2,
    },
  },
  // Sam — Stark grid monitoring: an advance, then a plan written after the call; meeting ahead.
  {
    opportunity: 'Stk01',
    callInDays: -16,
    callType: 'Meeting',
    goal: 'Grid operations agree to a technical deep dive',
    buyerReason: 'Outage minutes are a regulated KPI',
    bestNextStep: 'Deep dive booked with the SCADA team',
    minimumNextStep: 'Architecture diagram shared',
    questions: ['SCADA vendor?'],
    qualification: ['Confirmed', 'Unknown', 'Unknown', 'Confirmed'],
    objections: [
      {
        objection: 'OT network cannot reach the cloud',
        response: 'Edge collector, one-way diode',
        expected: true,
        raised: true,
        handled: 'Yes',
      },
    ],
    outcome: {
      outcome: 'Advance',
      commitment: 'Best',
      actualNextStep: 'Deep dive booked',
      nextStepDueInDays: -4,
      decision: 'Pursue',
      notes: '',
      loggedAfterHours: 1,
    },
  },
  {
    opportunity: 'Stk01',
    callInDays: -4,
    callType: 'Demo',
    goal: 'SCADA team accepts the edge collector design',
    buyerReason: 'Regulator audit in the autumn',
    bestNextStep: 'Security sign-off scheduled',
    minimumNextStep: 'Open questions listed',
    questions: [],
    qualification: ['Confirmed', 'Unknown', 'Confirmed', 'Confirmed'],
    writtenAfterHours: 26,
    objections: [
      {
        objection: 'Need on-premise option',
        response: 'Private deployment price list',
        expected: false,
        raised: true,
        handled: 'Partly',
      },
    ],
    outcome: {
      outcome: 'Advance',
      commitment: 'Minimum',
      actualNextStep: 'Open questions listed',
      nextStepDueInDays: 5,
      decision: 'Pursue',
      notes: 'Logged late, plan reconstructed.',
      loggedAfterHours: 26,
    },
  },
  {
    opportunity: 'Stk01',
    callInDays: 5,
    callType: 'Meeting',
    goal: 'Security team signs off the edge collector',
    buyerReason: 'Audit in the autumn',
    bestNextStep: 'Security sign-off and pilot start date',
    minimumNextStep: 'Pen-test scope agreed',
    questions: ['Who signs the pilot?'],
    qualification: ['Confirmed', 'Unknown', 'Confirmed', 'Confirmed'],
    objections: [{ objection: 'Need on-premise option', response: 'Private deployment price list', expected: true }],
  },
];

const unplannedMeetings: StoryMeeting[] = [
  { opportunity: 'Nwd02', inDays: -11, subject: 'Warehouse walk-through' },
  { opportunity: 'Nwd02', inDays: 1, subject: 'Warehouse pilot scoping' },
  { opportunity: 'Int01', inDays: 6, subject: 'Support desk discovery' },
  { opportunity: 'Stk02', inDays: -9, subject: 'Field tablets intro' },
  { opportunity: 'Stk02', inDays: 2, subject: 'Field tablets requirements' },
];

const dayMs = 24 * 60 * 60 * 1000;
const hourMs = 60 * 60 * 1000;

/** Every record of the story, in insert order (parents first). */
export function buildStory(now: Date): SeedRecord[] {
  const prng = createPrng(20250304);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const at = (days: number, hour: number) => new Date(today + days * dayMs + hour * hourMs);
  const earlier = (date: Date) => (date.getTime() > now.getTime() ? now : date);
  const fortyDaysAgo = at(-40, 8);
  const records: SeedRecord[] = [];

  for (const user of demoUsers) {
    records.push({
      object: 'User',
      id: user.Id,
      values: userRecordValues(user),
      by: userIds.admin,
      createdAt: at(-400, 9),
    });
  }
  records.push(...permissionSetSeed(demoUsers, userIds.admin, at(-400, 10)));
  for (const account of seedAccounts) {
    const { Id, ...values } = account;
    records.push({ object: 'Account', id: Id, values, by: account.OwnerId, createdAt: at(-200, 9) });
  }
  for (const o of seedOpportunities) {
    const stage = opportunityStages.find((s) => s.name === o.StageName);
    records.push({
      object: 'Opportunity',
      id: o.Id,
      values: {
        Name: o.Name,
        AccountId: o.AccountId,
        OwnerId: o.OwnerId,
        StageName: o.StageName,
        Amount: o.Amount,
        Probability: stage?.probability ?? null,
        CloseDate: dateOnly(new Date(today + o.closeInDays * dayMs)),
        NextStep: o.NextStep,
        IsClosed: o.StageName.startsWith('Closed'),
        IsWon: o.StageName === 'Closed Won',
      },
      by: o.OwnerId,
      createdAt: fortyDaysAgo,
    });
  }

  for (const plan of plans) {
    const opportunity = opp(plan.opportunity);
    const owner = opportunity.OwnerId;
    const callAt = at(plan.callInDays, prng.int(8, 15));
    const createdAt =
      plan.writtenAfterHours !== undefined
        ? new Date(callAt.getTime() + plan.writtenAfterHours * hourMs)
        : new Date(callAt.getTime() - prng.int(20, 60) * hourMs);
    const outcomeAt = plan.outcome ? new Date(callAt.getTime() + plan.outcome.loggedAfterHours * hourMs) : null;
    const coachAt = outcomeAt ? new Date(outcomeAt.getTime() + 20 * hourMs) : null;
    const planKey = prng.uuid();
    const planRef = `plan:${planKey}`;
    records.push({
      object: 'Call_Plan__c',
      ref: planRef,
      values: {
        Plan_Key__c: planKey,
        Opportunity__c: opportunity.Id,
        Call_At__c: callAt.toISOString(),
        Call_Type__c: plan.callType,
        Goal__c: plan.goal,
        Buyer_Reason__c: plan.buyerReason,
        Best_Next_Step__c: plan.bestNextStep,
        Minimum_Next_Step__c: plan.minimumNextStep,
        Questions__c: plan.questions.join('\n') || null,
        Need__c: plan.qualification[0],
        Budget__c: plan.qualification[1],
        Decision_Process__c: plan.qualification[2],
        Timing__c: plan.qualification[3],
        Walk_Away__c: plan.walkAway ?? null,
        Outcome__c: plan.outcome?.outcome ?? null,
        Commitment__c: plan.outcome?.commitment ?? null,
        Actual_Next_Step__c: plan.outcome?.actualNextStep ?? null,
        Next_Step_Due__c:
          plan.outcome && plan.outcome.nextStepDueInDays !== null
            ? dateOnly(new Date(today + plan.outcome.nextStepDueInDays * dayMs))
            : null,
        Decision__c: plan.outcome?.decision ?? null,
        Outcome_Notes__c: plan.outcome?.notes || null,
        Outcome_At__c: outcomeAt ? earlier(outcomeAt).toISOString() : null,
        Written_At__c: earlier(createdAt).toISOString(),
        Coach_Note__c: plan.coachNote ?? null,
      },
      by: owner,
      createdAt: earlier(createdAt),
      modifiedAt: earlier(coachAt && plan.coachNote ? coachAt : (outcomeAt ?? createdAt)),
    });
    plan.objections.forEach((objection, index) => {
      records.push({
        object: 'Call_Plan_Objection__c',
        values: {
          Objection_Key__c: prng.uuid(),
          Call_Plan__c: { seedRef: planRef },
          Objection__c: objection.objection,
          Response__c: objection.response || null,
          Expected__c: objection.expected,
          Raised__c: objection.raised ?? false,
          Handled__c: objection.handled ?? null,
          Sort_Order__c: index,
        },
        by: owner,
        // A surprise objection is written down when the outcome is logged, not before the call.
        createdAt: earlier(objection.expected ? createdAt : (outcomeAt ?? createdAt)),
        modifiedAt: earlier(outcomeAt ?? createdAt),
      });
    });
    if (plan.meeting !== false) records.push(meeting(opportunity.Id, owner, plan.goal, plan.callType, callAt, now));
  }
  for (const m of unplannedMeetings) {
    const opportunity = opp(m.opportunity);
    records.push(
      meeting(opportunity.Id, opportunity.OwnerId, m.subject, 'Meeting', at(m.inDays, prng.int(9, 15)), now),
    );
  }
  return records;
}

function meeting(whatId: string, ownerId: string, topic: string, type: string, start: Date, now: Date): SeedRecord {
  const end = new Date(start.getTime() + 60 * 60 * 1000);
  return {
    object: 'Event',
    values: {
      Subject: `${type}: ${topic}`.slice(0, 255),
      StartDateTime: start.toISOString(),
      EndDateTime: end.toISOString(),
      ActivityDateTime: start.toISOString(),
      DurationInMinutes: 60,
      WhatId: whatId,
      OwnerId: ownerId,
      Type: 'Meeting',
    },
    by: ownerId,
    createdAt: new Date(Math.min(start.getTime() - 5 * 24 * 60 * 60 * 1000, now.getTime())),
  };
}

function dateOnly(date: Date): string {
  return date.toISOString().slice(0, 10);
}
