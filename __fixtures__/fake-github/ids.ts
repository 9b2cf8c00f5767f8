// Numeric ids in ranges that never overlap between kinds, so an issue comment id can never be
// mistaken for a review comment id, and GitHub's legacy base64 node ids.
import { createHash } from 'node:crypto'

/** The first id of each kind; sizes like GitHub's (comment ids passed 2^31 long ago). */
export const ID_BASE = {
  issue: 1_000_000_000,
  pull: 1_500_000_000,
  issueComment: 2_000_000_000,
  reviewComment: 3_000_000_000,
  review: 3_500_000_000,
  reaction: 4_000_000_000,
  label: 4_500_000_000
} as const

/** github-actions[bot]'s real user id. */
export const ACTIONS_BOT_ID = 41898282

export class IdSequence {
  private last: number

  constructor(
    base: number,
    private readonly taken: (id: number) => boolean = () => false
  ) {
    this.last = base
  }

  next(): number {
    do this.last += 1
    while (this.taken(this.last))
    return this.last
  }
}

/** A number in [base, base + span) derived from `text`: the same text always gives the same id. */
export function derivedNumber(base: number, span: number, text: string): number {
  const digest = createHash('sha1').update(text).digest()
  return base + (digest.readUInt32BE(0) % span)
}

export function derivedSha(...parts: string[]): string {
  return createHash('sha1').update(parts.join('\0')).digest('hex')
}

/** The legacy node id format, e.g. 'MDEyOklzc3VlQ29tbWVudDE=' for IssueComment 1. */
export function nodeId(type: string, id: number): string {
  return Buffer.from(`0${type.length}:${type}${id}`).toString('base64')
}
