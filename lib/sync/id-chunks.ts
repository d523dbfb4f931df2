/**
 * Splits ids into the fewest chunks whose query, sent as a GET URI, stays within `maxLength`
 * characters once encoded: `fixedLength` is the encoded length of the query with an empty id
 * list, and each id adds its own encoded length (quotes and separator included). Salesforce caps
 * a request's URI and headers together at 16,384 bytes (414 or 431 beyond), so the caller leaves
 * room for the headers. An id that fits nowhere would make every query fail: it throws.
 */
export function idChunksWithin(
  ids: readonly string[],
  fixedLength: number,
  idLength: (id: string) => number,
  maxLength: number,
): string[][] {
  const chunks: string[][] = [];
  let chunk: string[] = [];
  let length = fixedLength;
  for (const id of ids) {
    const added = idLength(id);
    if (fixedLength + added > maxLength) throw new Error(`A query for ${id} cannot fit in ${maxLength} characters`);
    if (length + added > maxLength) {
      chunks.push(chunk);
      chunk = [];
      length = fixedLength;
    }
    chunk.push(id);
    length += added;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}
