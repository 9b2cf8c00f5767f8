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
import * as core from './workflow-commands.js'

/** Creates tried at most, counting the first. */
const MAX_CREATES = 3
/** After a lost answer, look this long after it (ms) before deciding the run was not created. */
const LOOK_AGAIN_AFTER_MS = [0, 2_000, 5_000]
/** Margin for the clock difference between this machine and Netlify's, in seconds. */
const CLOCK_SKEW_S = 120

export interface StartDeps {
  client: NetlifyClient
  now: () => number
  sleep: (ms: number) => Promise<void>
  /** Called with the runner's id the moment it is known, before anything else can fail. */
  onRunner: (runnerId: string) => void
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
 * up, with the create's own error, on a definite refusal or after MAX_CREATES tries.
 */
async function once<T>(
  what: string,
  create: () => Promise<T>,
  find: () => Promise<T | undefined>,
  deps: StartDeps
): Promise<T> {
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
          const found = await find()
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

export async function startRunner(
  site: Site,
  body: CreateRunnerBody,
  deps: StartDeps
): Promise<StartedRun> {
  const { client } = deps
  const since = Math.floor(deps.now() / 1000) - CLOCK_SKEW_S
  const runnerId = await once(
    'the run',
    async () => (await client.createRunner(site.id, body)).id,
    async () => {
      const { items } = await client.listRunners({
        account_id: site.account_id,
        site_id: site.id,
        from: since,
        per_page: 100
      })
      for (const runner of items) {
        if ((await firstSession(client, runner.id)).prompt === body.prompt) return runner.id
      }
      return undefined
    },
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
  deps.onRunner(runnerId)
  const since = Math.floor(deps.now() / 1000) - CLOCK_SKEW_S
  const session = await once(
    'the follow-up session',
    () => client.createSession(runnerId, body),
    async () => {
      const { items } = await client.listSessions(runnerId, {
        from: since,
        order_by: 'desc',
        per_page: 100
      })
      return items.find(s => s.prompt === body.prompt)
    },
    deps
  )
  return { runnerId, session }
}
