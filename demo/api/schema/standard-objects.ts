import { keyPrefixes } from '../../../lib/model/record-id';
import { opportunityStages } from '../../org/seed-data';
import { auditFields, computed, field, idField, isDeletedField, picklistValues, reference } from './field-builders';
import type { FieldSchema, ObjectSchema } from './types';

/**
 * The standard objects Precall reads, with the standard fields an org has out of the box (a
 * subset: the ones the extension, the demo pages and the seed data touch, plus their usual
 * neighbours). Child relationships are computed from the references by org-schema.ts.
 */

const industries = [
  'Agriculture',
  'Apparel',
  'Banking',
  'Biotechnology',
  'Chemicals',
  'Communications',
  'Construction',
  'Consulting',
  'Education',
  'Electronics',
  'Energy',
  'Engineering',
  'Entertainment',
  'Environmental',
  'Finance',
  'Food & Beverage',
  'Government',
  'Healthcare',
  'Hospitality',
  'Insurance',
  'Machinery',
  'Manufacturing',
  'Media',
  'Not For Profit',
  'Recreation',
  'Retail',
  'Shipping',
  'Technology',
  'Telecommunications',
  'Transportation',
  'Utilities',
  'Other',
];

const owner = () =>
  reference('OwnerId', 'Owner ID', ['User'], 'Owner', { nillable: false, childRelationshipName: null });

/** A long text area: too long to filter on, like Salesforce's Description fields. */
const longText = (name: string, label: string) =>
  field({ name, label, type: 'textarea', length: 32000, filterable: false });

/** Setup objects the demo serves besides those Precall's code knows by prefix. */
const demoKeyPrefixes = { ...keyPrefixes, PermissionSet: '0PS', PermissionSetAssignment: '0Pa' } as const;

function standardObject(
  name: keyof typeof demoKeyPrefixes,
  label: string,
  labelPlural: string,
  fields: FieldSchema[],
  options: { isDeleted: boolean; sharingModel?: ObjectSchema['sharingModel'] } = { isDeleted: true },
): ObjectSchema {
  return {
    name,
    label,
    labelPlural,
    keyPrefix: demoKeyPrefixes[name],
    custom: false,
    fields: [idField(label), ...(options.isDeleted ? [isDeletedField()] : []), ...fields, ...auditFields()],
    childRelationships: [],
    sharingModel: options.sharingModel ?? 'Private',
  };
}

const user = standardObject(
  'User',
  'User',
  'Users',
  [
    field({
      name: 'Username',
      label: 'Username',
      type: 'string',
      length: 80,
      nillable: false,
      required: true,
      unique: true,
    }),
    // Name is compound: Salesforce builds it from FirstName and LastName.
    computed({ name: 'Name', label: 'Full Name', type: 'string', length: 121, nillable: false }),
    field({ name: 'FirstName', label: 'First Name', type: 'string', length: 40 }),
    field({ name: 'LastName', label: 'Last Name', type: 'string', length: 80, nillable: false, required: true }),
    field({ name: 'Alias', label: 'Alias', type: 'string', length: 8, nillable: false, required: true }),
    field({ name: 'Email', label: 'Email', type: 'email', length: 128, nillable: false, required: true }),
    field({ name: 'Title', label: 'Title', type: 'string', length: 80 }),
    field({ name: 'Department', label: 'Department', type: 'string', length: 80 }),
    field({ name: 'Phone', label: 'Phone', type: 'phone', length: 40 }),
    reference('ManagerId', 'Manager ID', ['User'], 'Manager', { childRelationshipName: 'ManagedUsers' }),
    field({ name: 'IsActive', label: 'Active', type: 'boolean', nillable: false, defaultValue: true }),
    field({
      name: 'TimeZoneSidKey',
      label: 'Time Zone',
      type: 'picklist',
      length: 40,
      picklistValues: picklistValues(['Europe/London', 'Europe/Paris', 'America/Chicago', 'America/New_York']),
    }),
    computed({ name: 'LastLoginDate', label: 'Last Login', type: 'datetime' }),
  ],
  { isDeleted: false, sharingModel: 'Read' },
);

const account = standardObject('Account', 'Account', 'Accounts', [
  field({ name: 'Name', label: 'Account Name', type: 'string', length: 255, nillable: false, required: true }),
  field({
    name: 'Type',
    label: 'Account Type',
    type: 'picklist',
    length: 255,
    picklistValues: picklistValues([
      'Prospect',
      'Customer - Direct',
      'Customer - Channel',
      'Channel Partner / Reseller',
      'Installation Partner',
      'Technology Partner',
      'Other',
    ]),
  }),
  field({
    name: 'Industry',
    label: 'Industry',
    type: 'picklist',
    length: 255,
    picklistValues: picklistValues(industries),
  }),
  reference('ParentId', 'Parent Account ID', ['Account'], 'Parent', { childRelationshipName: 'ChildAccounts' }),
  field({ name: 'BillingStreet', label: 'Billing Street', type: 'textarea', length: 255 }),
  field({ name: 'BillingCity', label: 'Billing City', type: 'string', length: 40 }),
  field({ name: 'BillingState', label: 'Billing State/Province', type: 'string', length: 80 }),
  field({ name: 'BillingPostalCode', label: 'Billing Zip/Postal Code', type: 'string', length: 20 }),
  field({ name: 'BillingCountry', label: 'Billing Country', type: 'string', length: 80 }),
  field({ name: 'Phone', label: 'Account Phone', type: 'phone', length: 40 }),
  field({ name: 'Website', label: 'Website', type: 'url', length: 255 }),
  field({ name: 'AnnualRevenue', label: 'Annual Revenue', type: 'currency', precision: 18, scale: 0 }),
  field({ name: 'NumberOfEmployees', label: 'Employees', type: 'int', precision: 8 }),
  longText('Description', 'Account Description'),
  owner(),
  computed({ name: 'LastActivityDate', label: 'Last Activity', type: 'date' }),
]);

const opportunity = standardObject('Opportunity', 'Opportunity', 'Opportunities', [
  reference('AccountId', 'Account ID', ['Account'], 'Account', { childRelationshipName: 'Opportunities' }),
  field({ name: 'Name', label: 'Name', type: 'string', length: 120, nillable: false, required: true }),
  longText('Description', 'Description'),
  field({
    name: 'StageName',
    label: 'Stage',
    type: 'picklist',
    length: 255,
    nillable: false,
    required: true,
    picklistValues: picklistValues(opportunityStages.map((stage) => stage.name)),
    restrictedPicklist: true,
  }),
  field({ name: 'Amount', label: 'Amount', type: 'currency', precision: 18, scale: 2 }),
  field({ name: 'Probability', label: 'Probability (%)', type: 'percent', precision: 3, scale: 0 }),
  computed({ name: 'ExpectedRevenue', label: 'Expected Amount', type: 'currency', precision: 18, scale: 2 }),
  field({ name: 'CloseDate', label: 'Close Date', type: 'date', nillable: false, required: true }),
  field({
    name: 'Type',
    label: 'Opportunity Type',
    type: 'picklist',
    length: 255,
    picklistValues: picklistValues([
      'Existing Customer - Upgrade',
      'Existing Customer - Replacement',
      'Existing Customer - Downgrade',
      'New Customer',
    ]),
  }),
  field({ name: 'NextStep', label: 'Next Step', type: 'string', length: 255 }),
  field({
    name: 'LeadSource',
    label: 'Lead Source',
    type: 'picklist',
    length: 255,
    picklistValues: picklistValues(['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other']),
  }),
  // Both follow from the stage; Salesforce refuses writes to them.
  computed({ name: 'IsClosed', label: 'Closed', type: 'boolean', nillable: false, defaultValue: false }),
  computed({ name: 'IsWon', label: 'Won', type: 'boolean', nillable: false, defaultValue: false }),
  field({
    name: 'ForecastCategoryName',
    label: 'Forecast Category',
    type: 'picklist',
    length: 255,
    picklistValues: picklistValues(['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed']),
  }),
  owner(),
  computed({
    name: 'HasOpenActivity',
    label: 'Has Open Activity',
    type: 'boolean',
    nillable: false,
    defaultValue: false,
  }),
  computed({ name: 'LastActivityDate', label: 'Last Activity', type: 'date' }),
]);

const event = standardObject('Event', 'Event', 'Events', [
  // Polymorphic: an event hangs off an opportunity or an account (and more, in a real org).
  reference('WhatId', 'Related To ID', ['Account', 'Opportunity'], 'What', { childRelationshipName: 'Events' }),
  computed({
    name: 'AccountId',
    label: 'Account ID',
    type: 'reference',
    length: 18,
    referenceTo: ['Account'],
    relationshipName: 'Account',
  }),
  field({ name: 'Subject', label: 'Subject', type: 'string', length: 255 }),
  field({ name: 'Location', label: 'Location', type: 'string', length: 255 }),
  field({ name: 'IsAllDayEvent', label: 'All-Day Event', type: 'boolean', nillable: false, defaultValue: false }),
  field({ name: 'ActivityDateTime', label: 'Due Date Time', type: 'datetime' }),
  field({ name: 'ActivityDate', label: 'Due Date Only', type: 'date' }),
  field({ name: 'StartDateTime', label: 'Start Date Time', type: 'datetime' }),
  field({ name: 'EndDateTime', label: 'End Date Time', type: 'datetime' }),
  field({ name: 'DurationInMinutes', label: 'Duration', type: 'int', precision: 8 }),
  field({
    name: 'Type',
    label: 'Type',
    type: 'picklist',
    length: 255,
    picklistValues: picklistValues(['Call', 'Email', 'Meeting', 'Other']),
  }),
  longText('Description', 'Description'),
  owner(),
]);

const readOnly = (f: FieldSchema): FieldSchema => ({ ...f, createable: false, updateable: false, required: false });

const organization = standardObject(
  'Organization',
  'Organization',
  'Organizations',
  [
    field({ name: 'Name', label: 'Name', type: 'string', length: 80, nillable: false }),
    field({ name: 'Division', label: 'Division', type: 'string', length: 80 }),
    field({ name: 'OrganizationType', label: 'Edition', type: 'string', length: 40 }),
    field({ name: 'InstanceName', label: 'Instance Name', type: 'string', length: 5 }),
    field({ name: 'IsSandbox', label: 'Is Sandbox', type: 'boolean', nillable: false, defaultValue: false }),
    field({ name: 'NamespacePrefix', label: 'Namespace Prefix', type: 'string', length: 15 }),
    field({ name: 'TimeZoneSidKey', label: 'Default Time Zone', type: 'string', length: 40 }),
    field({ name: 'LanguageLocaleKey', label: 'Language', type: 'string', length: 40 }),
    field({ name: 'DefaultLocaleSidKey', label: 'Default Locale', type: 'string', length: 40 }),
  ].map(readOnly),
  { isDeleted: false, sharingModel: 'Read' },
);

/**
 * Permission sets and who has them, as the org check reads them (`SELECT PermissionSet.Name
 * FROM PermissionSetAssignment WHERE AssigneeId = …`). Read-only through the API here.
 */
const permissionSet = standardObject(
  'PermissionSet',
  'Permission Set',
  'Permission Sets',
  [
    field({ name: 'Name', label: 'Name', type: 'string', length: 80, nillable: false }),
    field({ name: 'Label', label: 'Label', type: 'string', length: 80, nillable: false }),
  ].map(readOnly),
  { isDeleted: false, sharingModel: 'Read' },
);

const permissionSetAssignment = standardObject(
  'PermissionSetAssignment',
  'Permission Set Assignment',
  'Permission Set Assignments',
  [
    reference('AssigneeId', 'Assignee ID', ['User'], 'Assignee'),
    reference('PermissionSetId', 'Permission Set ID', ['PermissionSet'], 'PermissionSet'),
  ].map(readOnly),
  { isDeleted: false, sharingModel: 'Read' },
);

export function standardObjects(): ObjectSchema[] {
  return [user, account, opportunity, event, organization, permissionSet, permissionSetAssignment];
}
