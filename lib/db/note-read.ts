/** The coaching note a rep last read on a plan; a different note is shown as new. Local only. */
export interface NoteRead {
  planKey: string;
  note: string;
  readAt: string;
}
