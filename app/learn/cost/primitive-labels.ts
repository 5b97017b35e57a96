import type { Translate } from '@/lib/i18n/translate';

/**
 * The bench names its building blocks by id (lib/bench/results.json); the
 * page shows them in the reader's language. An id the page does not know yet
 * is shown as it is — an identifier, never an invented translation.
 */
const PRIMITIVE_KEYS = {
  sha256: 'prim_sha256',
  'sqlite-pk-get': 'prim_sqlite-pk-get',
  'jwt-verify-hs256': 'prim_jwt-verify-hs256',
  'jwt-verify-es256': 'prim_jwt-verify-es256',
  'jwt-verify-eddsa': 'prim_jwt-verify-eddsa',
  'iron-unseal': 'prim_iron-unseal',
  'hmac-sha256': 'prim_hmac-sha256',
} as const satisfies Record<string, Parameters<Translate<'cost'>>[0]>;

type PrimitiveId = keyof typeof PRIMITIVE_KEYS;
const isPrimitiveId = (id: string): id is PrimitiveId => Object.hasOwn(PRIMITIVE_KEYS, id);

export function primitiveLabel(t: Translate<'cost'>, id: string): string {
  return isPrimitiveId(id) ? t(PRIMITIVE_KEYS[id]) : id;
}
