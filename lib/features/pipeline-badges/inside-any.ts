/**
 * True when `node` is one of `roots` or inside one, across shadow boundaries (a shadow root,
 * node type 11, leads to its host). `known` keeps the answer for every node climbed through, so
 * checking the 500 links of a list against the same roots climbs each ancestor once, not 500
 * times; share it only while the tree does not change.
 */
export function insideAny(roots: ReadonlySet<Node>, node: Node | null, known = new Map<Node, boolean>()): boolean {
  if (!node) return false;
  let inside = known.get(node);
  if (inside === undefined) {
    inside =
      roots.has(node) ||
      insideAny(roots, node.parentNode ?? (node.nodeType === 11 ? (node as ShadowRoot).host : null), known);
    known.set(node, inside);
  }
  return inside;
}
