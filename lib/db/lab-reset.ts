import type { Db } from './open';

/**
 * Empties a lab in place, keeping its id (a workshop participant's lab link
 * stays valid): users (and with them sessions and refresh tokens), denylist,
 * throttles, stolen copies, matrix runs and throwaway child labs go; the
 * caller then writes fresh keys, settings, clock and users. The journal keeps
 * its rows for seq continuity (a screen polling `after` must not miss what
 * follows); the caller marks them cleared.
 */
export function createLabResetQueries(db: Db) {
  const deletes = [
    'DELETE FROM labs WHERE parent_lab_id = ?',
    'DELETE FROM users WHERE lab_id = ?',
    'DELETE FROM sessions WHERE lab_id = ?',
    'DELETE FROM refresh_tokens WHERE lab_id = ?',
    'DELETE FROM jwt_denylist WHERE lab_id = ?',
    'DELETE FROM login_throttle WHERE lab_id = ?',
    'DELETE FROM refresh_rate_limits WHERE lab_id = ?',
    'DELETE FROM stolen_copies WHERE lab_id = ?',
    'DELETE FROM matrix_runs WHERE lab_id = ?',
  ].map((sql) => db.prepare<[string]>(sql));
  type Fresh = { id: string; settings_json: string; iron_password: string; jwt_alg: string; jwt_kid: string; jwt_key_json: string };
  const refill = db.prepare<Fresh>(`
    UPDATE labs SET clock_offset_seconds = 0, clock_frozen_at_seconds = NULL, settings_json = @settings_json,
      iron_password = @iron_password, jwt_alg = @jwt_alg, jwt_kid = @jwt_kid, jwt_key_json = @jwt_key_json,
      key_generation = key_generation + 1
    WHERE id = @id AND parent_lab_id IS NULL`);
  return {
    /** Call inside a transaction. False when the lab is gone. */
    emptyAndRefill: (fresh: Fresh): boolean => {
      for (const d of deletes) d.run(fresh.id);
      return refill.run(fresh).changes > 0;
    },
  };
}
