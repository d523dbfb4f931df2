/** API hosts and the Lightning host of the same org, by name (the record opens where its panel shows). */
const lightningOf: readonly [api: string, lightning: string][] = [
  ['.my.salesforce.com', '.lightning.force.com'],
  ['.my.salesforce.mil', '.lightning.force.mil'],
  ['.my.sfcrmproducts.cn', '.lightning.sfcrmapps.cn'],
  ['.my.localhost', '.lightning.localhost'],
];

/** The org's Lightning origin for any of its origins; Lightning and the demo org stay as they are. */
export function lightningOrigin(origin: string): string {
  const url = new URL(origin);
  for (const [api, lightning] of lightningOf) {
    if (url.hostname.endsWith(api)) {
      url.hostname = `${url.hostname.slice(0, -api.length)}${lightning}`;
      return url.origin;
    }
  }
  return url.origin;
}

/** An opportunity's record page in Lightning, where Precall's panel shows its plans. */
export function opportunityUrl(origin: string, opportunityId: string): string {
  return `${lightningOrigin(origin)}/lightning/r/Opportunity/${encodeURIComponent(opportunityId)}/view`;
}
