import { getStore } from '@/lib/db';
import { env } from '@/lib/env';
import { apiRoute, jsonResponse } from '@/lib/http';
import { createLab } from '@/lib/labs/create';
import { sweepIdleLabs } from '@/lib/labs/sweeper';

/** POST /api/labs — a fresh lab with seeded users; the demo passwords are returned once here and on the lab's GET. */
export const POST = apiRoute(
  async () => {
    const store = getStore();
    sweepIdleLabs(store, env.labIdleSeconds);
    const { lab, users } = await createLab(store);
    return jsonResponse({ labId: lab.id, users }, 201, { Location: `/api/labs/${lab.id}` });
  },
  { stateChanging: true },
);
