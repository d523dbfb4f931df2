/** The REST API version Precall speaks; jsforce would otherwise default to 50.0. */
export const apiVersion = '62.0';

/** Sent as `Sforce-Call-Options: client=Precall`, so an admin sees Precall's calls in the org's logs. */
export const callOptions = { client: 'Precall' };

/**
 * The version to speak with an org, from its `GET /services/data/` list: ours when it knows
 * it, else (an org mid-upgrade, still on an older release) the highest version it knows.
 */
export function versionFor(known: readonly string[]): string {
  if (known.includes(apiVersion) || known.length === 0) return apiVersion;
  const sorted = [...known].sort((a, b) => Number(a) - Number(b));
  return sorted.at(-1) ?? apiVersion;
}

const versionListTimeoutMs = 10_000;

/** Reads the org's versions (not counted against its daily API limit); ours when it cannot. */
export async function negotiateApiVersion(apiOrigin: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  try {
    const response = await fetchImpl(`${apiOrigin}/services/data/`, {
      redirect: 'manual',
      signal: AbortSignal.timeout(versionListTimeoutMs),
    });
    if (!response.ok) return apiVersion;
    const list = (await response.json()) as unknown;
    if (!Array.isArray(list)) return apiVersion;
    const known = list
      .map((entry) => (entry as { version?: unknown })?.version)
      .filter((version): version is string => typeof version === 'string' && /^\d+\.\d$/.test(version));
    return versionFor(known);
  } catch {
    return apiVersion;
  }
}
