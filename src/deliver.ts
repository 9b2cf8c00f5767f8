// Delivering a runner's changes: a pull request, or a commit to a branch. Both are asynchronous
// on Netlify's side: the POST is accepted, then the runner shows `…_is_being_created` until the
// pull request or commit exists (or failed). A POST whose answer was lost is never sent again
// blindly: the runner is read first, and only a runner that shows no sign of it is asked again.
import type { NetlifyClient } from './netlify/client.js'
import { explainRefusal, NetlifyApiError } from './netlify/errors.js'
import type { AgentRunner } from './netlify/types.js'
import { InputError } from './settings/index.js'
import { answerWasLost } from './start.js'
import * as core from '@actions/core'

export type PullRequestOperation = 'created' | 'updated'

export type Delivery =
  | {
      kind: 'pull-request'
      operation: PullRequestOperation
      url: string
      number: number | null
      branch: string | null
      state: string | null
    }
  | { kind: 'commit'; sha: string; branch: string }
  /** Nothing was delivered, and why, in words. */
  | { kind: 'none'; reason: string }

/** The delivery did not happen: Netlify said why, or it did not finish in time. */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError'
  constructor(
    message: string,
    readonly timedOut: boolean
  ) {
    super(message)
  }
}

/**
 * Another step is delivering the same runner right now (a concurrent sweep): Netlify shows the
 * delivery under way, or answers 409 to the request. Not a failure: that step finishes it.
 */
export class DeliveryTaken extends Error {
  override readonly name = 'DeliveryTaken'
}

export interface DeliverDeps {
  client: NetlifyClient
  now: () => number
  sleep: (ms: number) => Promise<void>
  /** Epoch ms: waiting for Netlify to finish counts against `timeout-minutes`. */
  deadline: number
  /** Told of the runner each time it is read, so that the report need not read it again. */
  seen?: (runner: AgentRunner) => void
  /**
   * One already under way: waited for, then made again over it (a step's own delivery), or left
   * to whoever started it (`taken`: a sweep, which must deliver a run once however many run).
   */
  underWay?: 'wait' | 'taken'
}

/** Reads the runner, telling `deps.seen`. */
async function readRunner(runnerId: string, deps: DeliverDeps): Promise<AgentRunner> {
  const runner = await deps.client.getRunner(runnerId)
  deps.seen?.(runner)
  return runner
}

/**
 * Refuses, before anything is sent, a commit onto the branch the runner works from (main and
 * master are refused with the inputs).
 */
export function checkCommitBranch(
  target: string | undefined,
  base: string | null | undefined
): void {
  if (target !== undefined && target === base) {
    throw new InputError(
      'commit-to-branch',
      `Input \`commit-to-branch\` is "${base}", the branch the agent's runner works from; Netlify commits the changes to another branch. Name one, or use \`pull-request: true\`.`
    )
  }
}

/** Pauses between checks of the runner while Netlify works: quick at first, then every 5 s. */
export function deliveryPollDelayMs(check: number): number {
  return Math.min(500 * 2 ** check, 5_000)
}

/** Creates tried at most, counting the first, when answers are lost. */
const MAX_POSTS = 3

interface Job {
  what: string
  post: () => Promise<AgentRunner>
  /** Whether the runner shows the job under way or done since `before`. */
  started: (runner: AgentRunner, before: AgentRunner) => boolean
  busy: (runner: AgentRunner) => boolean
  error: (runner: AgentRunner) => string | null | undefined
}

/**
 * Posts the job once, in effect, and waits for Netlify to finish it. Returns the runner as it was
 * before the post, and once the job was done.
 */
async function carryOut(
  job: Job,
  runnerId: string,
  deps: DeliverDeps
): Promise<{ before: AgentRunner; after: AgentRunner }> {
  let before = await readRunner(runnerId, deps)
  const taken = deps.underWay === 'taken'
  if (job.busy(before) && taken) throw new DeliveryTaken(`${job.what} is already being made`)
  // One already under way (another step, or the dashboard) is waited for, not posted over.
  if (job.busy(before)) before = await settle(job, runnerId, before, deps, false)
  let runner: AgentRunner | undefined
  for (let attempt = 1; runner === undefined; attempt++) {
    try {
      runner = await job.post()
      deps.seen?.(runner)
    } catch (err) {
      // Netlify's "already being made" to a first request: someone else's, begun since the read.
      if (taken && attempt === 1 && err instanceof NetlifyApiError && err.status === 409) {
        throw new DeliveryTaken(`Netlify answered that ${job.what} is already being made`)
      }
      // After a lost answer, "already being made" means the lost request was carried out.
      const alreadyUnderWay = attempt > 1 && err instanceof NetlifyApiError && err.status === 409
      if (alreadyUnderWay) {
        runner = await readRunner(runnerId, deps)
        break
      }
      if (!answerWasLost(err) || attempt >= MAX_POSTS) throw err
      core.warning(
        `Netlify's answer to the request for ${job.what} was lost (${(err as Error).message}); reading the runner before asking again.`
      )
      await deps.sleep(1_000)
      const now = await readRunner(runnerId, deps)
      if (job.started(now, before)) runner = now
    }
  }
  return { before, after: await settle(job, runnerId, runner, deps) }
}

/** Waits while Netlify works on the job; with `check`, its error fails the delivery. */
async function settle(
  job: Job,
  runnerId: string,
  runner: AgentRunner,
  deps: DeliverDeps,
  check = true
): Promise<AgentRunner> {
  for (let check = 0; job.busy(runner); check++) {
    const delay = deliveryPollDelayMs(check)
    if (deps.now() + delay > deps.deadline) {
      throw new DeliveryError(
        `Netlify was still working on ${job.what} when \`timeout-minutes\` ran out; it may yet appear on the runner's page.`,
        true
      )
    }
    await deps.sleep(delay)
    runner = await readRunner(runnerId, deps)
  }
  const error = check ? job.error(runner) : undefined
  if (error) throw new DeliveryError(`Netlify could not make ${job.what}: ${error}`, false)
  return runner
}

function isOpen(runner: AgentRunner): boolean {
  const state = (runner.pr_state ?? '').toUpperCase()
  return Boolean(runner.pr_url) && (state === 'OPEN' || state === 'DRAFT')
}

/** Opens the runner's pull request, or updates the open one with the latest changes. */
export async function deliverPullRequest(
  runnerId: string,
  deps: DeliverDeps
): Promise<Extract<Delivery, { kind: 'pull-request' }>> {
  const { before, after } = await carryOut(
    {
      what: 'the pull request',
      post: () => deps.client.createPullRequest(runnerId),
      started: (now, earlier) =>
        now.pr_is_being_created || (Boolean(now.pr_url) && now.pr_url !== earlier.pr_url),
      busy: r => r.pr_is_being_created,
      error: r => r.pr_error
    },
    runnerId,
    deps
  ).catch((err: unknown) => {
    throw err instanceof DeliveryTaken ? err : refined(err, 'pull request')
  })
  if (!after.pr_url) {
    throw new DeliveryError(
      'Netlify finished the pull request without reporting its URL; look on the runner page.',
      false
    )
  }
  return {
    kind: 'pull-request',
    // Netlify updates the runner's open pull request rather than opening a second one.
    operation: isOpen(before) && before.pr_url === after.pr_url ? 'updated' : 'created',
    url: after.pr_url,
    number: after.pr_number,
    branch: after.pr_branch,
    state: after.pr_state === null ? null : after.pr_state.toLowerCase()
  }
}

/** Commits the runner's changes to `branch` (never its base branch, main or master). */
export async function deliverCommit(
  runnerId: string,
  branch: string,
  deps: DeliverDeps
): Promise<Extract<Delivery, { kind: 'commit' }>> {
  const { after: runner } = await carryOut(
    {
      what: `the commit to ${branch}`,
      post: () => deps.client.commitToBranch(runnerId, branch),
      started: (now, before) =>
        now.merge_commit_is_being_created ||
        (Boolean(now.merge_commit_sha) && now.merge_commit_sha !== before.merge_commit_sha),
      busy: r => r.merge_commit_is_being_created,
      error: r => r.merge_commit_error
    },
    runnerId,
    deps
  ).catch((err: unknown) => {
    throw err instanceof DeliveryTaken ? err : refined(err, 'commit')
  })
  if (!runner.merge_commit_sha) {
    throw new DeliveryError(
      `Netlify finished the commit to ${branch} without reporting its sha; look on the runner page.`,
      false
    )
  }
  return { kind: 'commit', sha: runner.merge_commit_sha, branch }
}

/** The reference's documented refusals, in words a user can act on. */
function refined(err: unknown, what: 'pull request' | 'commit'): unknown {
  return explainRefusal(err, {
    400:
      what === 'commit'
        ? "Netlify refused the commit: the runner needs a finished session with changes, and the branch must not be the site's production branch."
        : 'Netlify refused the pull request: the runner needs a finished session with changes.',
    409: `Netlify refused the ${what}: the runner is busy (a session is running, or another ${what} is being made). Try again once it is idle.`,
    422: `Netlify refused the ${what}: the site must be linked to a Git repository, and the runner must not be archived.`
  })
}
