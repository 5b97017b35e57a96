import type { StatementSource } from './statement-count';

/**
 * Who each live lab was created for (issue 13.1): the counts lab admission
 * (lib/labs/admission.ts) decides by. Live means the lab row exists: a lab's
 * owner row is deleted with it, so an expired lab frees its owner's place.
 * Times are real time in ms.
 */
export function createLabOwnerQueries(db: StatementSource) {
  const insert = db.prepare<[string, string, number]>('INSERT INTO lab_owners (lab_id, owner, created_at_ms) VALUES (?, ?, ?)');
  const countByOwner = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM lab_owners WHERE owner = ?');
  const createdSince = db.prepare<[string, number], { n: number; oldest: number | null }>(
    'SELECT COUNT(*) AS n, MIN(created_at_ms) AS oldest FROM lab_owners WHERE owner = ? AND created_at_ms >= ?',
  );
  const oldestUseOfOwner = db.prepare<[string], { last: number | null }>(
    'SELECT MIN(l.last_used_at_ms) AS last FROM lab_owners o JOIN labs l ON l.id = o.lab_id WHERE o.owner = ?',
  );
  // Top-level labs only: a scenario run's throwaway labs live for seconds and are bounded by the cell line.
  const countLive = db.prepare<[], { n: number; last: number | null }>(
    'SELECT COUNT(*) AS n, MIN(last_used_at_ms) AS last FROM labs WHERE parent_lab_id IS NULL',
  );
  return {
    insert: (labId: string, owner: string, createdAtMs: number) => void insert.run(labId, owner, createdAtMs),
    /** Live labs created for this owner. */
    countByOwner: (owner: string): number => countByOwner.get(owner)!.n,
    /** Labs created for this owner since sinceMs (still live), and the oldest such creation time. */
    createdSince: (owner: string, sinceMs: number) => createdSince.get(owner, sinceMs)!,
    /** The oldest last-activity stamp among the owner's live labs: the first to expire. */
    oldestUseOf: (owner: string): number | null => oldestUseOfOwner.get(owner)!.last,
    /** Live top-level labs in all, and the oldest last-activity stamp among them. */
    live: () => countLive.get()!,
  };
}

export type LabOwnersTable = ReturnType<typeof createLabOwnerQueries>;
