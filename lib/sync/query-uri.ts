/**
 * A SOQL query as it goes into a URI. `encodeURIComponent` leaves `'` as it is, and the URL parser
 * of a fetch then sends it as `%27` (a query of an http URL escapes it): encoding it here makes the
 * URI Precall measures the URI Salesforce receives, so a query sized to fit does fit.
 */
export function encodeSoql(soql: string): string {
  return encodeURIComponent(soql).replaceAll("'", '%27');
}
