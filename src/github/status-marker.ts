// The hidden marker that closes a status comment: which runner and session the comment reports
// on, so that a later step finds the thread's runner again, and the post step its comment. Anyone
// can paste a marker, and another workflow's github-actions[bot] can write one, so it carries a MAC
// over where it stands (the repository and the issue or pull request) and what it names, keyed by
// a secret only this action's workflows hold: one derived from the Netlify token. A marker whose
// MAC does not verify names nothing. A stop asked for in the thread adds who asked (`stopped-by`),
// so that the step waiting on the session knows it was stopped on purpose, and by whom. Until its
// last word, the comment of a run a workflow started says what is still owed (`owes`), so that a
// sweep can tell a finished comment from one a lost job left.
import { derivedKey, macMatches, macOf, MAC_PATTERN } from '../seal.js'

export const MARKER_PREFIX = 'netlify-agent-runners-action:status'

/** Fixed, so that every step with the same Netlify token derives the same key. */
const KEY_LABEL = 'netlify-agent-runners-action/status-marker/v1'

const ID_CHARS = '[A-Za-z0-9_-]{1,128}'
/** A GitHub login: a user's (letters, digits, hyphens; at most 39) or an app's bot. */
const LOGIN_CHARS = '[A-Za-z0-9][A-Za-z0-9-]{0,38}(?:\\[bot\\])?'
const ID = new RegExp(`^${ID_CHARS}$`)
const LOGIN = new RegExp(`^${LOGIN_CHARS}$`)
const OWED = ['pull-request', 'commit', 'report'] as const
const MARKER_BODY = new RegExp(
  `^ runner=(${ID_CHARS})(?: session=(${ID_CHARS}))?(?: stopped-by=(${LOGIN_CHARS}))?(?: owes=(${OWED.join('|')}))? mac=(${MAC_PATTERN}) $`
)

/** What a run still owes its thread: a delivery and the last word, or the last word. */
export type Owed = (typeof OWED)[number]

export interface StatusIds {
  runnerId: string
  sessionId: string | undefined
  /** Who stopped the session from the thread, when someone did. */
  stoppedBy?: string
  /** What is still owed, until the run's last word (../sweep/ settles a run that owes). */
  owes?: Owed
}

/** What a marker is bound to: the thread it stands on, and the key that signs it. */
export interface MarkerSeal {
  key: Buffer
  /** owner/name */
  repository: string
  issueNumber: number
}

/** The marker key of a Netlify token: HMAC-SHA256(token, label), never the token itself. */
export function markerKey(netlifyToken: string): Buffer {
  return derivedKey(netlifyToken, KEY_LABEL)
}

/** Whether an id can go into a marker and be read back. */
export function isMarkerId(id: string): boolean {
  return ID.test(id)
}

/** Whether a text is a GitHub login, and so can go into a marker or a code span as it is. */
export function isLogin(login: string): boolean {
  return LOGIN.test(login)
}

function macFields(ids: StatusIds, seal: MarkerSeal): string[] {
  // Ids hold no newline and repository names none, so the fields cannot run into each other.
  return [
    seal.repository.toLowerCase(),
    String(seal.issueNumber),
    ids.runnerId,
    ids.sessionId ?? '',
    // Absent in markers without a stop (or a debt), which so keep the MAC they always had.
    ...(ids.stoppedBy === undefined ? [] : [ids.stoppedBy]),
    ...(ids.owes === undefined ? [] : [`owes=${ids.owes}`])
  ]
}

export function formatMarker(ids: StatusIds, seal: MarkerSeal): string {
  for (const [name, id] of [
    ['runner', ids.runnerId],
    ['session', ids.sessionId]
  ] as const) {
    if (id !== undefined && !ID.test(id)) {
      throw new Error(
        `The status comment marker takes ${name} ids of letters, digits, '-' and '_' only, not ${JSON.stringify(id.slice(0, 140))}.`
      )
    }
  }
  if (ids.stoppedBy !== undefined && !LOGIN.test(ids.stoppedBy)) {
    throw new Error(
      `The status comment marker takes GitHub logins only, not ${JSON.stringify(ids.stoppedBy.slice(0, 140))}.`
    )
  }
  const session = ids.sessionId === undefined ? '' : ` session=${ids.sessionId}`
  const stop = ids.stoppedBy === undefined ? '' : ` stopped-by=${ids.stoppedBy}`
  const owes = ids.owes === undefined ? '' : ` owes=${ids.owes}`
  const tag = macOf(seal.key, macFields(ids, seal))
  return `<!-- ${MARKER_PREFIX} runner=${ids.runnerId}${session}${stop}${owes} mac=${tag} -->`
}

/**
 * The ids of the marker in a comment body, if it was made with this seal's key for this seal's
 * thread. Only the last mention of the prefix counts (the marker closes the body, and untrusted
 * text in it has the prefix broken), and it must be exactly a marker with well-formed ids and a
 * MAC that verifies: anything else is undefined, never a guess.
 */
export function parseMarker(body: string, seal: MarkerSeal): StatusIds | undefined {
  const at = body.lastIndexOf(MARKER_PREFIX)
  if (at < 5 || body.slice(at - 5, at) !== '<!-- ') return undefined
  const end = body.indexOf('-->', at)
  if (end < 0) return undefined
  const match = MARKER_BODY.exec(body.slice(at + MARKER_PREFIX.length, end))
  if (!match?.[1] || !match[5]) return undefined
  const ids: StatusIds = { runnerId: match[1], sessionId: match[2] }
  if (match[3] !== undefined) ids.stoppedBy = match[3]
  if (match[4] !== undefined) ids.owes = match[4] as Owed
  return macMatches(seal.key, macFields(ids, seal), match[5]) ? ids : undefined
}
