import { sendJson } from '../http';
import type { Route } from '../route';

/** Salesforce's release of each API version: v20.0 was Winter '11, then three a year. */
function releaseLabel(version: number): string {
  const steps = version - 20;
  const season = ['Winter', 'Spring', 'Summer'][steps % 3];
  const year = 11 + Math.floor(steps / 3);
  return `${season} '${String(year).padStart(2, '0')}`;
}

export const oldestVersion = 31;
export const newestVersion = 64;

/** `GET /services/data/`: every version we serve. Not counted against the daily limit. */
export const versionsRoute: Route = {
  method: 'GET',
  pattern: /^\/services\/data\/?$/,
  kind: 'versions',
  access: 'public',
  handle(ctx) {
    const versions = [];
    const newest = Math.min(newestVersion, ctx.org.access.maxApiVersion ?? newestVersion);
    for (let v = oldestVersion; v <= newest; v++) {
      versions.push({ label: releaseLabel(v), url: `/services/data/v${v}.0`, version: `${v}.0` });
    }
    sendJson(ctx.res, 200, versions);
  },
};
