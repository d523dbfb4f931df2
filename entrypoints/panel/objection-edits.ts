import { newObjection, type Objection } from '../../lib/model/call-plan';

/** Sort order follows position, so Salesforce shows objections in the order the rep arranged. */
function renumber(objections: readonly Objection[]): Objection[] {
  return objections.map((objection, index) =>
    objection.sortOrder === index ? objection : { ...objection, sortOrder: index },
  );
}

/** A surprise objection (expected = false) was met in the call, so it starts as raised. */
export function addObjection(objections: readonly Objection[], expected: boolean, newKey?: () => string): Objection[] {
  const added = newObjection(objections.length, expected, newKey);
  return renumber([...objections, expected ? added : { ...added, raised: true }]);
}

export function changeObjection(objections: readonly Objection[], key: string, patch: Partial<Objection>): Objection[] {
  return objections.map((objection) => (objection.objectionKey === key ? { ...objection, ...patch } : objection));
}

export function removeObjection(objections: readonly Objection[], key: string): Objection[] {
  return renumber(objections.filter((objection) => objection.objectionKey !== key));
}

/**
 * Moves an objection past its neighbour of the same kind: expected and surprise objections are
 * shown in separate lists, so "up" means up in the list the rep is looking at.
 */
export function moveObjection(objections: readonly Objection[], key: string, delta: -1 | 1): Objection[] {
  const from = objections.findIndex((objection) => objection.objectionKey === key);
  const moving = objections[from];
  if (!moving) return [...objections];
  let to = from + delta;
  while (to >= 0 && to < objections.length && objections[to]?.expected !== moving.expected) to += delta;
  const target = objections[to];
  if (!target) return [...objections];
  const next = [...objections];
  next[from] = target;
  next[to] = moving;
  return renumber(next);
}

/** Drops an objection at `position` among those of its own kind (a drag ends there). */
export function moveObjectionTo(objections: readonly Objection[], key: string, position: number): Objection[] {
  const moving = objections.find((objection) => objection.objectionKey === key);
  if (!moving) return [...objections];
  const sameKind = objections.filter((objection) => objection.expected === moving.expected);
  const from = sameKind.indexOf(moving);
  const to = Math.max(0, Math.min(position, sameKind.length - 1));
  if (from === to) return [...objections];
  const reordered = sameKind.filter((objection) => objection !== moving);
  reordered.splice(to, 0, moving);
  // The other kind keeps its places; this kind fills its own places in the new order.
  let next = 0;
  return renumber(
    objections.map((objection) =>
      objection.expected === moving.expected ? (reordered[next++] as Objection) : objection,
    ),
  );
}
