import { apiRoute, jsonResponse, readJsonBody } from '@/lib/http';
import { visitLab } from '@/lib/labs/resolve';
import { updateSettings } from '@/lib/labs/operator';
import { labSettingsPatchSchema } from '@/lib/labs/settings';

/** PATCH /api/labs/{labId}/settings — tokens issued afterwards follow the new settings. */
export const PATCH = apiRoute<{ labId: string }>(
  async (req, { labId }) => {
    const { store, lab } = visitLab(labId);
    const patch = await readJsonBody(req, labSettingsPatchSchema);
    return jsonResponse(await updateSettings(store, lab, patch));
  },
  { stateChanging: true },
);
