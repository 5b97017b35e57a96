import 'server-only';
import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import { readJsonBody } from '../http';

/** A JSON body that may be empty (`POST` with no body, or `{}`): the same validation either way. */
export async function readOptionalJson<S extends z.ZodType>(req: NextRequest, schema: S): Promise<z.infer<S>> {
  const declared = req.headers.get('content-length');
  if (declared === '0' || (declared === null && !req.body)) return schema.parse({}) as z.infer<S>;
  return readJsonBody(req, schema);
}
