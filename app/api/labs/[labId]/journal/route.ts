import { ApiError, apiRoute, jsonResponse } from '@/lib/http';
import { visitLab } from '@/lib/labs/resolve';
import { readJournal } from '@/lib/labs/journal';

const CURSOR = /^\d{1,15}$/;

/**
 * GET /api/labs/{labId}/journal?after={seq} — the entries after seq (oldest
 * first, a page at a time) → { entries, lastSeq, dropped, clearedThrough, more }.
 * Reading the journal is not itself journaled (a polling screen would fill it).
 */
export const GET = apiRoute<{ labId: string }>(
  async (req, { labId }) => {
    const raw = req.nextUrl.searchParams.get('after');
    if (raw !== null && !CURSOR.test(raw)) {
      throw new ApiError('invalid-cursor', 'after: a whole number of 0 or more (the seq of the last entry you have).');
    }
    const { store, lab } = visitLab(labId);
    return jsonResponse(readJournal(store, lab.id, raw === null ? 0 : Number(raw)));
  },
  { stateChanging: false, journaled: false },
);
