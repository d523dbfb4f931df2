/** Fetches the pages' JSON; a lost session sends the user to sign in again, as Lightning does. */
export class RecordNotFound extends Error {}

export async function fetchView<T>(path: string): Promise<T> {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 401) {
    location.assign(`/login?retURL=${encodeURIComponent(location.pathname + location.search)}`);
    throw new Error('signed out');
  }
  if (response.status === 404) throw new RecordNotFound(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}
