import { describe, expect, it } from 'vitest';
import {
  asOpportunityId,
  opportunityIdFromClassList,
  opportunityIdFromHref,
} from '../../../../lib/salesforce/lightning/record-ids';

const origin = 'https://acme.lightning.force.com';
const id = '0065g00000Nwd01AAB';

describe('opportunityIdFromHref', () => {
  it.each<[string | null, string | null]>([
    [`/lightning/r/Opportunity/${id}/view`, id],
    [`/lightning/r/${id}/view`, id],
    [`/lightning/r/${id.slice(0, 15)}/view`, id],
    [`/lightning/r/0065g00000Nwd01aab/view`, id],
    [`/lightning/r/Opportunity/${id}/view?ws=%2Flightning%2Fpage%2Fhome`, id],
    [`${origin}/lightning/r/Opportunity/${id}/view`, id],
    ['https://other.lightning.force.com/lightning/r/Opportunity/0065g00000Nwd01AAB/view', null],
    [`//other.example/lightning/r/${id}/view`, null],
    [`/lightning/r/Opportunity/${id}/edit`, null],
    [`/lightning/r/Opportunity/${id}/related/Call_Plans__r/view`, null],
    ['/lightning/r/Account/0015g00000Nwd01AAB/view', null],
    ['/lightning/r/0015g00000Nwd01AAB/view', null],
    ['/lightning/r/Opportunity/not-an-id/view', null],
    ['javascript:void(0);', null],
    ['#', null],
    [null, null],
  ])('%s → %s', (href, expected) => {
    expect(opportunityIdFromHref(href, origin)).toBe(expected);
  });
});

describe('asOpportunityId', () => {
  it.each<[string | null, string | null]>([
    [id, id],
    [id.slice(0, 15), id],
    [` ${id} `, id],
    ['0015g00000Nwd01AAB', null],
    ['<img src=x onerror=alert(1)>', null],
    ['', null],
    [null, null],
  ])('%s → %s', (value, expected) => {
    expect(asOpportunityId(value)).toBe(expected);
  });
});

describe('opportunityIdFromClassList (Kanban cards)', () => {
  it.each<[string[], string | null]>([
    [[id, 'pipelineViewCard', 'uiDraggable'], id],
    [['pipelineViewCard', id.slice(0, 15)], id],
    [['pipelineViewCard', 'uiDraggable'], null],
    [['0015g00000Nwd01AAB', 'pipelineViewCard'], null],
  ])('%j → %s', (classes, expected) => {
    expect(opportunityIdFromClassList(classes)).toBe(expected);
  });
});
