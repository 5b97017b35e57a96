import { cookies } from 'next/headers';
import { PARTICIPANT_COOKIE } from '@/lib/workshops/cookies';
import { WorkshopMissions } from './WorkshopMissions';

/**
 * Mounts the missions panel only for a browser that holds a participant
 * cookie (its presence only — the API decides whose it is). Everyone else's
 * lab page never asks /api/workshops/me, so a lab opened outside a workshop
 * makes no extra request and logs no 404.
 */
export async function WorkshopMissionsSlot({ labId }: { labId: string }) {
  const jar = await cookies();
  if (!jar.has(PARTICIPANT_COOKIE)) return null;
  return <WorkshopMissions labId={labId} />;
}
