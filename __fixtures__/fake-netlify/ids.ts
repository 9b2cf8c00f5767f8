// Identifiers shaped like Netlify's (24-hex, ObjectId-like) and deterministic hashes for
// values that must stay stable across reads of the same record.
import { createHash, randomBytes } from 'node:crypto'

let counter = randomBytes(3).readUIntBE(0, 3)

/** A fresh 24-hex id: 4 bytes of time, 5 random bytes, 3 bytes of counter, like a Mongo ObjectId. */
export function newId(): string {
  counter = (counter + 1) % 0xffffff
  const time = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0')
  return time + randomBytes(5).toString('hex') + counter.toString(16).padStart(6, '0')
}

/** A hex digest of `parts`, cut to `length` characters; the same input always gives the same id. */
export function derivedHex(length: number, ...parts: string[]): string {
  return createHash('sha1').update(parts.join('\0')).digest('hex').slice(0, length)
}

export function shortId(id: string): string {
  return id.slice(-8)
}
