// Settling one run for a sweep: what its step would have done had it waited to the end. A run is
// the sweep's when its step did not wait (detached), or when its step's workflow run has
// completed without settling it (the job was lost), and when it was made by the workflow run its
// tag names (a copied tag asks for nothing). It is then, in this order: stopped if it outlived its
// `timeout-minutes` (unless `on-timeout: leave`), delivered as its tag asks, once (a delivery
// already under way is another sweep's), marked settled, and told on its thread.
import type { WorkflowRunInfo } from '../github/client.js'
import { DeliveryTaken, deliverCommit, deliverPullRequest, type Delivery } from '../deliver.js'
import {
  confirmStopped,
  downloadDiffs,
  failureOf,
  STOP_CONFIRM_MS,
  type Ending
} from '../follow-session.js'
import { isTerminalSessionState, normalizeState } from '../netlify/lifecycle.js'
import type { AgentRunnerSession, Site } from '../netlify/types.js'
import { checkProtectedPaths, guardOf, ProtectedPathsError } from '../protected-paths.js'
import { errorKindOf, errorKindOfSession, type ErrorKind } from '../report/error-kind.js'
import {
  outcomeOf,
  runnerUrl,
  type DiffFiles,
  type Outcome,
  type ProtectedFiles,
  type RunReport
} from '../report/run-report.js'
import { untaggedPrompt } from '../run-tag.js'
import { isSettled, recordSettled } from '../settlement.js'
import type { Settings } from '../settings/index.js'
import type { CommandDeps } from '../commands/context.js'
import * as core from '@actions/core'
import type { OwnRun } from './own-runs.js'
import type { ThreadTeller } from './tell-thread.js'

/** What a sweep did with a run. `left`: nothing, and `detail` says why. */
export type SweepAction = 'delivered' | 'reported' | 'stopped' | 'failed' | 'left'

export interface SweptRun {
  runnerId: string
  sessionId: string
  runnerUrl: string
  /** Detached: its step did not wait. Attached: its step waited, and its job was lost. */
  kind: 'detached' | 'attached'
  state: string
  action: SweepAction
  detail: string
  pullRequestUrl?: string
  commitSha?: string
  errorKind?: ErrorKind
  /** The issue or pull request told. */
  thread?: number
  /** What the thread was told, for the sweep's summary: the run's own summary follows the table. */
  report?: RunReport
}

export interface SettleContext {
  settings: Settings
  deps: CommandDeps
  site: Site
  /** Now, on Netlify's clock (epoch ms): a run's age is measured against its own dates. */
  netlifyNow: () => number
  /** An attempt of a workflow run of this repository; undefined when GitHub shows none. */
  workflowRun: (runId: string, attempt: string) => Promise<WorkflowRunInfo | undefined>
  thread: ThreadTeller | undefined
}

/** Margin between GitHub's clock and Netlify's. */
const CLOCKS_MS = 2 * 60_000
/** The longest a sweep waits for Netlify to make one pull request or commit. */
const DELIVERY_MS = 10 * 60_000
/** Delivery failures that say nothing of the delivery itself: the next sweep tries again. */
const PASSING: ErrorKind[] = ['netlify-unavailable', 'rate-limited', 'cancelled', 'timed-out']

/**
 * The run is the sweep's, or why not. One that another session took over is owed less than its
 * tag asks: its report, and a stop if it still works, but no delivery.
 */
type Claim =
  { ours: true; superseded?: { why: string; stop: string } } | { ours: false; why: string }

async function claimOf(run: OwnRun, ctx: SettleContext): Promise<Claim> {
  const { step, debt } = run.tag
  if (run.copyOf) {
    return { ours: false, why: `its tag is a copy of runner ${run.copyOf}'s, the run it names` }
  }
  const workflow = await ctx.workflowRun(step.runId, step.attempt)
  if (!workflow) {
    return {
      ours: false,
      why: `GitHub shows this token no workflow run ${step.runId} (attempt ${step.attempt}), the one that started it: grant the sweep's job \`actions: read\``
    }
  }
  const createdAt = Date.parse(run.session.created_at)
  const endedAt = workflow.status === 'completed' ? workflow.updatedAtMs : Infinity
  if (!(createdAt >= workflow.startedAtMs - CLOCKS_MS && createdAt <= endedAt + CLOCKS_MS)) {
    return {
      ours: false,
      why: `it was not started by attempt ${step.attempt} of workflow run ${step.runId}, which its tag names (a copied prompt?)`
    }
  }
  if (run.laterAttempt !== undefined) {
    return {
      ours: true,
      superseded: {
        why: `Its job was run again (attempt ${run.laterAttempt} of workflow run ${step.runId}), which started a run of its own, so the sweep did not deliver this one.`,
        stop: `attempt ${run.laterAttempt} of its workflow run started a run of its own`
      }
    }
  }
  if (!debt.detached && workflow.status !== 'completed') {
    return {
      ours: false,
      why: `its step still follows it (attempt ${step.attempt} of workflow run ${step.runId} is ${workflow.status})`
    }
  }
  if (run.followedBy) {
    return {
      ours: true,
      superseded: {
        why: `Session ${run.followedBy} followed this one on the runner before a sweep settled it, so nothing was delivered for this one: the runner's changes, these among them, go with that session's delivery if it asks for one, or with \`command: pull-request\`.`,
        stop: `session ${run.followedBy} followed it`
      }
    }
  }
  return { ours: true }
}

/** Stops a session past its time, as its step would have; or says why it is left running. */
async function stopIfLate(run: OwnRun, ctx: SettleContext): Promise<AgentRunnerSession | string> {
  const { session, tag } = run
  const ageMs = ctx.netlifyNow() - Date.parse(session.created_at)
  const { timeoutMinutes, onTimeout } = tag.debt
  const state = normalizeState(session.state)
  if (!(ageMs > timeoutMinutes * 60_000)) {
    return `still ${state}, within its \`timeout-minutes\` (${timeoutMinutes})`
  }
  if (onTimeout === 'leave') {
    return `still ${state} past its \`timeout-minutes\` (${timeoutMinutes}), and left running, as its \`on-timeout: leave\` asks`
  }
  return stop(run, ctx, `it outlived its \`timeout-minutes\` (${timeoutMinutes})`)
}

async function stop(run: OwnRun, ctx: SettleContext, why: string): Promise<AgentRunnerSession> {
  core.info(`Stopping session ${run.session.id}: ${why}.`)
  await ctx.deps.stopClient.stopSession(run.runner.id, run.session.id)
  return confirmStopped(ctx.deps.stopClient, run.runner.id, run.session, ctx.deps, STOP_CONFIRM_MS)
}

interface Delivered {
  delivery?: Delivery
  /** Made by another step (a sweep lost before it recorded it), not by this one. */
  found?: boolean
  protectedFiles?: ProtectedFiles
  failure?: string
  errorKind?: ErrorKind
}

/**
 * Whether the delivery is made already, or being made, by another step, read just before this one
 * would ask for it. A session another sweep settled meanwhile, or a delivery under way, is that
 * step's (DeliveryTaken). A runner's first session owns whatever pull request or commit its runner
 * shows, so that one counts as made; a follow-up's cannot be told from an earlier session's, and
 * is asked for again (a pull request is then only updated).
 */
async function madeAlready(run: OwnRun, ctx: SettleContext): Promise<Delivered | undefined> {
  const { client } = ctx.deps
  const runnerId = run.runner.id
  const [session, runner] = await Promise.all([
    client.getSession(runnerId, run.session.id),
    client.getRunner(runnerId)
  ])
  if (isSettled(session)) throw new DeliveryTaken('another step settled it meanwhile')
  if (runner.pr_is_being_created || runner.merge_commit_is_being_created) {
    throw new DeliveryTaken('its delivery is being made')
  }
  if (run.followUp) return undefined
  const owed = run.tag.debt.delivery
  if (owed.kind === 'pull-request' && runner.pr_url) {
    return {
      found: true,
      delivery: {
        kind: 'pull-request',
        operation: 'created',
        url: runner.pr_url,
        number: runner.pr_number,
        branch: runner.pr_branch,
        state: runner.pr_state === null ? null : runner.pr_state.toLowerCase()
      }
    }
  }
  if (owed.kind === 'commit' && runner.merge_commit_sha) {
    return {
      found: true,
      delivery: { kind: 'commit', sha: runner.merge_commit_sha, branch: owed.branch }
    }
  }
  return undefined
}

/** The delivery the tag asks for, of a session that succeeded with changes. */
async function deliverOwed(run: OwnRun, diff: DiffFiles, ctx: SettleContext): Promise<Delivered> {
  const { settings, deps } = ctx
  const owed = run.tag.debt.delivery
  const runnerId = run.runner.id
  let protectedFiles: ProtectedFiles | undefined
  try {
    // The guard is the one the run's step asked for: the sweep's inputs are checked to match it.
    protectedFiles = await checkProtectedPaths(settings, deps, runnerId, diff.cumulativeFile)
    const deliverDeps = {
      client: deps.client,
      now: deps.now,
      sleep: (ms: number) => deps.sleep(ms, deps.cancelled),
      deadline: deps.now() + Math.min(settings.timeoutMs, DELIVERY_MS),
      underWay: 'taken' as const
    }
    const delivery =
      owed.kind === 'commit'
        ? await deliverCommit(runnerId, owed.branch, deliverDeps)
        : await deliverPullRequest(runnerId, deliverDeps)
    return { delivery, protectedFiles }
  } catch (err) {
    if (err instanceof DeliveryTaken) throw err
    if (err instanceof ProtectedPathsError) protectedFiles = err.protectedFiles
    return {
      protectedFiles,
      failure: (err as Error).message,
      errorKind: errorKindOf(err, { cancelled: deps.cancelled.aborted })
    }
  }
}

function deliveryDetail(delivery: Delivery | undefined): string {
  if (delivery?.kind === 'pull-request')
    return `pull request ${delivery.operation}: ${delivery.url}`
  if (delivery?.kind === 'commit') return `committed ${delivery.sha} to ${delivery.branch}`
  return delivery?.reason ?? ''
}

/** What the guard mismatch says: the sweep delivers only under the guard the run's step had. */
function guardMismatch(ctx: SettleContext): string {
  return `its step's \`protected-paths\` and \`on-protected-paths\` differ from this sweep's (${guardOf(ctx.settings)}), and a sweep delivers only under the same guard: give the sweep the same two inputs as the workflow that starts the runs.`
}

/**
 * Settles one run, or says why it was left; undefined for a run whose status comment already
 * has its last word (its step settled it, but its mark on Netlify was lost): it is marked now.
 */
export async function settleRun(run: OwnRun, ctx: SettleContext): Promise<SweptRun | undefined> {
  const { runner, tag } = run
  const { deps } = ctx
  const url = runnerUrl(ctx.site.name, runner.id)
  const row = {
    runnerId: runner.id,
    sessionId: run.session.id,
    runnerUrl: url,
    kind: tag.debt.detached ? ('detached' as const) : ('attached' as const),
    ...(tag.debt.thread ? { thread: tag.debt.thread.issueNumber } : {})
  }
  const left = (detail: string, errorKind?: ErrorKind): SweptRun => ({
    ...row,
    state: normalizeState(run.session.state),
    action: 'left',
    detail,
    ...(errorKind ? { errorKind } : {})
  })

  const claim = await claimOf(run, ctx)
  if (!claim.ours) return left(claim.why)
  if (await ctx.thread?.finalWordWritten(run)) {
    await recordSettled(deps.client, runner.id, run.session, deps.redact)
    return undefined
  }

  let session = run.session
  let outcome: Outcome
  let ending: Ending = 'finished'
  if (isTerminalSessionState(session.state)) {
    outcome = outcomeOf(session.state)
  } else {
    const stopped = claim.superseded
      ? await stop(run, ctx, claim.superseded.stop)
      : await stopIfLate(run, ctx)
    if (typeof stopped === 'string') return left(stopped)
    session = stopped
    outcome = claim.superseded ? outcomeOf(session.state) : 'timed-out'
    if (!claim.superseded) ending = 'timed-out-stopped'
  }

  let diff: DiffFiles | undefined
  let got: Delivered = {}
  const owed = tag.debt.delivery
  if (outcome === 'success' && !claim.superseded) {
    if (owed.kind !== 'none' && tag.debt.guard !== guardOf(ctx.settings)) {
      return left(guardMismatch(ctx), 'input')
    }
    diff = await downloadDiffs(deps.client, runner.id, session, ctx.settings.tempDir, {
      firstSession: !run.followUp
    })
    if (owed.kind !== 'none') {
      if (diff.stat.files.length === 0) {
        const reason = 'The session made no changes, so there is nothing to deliver.'
        got = { delivery: { kind: 'none', reason } }
      } else {
        try {
          got = (await madeAlready(run, ctx)) ?? (await deliverOwed(run, diff, ctx))
        } catch (err) {
          if (!(err instanceof DeliveryTaken)) throw err
          return left(`another step is settling it right now (${err.message})`)
        }
      }
    }
  }
  if (got.failure && got.errorKind && PASSING.includes(got.errorKind)) {
    // Nothing is recorded: the next sweep tries the delivery again.
    return {
      ...row,
      state: normalizeState(session.state),
      action: 'failed',
      detail: `${got.failure} The next sweep tries again.`,
      errorKind: got.errorKind
    }
  }

  const stoppedBy = outcome === 'cancelled' ? await ctx.thread?.stoppedBy(run) : undefined
  const failure =
    got.failure ??
    claim.superseded?.why ??
    (stoppedBy ? undefined : failureOf(outcome, ending, session, tag.debt.timeoutMinutes * 60_000))
  const report: RunReport = {
    // A run another took over neither succeeded nor failed: its comment says "finished", and why.
    outcome: got.failure ? 'failure' : claim.superseded ? 'skipped' : outcome,
    runnerUrl: url,
    runner,
    session,
    prompt: untaggedPrompt(session.prompt ?? ''),
    followUp: run.followUp,
    diff,
    delivery: got.delivery,
    failure,
    errorKind: got.errorKind ?? errorKindOfSession(outcome),
    protectedFiles: got.protectedFiles,
    stoppedBy
  }
  // Recorded before the thread is told: the window in which a second sweep could deliver again
  // is then one request wide, and a sweep lost before telling costs a comment, not a delivery.
  await recordSettled(deps.client, runner.id, session, deps.redact)
  await ctx.thread?.tell(run, report)

  const delivered = got.delivery !== undefined && got.delivery.kind !== 'none'
  const action: SweepAction = got.failure
    ? 'failed'
    : delivered && !got.found
      ? 'delivered'
      : ending === 'timed-out-stopped'
        ? 'stopped'
        : 'reported'
  const said = failure ?? deliveryDetail(got.delivery)
  return {
    ...row,
    state: normalizeState(session.state),
    action,
    detail: delivered
      ? `${got.found ? 'found made already: ' : ''}${deliveryDetail(got.delivery)}`
      : said || 'done; only the report was owed',
    ...(got.delivery?.kind === 'pull-request' ? { pullRequestUrl: got.delivery.url } : {}),
    ...(got.delivery?.kind === 'commit' ? { commitSha: got.delivery.sha } : {}),
    ...(report.errorKind ? { errorKind: report.errorKind } : {}),
    report
  }
}
