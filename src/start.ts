// Starting a run, or a follow-up session, exactly once. Creating either is not idempotent: a
// repeat can start a second paid run. When Netlify's answer to a create is lost (a 5xx, or a
// connection cut or timed out after the request went out), the run may exist anyway, so the
// action looks for it, created since just before the request and with the same prompt, and adopts
// it; only when it is certainly not there does it try again.
import { NetlifyApiError, NetlifyNetworkError } from './netlify/errors.js'
import type { NetlifyClient } from './netlify/client.js'
import type { ServerClock } from './netlify/requester.js'
import type {
  AgentRunnerSession,
  CreateRunnerBody,
  CreateSessionBody,
  Site
} from './netlify/types.js'
import * as core from '@actions/core'

/** Creates tried at most, counting the first. */
const MAX_CREATES = 3
/** After a lost answer, look this long after it (ms) before deciding the run was not created. */
const LOOK_AGAIN_AFTER_MS = [0, 2_000, 5_000]
/** Margin for the clock difference between this machine and Netlify's, in seconds. */
const CLOCK_SKEW_S = 120
/**
 * How far back, and among how many of the newest runners, a start looks for one this same step
 * made earlier. Every start pays for this look (a request per runner checked), for the sake of a
 * rare re-queued job, so it stays small.
 */
const LOOK_BACK_S = 10 * 60
const LOOK_BACK_RUNNERS = 5
/** Margin for the clocks of Netlify's servers: the one that dates answers, the one that dates runners. */
const SERVER_CLOCKS_MS = 1_000
/** After a lost answer, the runners created in the last minutes are all checked. */
const LOST_ANSWER_RUNNERS = 100

export interface StartDeps {
  client: NetlifyClient
  now: () => number
  sleep: (ms: number) => Promise<void>
  /** Called with the runner's id the moment it is known, before anything else can fail. */
  onRunner: (runnerId: string) => void
  /** The prompt carries this step's tag (./run-tag.ts): look for an earlier start before starting. */
  tagged: boolean
  /** Keys of files to attach, uploaded when first asked for: just before the first create. */
  fileKeys?: () => Promise<string[]>
}

/** The body with the attachments' keys, when there are any. */
async function withFileKeys<T extends { file_keys?: string[] }>(
  body: T,
  deps: StartDeps
): Promise<T> {
  const keys = deps.fileKeys ? await deps.fileKeys() : []
  return keys.length > 0 ? { ...body, file_keys: keys } : body
}

export interface StartedRun {
  runnerId: string
  session: AgentRunnerSession
}

/** Whether a failed create may have been carried out by Netlify all the same. */
export function answerWasLost(err: unknown): boolean {
  if (err instanceof NetlifyApiError) return err.status >= 500
  if (err instanceof NetlifyNetworkError) return err.requestSent && err.code !== 'ABORTED'
  return false
}

/** A create that failed before the request went out: nothing can exist, so it may go again. */
function neverSent(err: unknown): boolean {
  return err instanceof NetlifyNetworkError && !err.requestSent && err.code !== 'ABORTED'
}

/** Created since `sinceS` (Unix seconds) and before `beforeMs` (epoch ms), on Netlify's clock. */
type Find<T> = (sinceS: number, most: number, beforeMs?: number) => Promise<T | undefined>

/**
 * The moment, on Netlify's clock, before which an earlier execution of this step created what it
 * started: before this process began. The first answer was dated (in whole seconds, so up to one
 * more) after its request went out, which was this long after the process began; and a margin
 * for Netlify's servers' clocks. Runs that began with this one, sharing the token, create theirs
 * later and are left out of the look. Undefined without a dated answer.
 */
export function earlierStartBeforeMs(clock: ServerClock | undefined): number | undefined {
  return clock && clock.serverMs + 1_000 - clock.sentSinceStartMs + SERVER_CLOCKS_MS
}

/** Whether an item was created before `beforeMs`; one whose date cannot be read might have been. */
function createdBefore(item: { created_at: string }, beforeMs: number | undefined): boolean {
  return beforeMs === undefined || !(Date.parse(item.created_at) >= beforeMs)
}

/** `to` for a list (Unix seconds, exclusive) that keeps everything created before `beforeMs`. */
const toSeconds = (beforeMs: number | undefined): number | undefined =>
  beforeMs === undefined ? undefined : Math.ceil(beforeMs / 1000)

/**
 * Runs `create` until it answers, or its answer was lost and `find` shows what it created. Gives
 * up, with the create's own error, on a definite refusal or after MAX_CREATES tries. A tagged
 * start first looks for what this same step started earlier (`find` from LOOK_BACK_S ago, up to
 * this process's start).
 */
async function once<T>(
  what: string,
  create: () => Promise<T>,
  find: Find<T>,
  deps: StartDeps
): Promise<T> {
  const nowS = Math.floor(deps.now() / 1000)
  if (deps.tagged) {
    const beforeMs = earlierStartBeforeMs(deps.client.serverClock)
    const earlier = await find(nowS - LOOK_BACK_S, LOOK_BACK_RUNNERS, beforeMs)
    if (earlier !== undefined) {
      core.info(
        `This workflow step already started ${what} (its job ran again in the same attempt): carrying on with it instead of starting another.`
      )
      return earlier
    }
  }
  const since = startedSince(deps.now())
  for (let attempt = 1; ; attempt++) {
    try {
      return await create()
    } catch (err) {
      const lost = answerWasLost(err)
      if ((!lost && !neverSent(err)) || attempt >= MAX_CREATES) throw err
      if (lost) {
        core.warning(
          `Netlify's answer to starting ${what} was lost (${(err as Error).message}). Checking whether it started anyway, so that it is never started twice.`
        )
        for (const wait of LOOK_AGAIN_AFTER_MS) {
          await deps.sleep(wait)
          const found = await find(since, LOST_ANSWER_RUNNERS)
          if (found !== undefined) {
            core.info(`It had started: carrying on with it.`)
            return found
          }
        }
        core.info(`It had not started; trying again (${attempt + 1} of ${MAX_CREATES}).`)
      }
    }
  }
}

/** The session a new runner began with. */
async function firstSession(client: NetlifyClient, runnerId: string): Promise<AgentRunnerSession> {
  const { items } = await client.listSessions(runnerId, { order_by: 'asc', per_page: 1 })
  const session = items[0]
  if (!session)
    throw new Error(`Agent runner ${runnerId} was created, but Netlify lists no session for it.`)
  return session
}

/** The earliest second a run started from `startedAt` (epoch ms) can carry, on Netlify's clock. */
export function startedSince(startedAt: number): number {
  return Math.floor(startedAt / 1000) - CLOCK_SKEW_S
}

/**
 * A runner of the site created since `sinceS` (and before `beforeMs`) whose first session has
 * `prompt`, with that session: the newest `most` are checked.
 */
export async function findRunnerByPrompt(
  client: NetlifyClient,
  site: Site,
  prompt: string,
  sinceS: number,
  most: number,
  beforeMs?: number
): Promise<StartedRun | undefined> {
  const { items } = await client.listRunners({
    account_id: site.account_id,
    site_id: site.id,
    from: sinceS,
    to: toSeconds(beforeMs),
    // `to` has whole seconds: room for the runners of its last second that come after `beforeMs`.
    per_page: beforeMs === undefined ? most : most * 2
  })
  const candidates = items.filter(runner => createdBefore(runner, beforeMs)).slice(0, most)
  for (const runner of candidates) {
    const session = await firstSession(client, runner.id)
    if (session.prompt === prompt) return { runnerId: runner.id, session }
  }
  return undefined
}

/** The newest session of the runner created since `sinceS` (and before `beforeMs`) that `matches`. */
async function findSession(
  client: NetlifyClient,
  runnerId: string,
  sinceS: number,
  matches: (session: AgentRunnerSession) => boolean,
  beforeMs?: number
): Promise<AgentRunnerSession | undefined> {
  const { items } = await client.listSessions(runnerId, {
    from: sinceS,
    to: toSeconds(beforeMs),
    order_by: 'desc',
    per_page: 100
  })
  return items.find(session => createdBefore(session, beforeMs) && matches(session))
}

/** A session of the runner created since `sinceS` (and before `beforeMs`) with `prompt`. */
export function findSessionByPrompt(
  client: NetlifyClient,
  runnerId: string,
  prompt: string,
  sinceS: number,
  beforeMs?: number
): Promise<AgentRunnerSession | undefined> {
  return findSession(client, runnerId, sinceS, s => s.prompt === prompt, beforeMs)
}

export async function startRunner(
  site: Site,
  body: CreateRunnerBody,
  deps: StartDeps
): Promise<StartedRun> {
  const { client } = deps
  // A run found already started comes with its first session; a new one's is read once it is known.
  const started: { runnerId: string; session?: AgentRunnerSession } = await once(
    'the run',
    async () => ({
      runnerId: (await client.createRunner(site.id, await withFileKeys(body, deps))).id
    }),
    (sinceS, most, beforeMs) =>
      findRunnerByPrompt(client, site, body.prompt, sinceS, most, beforeMs),
    deps
  )
  const { runnerId } = started
  deps.onRunner(runnerId)
  return { runnerId, session: started.session ?? (await firstSession(client, runnerId)) }
}

export async function startFollowUp(
  runnerId: string,
  body: CreateSessionBody,
  deps: StartDeps
): Promise<StartedRun> {
  const { client } = deps
  const session = await once(
    'the follow-up session',
    async () => client.createSession(runnerId, await withFileKeys(body, deps)),
    (sinceS, _most, beforeMs) =>
      findSessionByPrompt(client, runnerId, body.prompt, sinceS, beforeMs),
    deps
  )
  // The runner was there before this step: it is this step's to stop only once its session exists.
  deps.onRunner(runnerId)
  return { runnerId, session }
}

/**
 * Starts a session that Netlify derives from the runner's own (a rebase, a redeploy), exactly once:
 * after a lost answer, the runner's sessions since just before the request are searched for one
 * that `matches`.
 */
export async function startDerivedSession(
  runnerId: string,
  what: string,
  create: () => Promise<AgentRunnerSession>,
  matches: (session: AgentRunnerSession) => boolean,
  deps: StartDeps
): Promise<StartedRun> {
  const { client } = deps
  const session = await once(
    what,
    create,
    sinceS => findSession(client, runnerId, sinceS, matches),
    { ...deps, tagged: false }
  )
  deps.onRunner(runnerId)
  return { runnerId, session }
}
