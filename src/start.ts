// Starting a run, or a follow-up session, exactly once. Creating either is not idempotent: a
// repeat can start a second paid run. When Netlify's answer to a create is lost (a 5xx, or a
// connection cut or timed out after the request went out), the run may exist anyway, so the
// action looks for it, created since just before the request and with the same prompt, and adopts
// it; only when it is certainly not there does it try again.
import { NetlifyApiError, NetlifyNetworkError } from './netlify/errors.js'
import type { NetlifyClient } from './netlify/client.js'
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

/**
 * Runs `create` until it answers, or its answer was lost and `find` shows what it created. Gives
 * up, with the create's own error, on a definite refusal or after MAX_CREATES tries. A tagged
 * start first looks for what this same step started earlier (`find` from LOOK_BACK_S ago).
 */
async function once<T>(
  what: string,
  create: () => Promise<T>,
  find: (sinceS: number, most: number) => Promise<T | undefined>,
  deps: StartDeps
): Promise<T> {
  const nowS = Math.floor(deps.now() / 1000)
  if (deps.tagged) {
    const earlier = await find(nowS - LOOK_BACK_S, LOOK_BACK_RUNNERS)
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

/** A runner of the site created since `sinceS` whose first session has `prompt`: the newest `most` are checked. */
export async function findRunnerByPrompt(
  client: NetlifyClient,
  site: Site,
  prompt: string,
  sinceS: number,
  most: number
): Promise<string | undefined> {
  const { items } = await client.listRunners({
    account_id: site.account_id,
    site_id: site.id,
    from: sinceS,
    per_page: most
  })
  for (const runner of items) {
    if ((await firstSession(client, runner.id)).prompt === prompt) return runner.id
  }
  return undefined
}

/** The newest session of the runner created since `sinceS` that `matches`. */
async function findSession(
  client: NetlifyClient,
  runnerId: string,
  sinceS: number,
  matches: (session: AgentRunnerSession) => boolean
): Promise<AgentRunnerSession | undefined> {
  const { items } = await client.listSessions(runnerId, {
    from: sinceS,
    order_by: 'desc',
    per_page: 100
  })
  return items.find(matches)
}

/** A session of the runner created since `sinceS` with `prompt`. */
export function findSessionByPrompt(
  client: NetlifyClient,
  runnerId: string,
  prompt: string,
  sinceS: number
): Promise<AgentRunnerSession | undefined> {
  return findSession(client, runnerId, sinceS, s => s.prompt === prompt)
}

export async function startRunner(
  site: Site,
  body: CreateRunnerBody,
  deps: StartDeps
): Promise<StartedRun> {
  const { client } = deps
  const runnerId = await once(
    'the run',
    async () => (await client.createRunner(site.id, await withFileKeys(body, deps))).id,
    (sinceS, most) => findRunnerByPrompt(client, site, body.prompt, sinceS, most),
    deps
  )
  deps.onRunner(runnerId)
  return { runnerId, session: await firstSession(client, runnerId) }
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
    sinceS => findSessionByPrompt(client, runnerId, body.prompt, sinceS),
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
