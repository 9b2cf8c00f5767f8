// MACs over what the action writes where others can write too (a status comment's marker, a run's
// tag in its prompt), keyed by a secret only this action's workflows hold: one derived from the
// Netlify token, never the token itself. HMAC-SHA256 truncated to 128 bits, as base64url.
import { createHmac, timingSafeEqual } from 'node:crypto'

const MAC_BYTES = 16
/** The length of a MAC as text: 22 characters of base64url. */
export const MAC_PATTERN = '[A-Za-z0-9_-]{22}'

/** A key for one use (`label`), derived from `secret`: every step with the same token derives it. */
export function derivedKey(secret: string, label: string): Buffer {
  return createHmac('sha256', secret).update(label).digest()
}

/** The MAC of the fields, joined by newlines (which no field may hold). */
export function macOf(key: Buffer, fields: string[]): string {
  return createHmac('sha256', key)
    .update(fields.join('\n'))
    .digest()
    .subarray(0, MAC_BYTES)
    .toString('base64url')
}

/** Whether `given` is the MAC of the fields, compared in constant time. */
export function macMatches(key: Buffer, fields: string[], given: string): boolean {
  const a = Buffer.from(given, 'base64url')
  const b = Buffer.from(macOf(key, fields), 'base64url')
  return a.length === b.length && timingSafeEqual(a, b)
}
