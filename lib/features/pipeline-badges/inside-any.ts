/**
 * True when `node` is one of `roots` or inside one, across shadow boundaries (a shadow root,
 * node type 11, leads to its host). One climb up the tree, so checking every link of a 500-row
 * list against 500 changed rows stays linear.
 */
export function insideAny(roots: ReadonlySet<Node>, node: Node | null): boolean {
  for (
    let current = node;
    current;
    current = current.parentNode ?? (current.nodeType === 11 ? (current as ShadowRoot).host : null)
  ) {
    if (roots.has(current)) return true;
  }
  return false;
}
