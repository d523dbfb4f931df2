import { z } from 'zod';
import { normalizeRecordId } from '../../lib/model/record-id';

/** The content script moved to another opportunity; the frame stays, only the plans change. */
const opportunityMessageSchema = z.object({
  type: z.literal('precall:opportunity'),
  opportunityId: z.string(),
});

/** The opportunity named by a message from the framing page, or null for anything else. */
export function opportunityIdOf(data: unknown): string | null {
  const parsed = opportunityMessageSchema.safeParse(data);
  return parsed.success ? normalizeRecordId(parsed.data.opportunityId) : null;
}

export const collapseMessage = { type: 'precall:collapse' } as const;
