import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { loadOrgSchema } from '../../../demo/api/schema/org-schema';
import type { FieldSchema } from '../../../demo/api/schema/types';
import { callPlanSchema, newCallPlan, newObjection, objectionSchema } from '../../../lib/model/call-plan';
import { fieldLimits } from '../../../lib/model/field-limits';
import { to18 } from '../../../lib/model/record-id';
import { callPlanObject, type FieldMapping, objectionObject } from '../../../lib/salesforce/plan-fields';

/**
 * The local zod schemas, the mapping table and the deployable XML must agree: a value the form
 * accepts is one Salesforce accepts, and a picklist offers the same values in the same order.
 */
const schema = loadOrgSchema();
const planKey = '6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b';
const opportunityId = to18('0065g00000Nwd01');

const validPlan = () => ({
  ...newCallPlan(opportunityId, new Date('2025-03-04T10:00:00Z'), () => planKey),
  goal: 'Agree the pilot scope',
  bestNextStep: 'Signed pilot order',
});
const validObjection = () => ({ ...newObjection(0, true, () => planKey), objection: 'Too pricey' });

interface Side {
  sobject: string;
  zodSchema: z.ZodMiniObject;
  valid: () => Record<string, unknown>;
  mappings: readonly FieldMapping[];
}

const sides: Side[] = [
  {
    sobject: callPlanObject.sobject,
    zodSchema: callPlanSchema._zod.innerType,
    valid: validPlan,
    mappings: callPlanObject.fields,
  },
  {
    sobject: objectionObject.sobject,
    zodSchema: objectionSchema._zod.innerType,
    valid: validObjection,
    mappings: objectionObject.fields,
  },
];

const rows = sides.flatMap((side) =>
  side.mappings.map((mapping) => [side.sobject, mapping.local, side, mapping] as const),
);
const pushed = rows.filter(([, , , mapping]) => mapping.writer !== 'salesforce');
const ofKind = (...kinds: FieldMapping['kind'][]) => pushed.filter(([, , , mapping]) => kinds.includes(mapping.kind));

function xmlField(sobject: string, name: string): FieldSchema {
  const field = schema.field(sobject, name);
  if (!field) throw new Error(`${sobject}.${name} is mapped but not in salesforce/`);
  return field;
}

function accepts(side: Side, local: string, value: unknown) {
  return side.zodSchema.safeParse({ ...side.valid(), [local]: value });
}

/** The enum behind a field, unwrapping `z.nullable()`. */
function zodEnumValues(side: Side, local: string): readonly string[] {
  let type = side.zodSchema.shape[local];
  if (type instanceof z.ZodMiniNullable) type = type._zod.def.innerType;
  if (!(type instanceof z.ZodMiniEnum)) throw new Error(`${local} is not a zod enum`);
  return type.options as string[];
}

const describeTypes: Record<FieldMapping['kind'], FieldSchema['type'][]> = {
  key: ['string'],
  text: ['string', 'textarea'],
  picklist: ['picklist'],
  datetime: ['datetime'],
  date: ['date'],
  boolean: ['boolean'],
  number: ['double', 'int'],
  reference: ['reference'],
};

describe('the mapping table covers both sides', () => {
  it('the valid fixtures pass their zod schemas', () => {
    for (const side of sides) expect(side.zodSchema.safeParse(side.valid()).error).toBeUndefined();
  });

  it.each(rows)('%s.%s maps to a field of the package with a matching type', (sobject, _local, _side, mapping) => {
    expect(describeTypes[mapping.kind]).toContain(xmlField(sobject, mapping.field).type);
  });

  it.each(sides.map((side) => [side.sobject, side] as const))('every custom field of %s is mapped', (sobject, side) => {
    const custom = (schema.object(sobject)?.fields ?? []).filter((f) => f.name.endsWith('__c')).map((f) => f.name);
    const parentField = sobject === objectionObject.sobject ? [objectionObject.parent.field] : [];
    const mapped = [...side.mappings.map((m) => m.field), ...parentField].filter((name) => name.endsWith('__c'));
    expect(mapped.sort()).toEqual(custom.sort());
  });

  it.each(sides.map((side) => [side.sobject, side] as const))('every local field of %s is mapped', (sobject, side) => {
    const localKeys = Object.keys(side.zodSchema.shape).filter((key) => key !== 'objections');
    // The owner is stored beside the plan by the background, not sent by the panel.
    const stored = sobject === callPlanObject.sobject ? [...localKeys, 'ownerId'] : localKeys;
    expect(side.mappings.map((m) => m.local).sort()).toEqual(stored.sort());
    if (sobject === objectionObject.sobject) expect(objectionObject.parent.local).toBe('planKey');
  });

  it.each(rows)('%s.%s: the External ID is the upsert key', (sobject, _local, _side, mapping) => {
    const field = xmlField(sobject, mapping.field);
    const isKey = field.externalId && field.unique;
    expect(isKey).toBe(mapping.kind === 'key');
  });

  it('names the relationships as the package does', () => {
    const master = xmlField(objectionObject.sobject, objectionObject.parent.field);
    expect(master.relationshipName).toBe(objectionObject.parent.relationshipName);
    expect(master.referenceTo).toEqual([objectionObject.parent.object]);
    expect(xmlField(objectionObject.parent.object, objectionObject.parent.externalIdField).externalId).toBe(true);
    expect(schema.object(callPlanObject.sobject)?.childRelationships.map((r) => r.relationshipName)).toContain(
      callPlanObject.objectionsRelationship,
    );
  });
});

describe('zod enforces the XML lengths', () => {
  it.each(ofKind('text'))('%s.%s: length L passes, L+1 fails naming the limit', (sobject, local, side, mapping) => {
    const { length } = xmlField(sobject, mapping.field);
    expect(length).toBeGreaterThan(0);
    expect(accepts(side, local, 'x'.repeat(length)).error).toBeUndefined();
    const tooLong = accepts(side, local, 'x'.repeat(length + 1));
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues.map((issue) => issue.message).join('\n')).toContain(String(length));
  });

  it.each(ofKind('key'))('%s.%s: the External ID holds a uuid exactly', (sobject, local, side, mapping) => {
    const { length } = xmlField(sobject, mapping.field);
    expect(length).toBe(fieldLimits.planKey);
    expect(planKey).toHaveLength(length);
    expect(accepts(side, local, planKey).error).toBeUndefined();
    expect(accepts(side, local, `${planKey}0`).success).toBe(false);
  });

  it.each(ofKind('number'))(
    '%s.%s: the largest number of the XML precision passes, one more fails',
    (sobject, local, side, mapping) => {
      const field = xmlField(sobject, mapping.field);
      const largest = 10 ** (field.precision - field.scale) - 1;
      expect(accepts(side, local, largest).error).toBeUndefined();
      expect(accepts(side, local, largest + 1).success).toBe(false);
      if (field.scale === 0) expect(accepts(side, local, 1.5).success).toBe(false);
    },
  );
});

describe('zod enums equal the XML picklists', () => {
  it.each(ofKind('picklist'))('%s.%s offers the same values in the same order', (sobject, local, side, mapping) => {
    const xmlValues = xmlField(sobject, mapping.field).picklistValues.map((v) => v.value);
    expect(zodEnumValues(side, local)).toEqual(xmlValues);
  });
});

describe('required in XML ⇔ required in zod', () => {
  const emptyOf = (kind: FieldMapping['kind']) => (kind === 'text' || kind === 'key' ? '' : null);
  // A master-detail field is required by construction; the local model checks the id instead.
  const checked = pushed.filter(([, , , mapping]) => mapping.kind !== 'reference');

  it.each(checked)('%s.%s', (sobject, local, side, mapping) => {
    const field = xmlField(sobject, mapping.field);
    const zodRequires = !accepts(side, local, emptyOf(mapping.kind)).success;
    // A non-nullable local field over a nullable Salesforce one reads Salesforce's null as
    // whenNull, or as another field's value (whenNullFrom).
    const fallback = ('whenNull' in mapping && mapping.whenNull !== undefined) || 'whenNullFrom' in mapping;
    expect(zodRequires && !fallback).toBe(field.required);
  });

  it.each(checked.filter(([, , , mapping]) => 'whenNullFrom' in mapping))(
    '%s.%s: the field read for a Salesforce null exists and has the same type',
    (sobject, _local, _side, mapping) => {
      const from = 'whenNullFrom' in mapping ? String(mapping.whenNullFrom) : '';
      expect(xmlField(sobject, from).type).toBe(xmlField(sobject, mapping.field).type);
    },
  );

  it.each(checked.filter(([, , , mapping]) => mapping.whenNull !== undefined))(
    '%s.%s: the value for a Salesforce null is valid and is the XML default',
    (sobject, local, side, mapping) => {
      expect(accepts(side, local, mapping.whenNull).error).toBeUndefined();
      const field = xmlField(sobject, mapping.field);
      const xmlDefault = field.picklistValues.find((v) => v.defaultValue)?.value ?? field.defaultValue;
      if (xmlDefault !== null) expect(mapping.whenNull).toBe(xmlDefault);
    },
  );

  it.each(checked.filter(([, , , mapping]) => mapping.whenNull === undefined && mapping.kind === 'picklist'))(
    '%s.%s: an optional picklist has no default in the XML',
    (sobject, _local, _side, mapping) => {
      expect(xmlField(sobject, mapping.field).picklistValues.some((v) => v.defaultValue)).toBe(false);
    },
  );
});
