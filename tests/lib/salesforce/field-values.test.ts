import { describe, expect, it } from 'vitest';
import { isoDateTimeOf, localValueOf, salesforceValueOf, sameValue } from '../../../lib/salesforce/field-values';
import type { FieldKind, FieldMapping } from '../../../lib/salesforce/plan-fields';

const mapping = (kind: FieldKind, more: Partial<FieldMapping> = {}): FieldMapping => ({
  local: 'value',
  field: 'Value__c',
  kind,
  writer: 'rep',
  ...more,
});

describe('isoDateTimeOf', () => {
  it.each([
    ['Salesforce’s form, offset without a colon', '2025-03-04T10:15:30.000+0000', '2025-03-04T10:15:30.000Z'],
    ['an offset east of UTC', '2025-03-04T12:15:30.000+0200', '2025-03-04T10:15:30.000Z'],
    ['an offset west of UTC', '2025-03-04T05:15:30.000-0500', '2025-03-04T10:15:30.000Z'],
    ['an offset with a colon', '2025-03-04T12:15:30+02:00', '2025-03-04T10:15:30.000Z'],
    ['already ISO', '2025-03-04T10:15:30.000Z', '2025-03-04T10:15:30.000Z'],
    ['no date at all', 'soon', null],
    ['empty', '', null],
  ])('%s', (_, value, expected) => {
    expect(isoDateTimeOf(value)).toBe(expected);
  });
});

describe('localValueOf', () => {
  it.each<[string, FieldMapping, unknown, unknown]>([
    ['text stays text', mapping('text'), 'Agree the pilot', 'Agree the pilot'],
    ['a null text is empty', mapping('text'), null, ''],
    ['a missing text is empty', mapping('text'), undefined, ''],
    ['a key is text', mapping('key'), 'c5f1', 'c5f1'],
    ['a null key is null', mapping('key'), null, null],
    ['a picklist value is text', mapping('picklist'), 'Advance', 'Advance'],
    ['a null picklist is null', mapping('picklist'), null, null],
    ['a null picklist with a default takes it', mapping('picklist', { whenNull: 'Unknown' }), null, 'Unknown'],
    ['a set picklist ignores the default', mapping('picklist', { whenNull: 'Unknown' }), 'Yes', 'Yes'],
    ['a date is text', mapping('date'), '2026-03-04', '2026-03-04'],
    ['a null date is null', mapping('date'), null, null],
    ['a date-time becomes ISO', mapping('datetime'), '2026-03-04T10:15:30.000+0000', '2026-03-04T10:15:30.000Z'],
    ['an unreadable date-time is null', mapping('datetime'), 'soon', null],
    ['a null date-time is null', mapping('datetime'), null, null],
    ['true is true', mapping('boolean'), true, true],
    ['"true" is true', mapping('boolean'), 'true', true],
    ['false is false', mapping('boolean'), false, false],
    ['anything else is false', mapping('boolean'), 'yes', false],
    ['a null checkbox is false', mapping('boolean'), null, false],
    ['a number stays a number', mapping('number'), 3, 3],
    ['a number as text becomes a number', mapping('number'), '3.5', 3.5],
    ['a null number is null', mapping('number'), null, null],
    ['a 15-character id becomes 18', mapping('reference'), '0065g00000Nwd01', '0065g00000Nwd01AAB'],
    ['an 18-character id stays', mapping('reference'), '0065g00000Nwd01AAB', '0065g00000Nwd01AAB'],
    ['a reference that is no id stays as sent', mapping('reference'), 'not-an-id', 'not-an-id'],
    ['a null reference is null', mapping('reference'), null, null],
  ])('%s', (_, field, raw, expected) => {
    expect(localValueOf(field, raw)).toEqual(expected);
  });

  it('reads another field of the record when this one is null', () => {
    const field = mapping('text', { whenNullFrom: 'Name' });
    expect(localValueOf(field, null, { Name: 'Plan made in Salesforce' })).toBe('Plan made in Salesforce');
    expect(localValueOf(field, undefined, { Name: 'Plan made in Salesforce' })).toBe('Plan made in Salesforce');
    expect(localValueOf(field, 'Own value', { Name: 'Plan made in Salesforce' })).toBe('Own value');
    expect(localValueOf(field, null, { Name: null })).toBe('');
    expect(localValueOf(field, null)).toBe('');
  });
});

describe('salesforceValueOf', () => {
  it.each<[FieldKind, unknown, unknown]>([
    ['text', '', null],
    ['text', 'Agree the pilot', 'Agree the pilot'],
    ['text', undefined, null],
    ['picklist', '', ''],
    ['picklist', 'Advance', 'Advance'],
    ['number', 0, 0],
    ['boolean', false, false],
    ['date', null, null],
    ['reference', undefined, null],
  ])('%s %j → %j', (kind, value, expected) => {
    expect(salesforceValueOf(kind, value)).toEqual(expected);
  });
});

describe('sameValue', () => {
  it.each<[string, FieldKind, unknown, unknown, boolean]>([
    ['date-times equal to the second', 'datetime', '2026-03-04T10:15:30.123Z', '2026-03-04T10:15:30.000+0000', true],
    ['date-times a second apart', 'datetime', '2026-03-04T10:15:31.000Z', '2026-03-04T10:15:30.999Z', false],
    ['the same instant in two offsets', 'datetime', '2026-03-04T12:15:30.000+0200', '2026-03-04T10:15:30.000Z', true],
    ['a date-time and none', 'datetime', '2026-03-04T10:15:30.000Z', null, false],
    ['no date-time either side', 'datetime', null, undefined, true],
    ['two unreadable date-times alike', 'datetime', 'soon', 'soon', true],
    ['two unreadable date-times unlike', 'datetime', 'soon', 'later', false],
    ['a date-time that is no text', 'datetime', 5, 5, true],
    ['empty text and none', 'text', '', null, true],
    ['none and empty text', 'text', undefined, '', true],
    ['two texts alike', 'text', 'a', 'a', true],
    ['two texts unlike', 'text', 'a', 'b', false],
    ['a picklist and none', 'picklist', '', null, false],
    ['none either side', 'picklist', null, undefined, true],
    ['numbers alike', 'number', 3, 3, true],
    ['numbers unlike', 'number', 3, 4, false],
    ['a checkbox unlike', 'boolean', true, false, false],
  ])('%s', (_, kind, a, b, expected) => {
    expect(sameValue(kind, a, b)).toBe(expected);
  });
});
