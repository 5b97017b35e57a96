import { getStore } from '@/lib/db';
import { env } from '@/lib/env';
import { apiRoute, jsonResponse } from '@/lib/http';
import { clientAddress } from '@/lib/client-address';
import { createLab } from '@/lib/labs/create';
import { sweepIdleLabs } from '@/lib/labs/sweeper';

/**
 * POST /api/labs — a fresh lab with seeded users; the demo passwords are returned once here and on the lab's GET.
 * Admitted per client (lib/labs/admission.ts): 429 past the client's caps, 503 when the server holds LAB_LIMIT labs.
 */
export const POST = apiRoute(
  async (req) => {
    const store = getStore();
    sweepIdleLabs(store, env.labIdleSeconds);
    const { lab, users } = await createLab(store, { client: clientAddress(req) });
    return jsonResponse({ labId: lab.id, users }, 201, { Location: `/api/labs/${lab.id}` });
  },
  { stateChanging: true },
);
