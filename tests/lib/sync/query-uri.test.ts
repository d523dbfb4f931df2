import { describe, expect, it } from 'vitest';
import { encodeSoql } from '../../../lib/sync/query-uri';

describe('a SOQL query as it goes into a URI', () => {
  const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

  it.each([
    ["SELECT Id FROM Opportunity WHERE Id IN ('006Hs00000AAAA1')", 'a quoted id list'],
    [printable, 'every printable character'],
    ["Name = 'O\\'Brien' AND Amount > 5 — ünïcode", 'escaped quotes and letters beyond ASCII'],
  ])('is sent exactly as measured: %s (%s)', (soql) => {
    const encoded = encodeSoql(soql);
    expect(new URL(`https://example.my.salesforce.com/services/data/v62.0/query?q=${encoded}`).search).toBe(
      `?q=${encoded}`,
    );
    expect(decodeURIComponent(encoded)).toBe(soql);
  });

  it('escapes the quotes encodeURIComponent leaves', () => {
    expect(encodeSoql("'006'")).toBe('%27006%27');
  });
});
