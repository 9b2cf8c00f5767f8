// Following a session to its end: shared by `run`, `rebase` and `redeploy`. Sets the ids at once,
// waits with the agent's steps printed live, stops the session on timeout or cancellation, fetches
// the diffs, delivers the changes (pull request or commit) when asked, and reports.
import * as core from '@actions/core'
import { constants, mkdirSync } from 'node:fs'
import { copyFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DeliveryError, deliverCommit, deliverPullRequest, type Delivery } from './deliver.js'
import type { NetlifyClient } from './netlify/client.js'
import { isTerminalSessionState, normalizeState } from './netlify/lifecycle.js'
import type { AgentRunner, AgentRunnerSession, Site } from './netlify/types.js'
import { checkProtectedPaths, ProtectedPathsError } from './protected-paths.js'
import { diffStatOfFile } from './report/diffstat.js'
import { errorKindOf, errorKindOfSession } from './report/error-kind.js'
import { setReportOutputs, setStartOutputs } from './report/outputs.js'
import {
  outcomeOf,
  runnerUrl,
  type DiffFiles,
  type ProtectedFiles,
  type RunReport
} from './report/run-report.js'
import { renderSummary, publishSummary } from './report/summary.js'
import type { Settings } from './settings/index.js'
import { isDetached } from './run-tag.js'
import { recordSettled } from './settlement.js'
import { saveRunSettled } from './state.js'
import { debug } from './step-debug.js'
import { printUntrusted } from './untrusted-log.js'
import { waitForSession, type WaitResult } from './wait.js'
import type { CommandDeps } from './commands/context.js'

/** How long to wait for a stopped session to show it stopped, past the deadline. */
export const STOP_CONFIRM_MS = 30_000
/**
 * The same on cancellation: the runner sends SIGTERM 7.5 s after SIGINT and kills the process
 * 2.5 s later, and the stop request itself must fit in that window too.
 */
const CANCEL_CONFIRM_MS = 3_000

/** The longest the status comment may hold up the run, at its start and at its end. */
export const OBSERVER_MS = 15_000
/** The same once the workflow is cancelled, inside the runner's few seconds. */
export const CANCELLED_OBSERVER_MS = 2_000

/**
 * Stops a session and waits up to `confirmMs` to see it stopped. Once Netlify has accepted the stop,
 * the session's fate is settled: the post step need not stop it again.
 */
export async function stopAndConfirm(
  runnerId: string,
  session: AgentRunnerSession,
  deps: CommandDeps,
  confirmMs: number
): Promise<AgentRunnerSession> {
  core.info(`Stopping session ${session.id} so that it stops spending credits…`)
  await deps.stopClient.stopSession(runnerId, session.id)
  saveRunSettled()
  return confirmStopped(deps.stopClient, runnerId, session, deps, confirmMs)
}

/** Waits up to `confirmMs` for a session Netlify was asked to stop to read as ended. */
export async function confirmStopped(
  client: NetlifyClient,
  runnerId: string,
  session: AgentRunnerSession,
  deps: Pick<CommandDeps, 'now' | 'sleep'>,
  confirmMs: number
): Promise<AgentRunnerSession> {
  const until = deps.now() + confirmMs
  for (;;) {
    const latest = await client.getSession(runnerId, session.id)
    if (isTerminalSessionState(latest.state)) {
      core.info(`Session ${session.id} is ${normalizeState(latest.state)}.`)
      return latest
    }
    if (deps.now() >= until) {
      core.warning(
        `Netlify accepted the stop of session ${session.id}, but it still reads ${normalizeState(latest.state)}.`
      )
      return latest
    }
    await deps.sleep(500)
  }
}

/**
 * The session's diffs, into files. The cumulative diff of a runner's first session is its result
 * diff, by definition: that one is downloaded once and copied, so both files still hold it.
 */
export async function downloadDiffs(
  client: NetlifyClient,
  runnerId: string,
  session: AgentRunnerSession,
  tempDir: string,
  { firstSession }: { firstSession: boolean }
): Promise<DiffFiles> {
  const dir = join(tempDir, 'netlify-agent-runners', runnerId)
  mkdirSync(dir, { recursive: true })
  const resultPath = join(dir, `${session.id}.result.diff`)
  const cumulativePath = join(dir, `${session.id}.cumulative.diff`)
  // Both at once otherwise: on a large diff the wait is the network's, not ours.
  const [resultBytes, cumulativeBytes] = firstSession
    ? await client.downloadResultDiff(runnerId, session.id, resultPath).then(async bytes => {
        // A copy-on-write clone where the file system has them; a plain copy elsewhere.
        if (bytes !== null) await copyFile(resultPath, cumulativePath, constants.COPYFILE_FICLONE)
        return [bytes, bytes]
      })
    : await Promise.all([
        client.downloadResultDiff(runnerId, session.id, resultPath),
        client.downloadCumulativeDiff(runnerId, session.id, cumulativePath)
      ])
  const resultFile = resultBytes === null ? undefined : resultPath
  const stat = resultFile
    ? await diffStatOfFile(resultFile)
    : { files: [], additions: 0, deletions: 0 }
  core.info(
    resultFile
      ? `Diff: ${stat.files.length} ${stat.files.length === 1 ? 'file' : 'files'} changed, +${stat.additions} −${stat.deletions} (${resultFile})`
      : 'The session made no changes.'
  )
  return { resultFile, cumulativeFile: cumulativeBytes === null ? undefined : cumulativePath, stat }
}

/** How the wait ended, beyond the session's own state. */
export type Ending = 'finished' | 'timed-out-stopped' | 'timed-out-left' | 'workflow-cancelled'

/** Why a run did not succeed, in words for the user; undefined when it did. */
export function failureOf(
  outcome: RunReport['outcome'],
  ending: Ending,
  session: AgentRunnerSession,
  timeoutMs: number
): string | undefined {
  switch (outcome) {
    case 'failure':
      return `The agent's session ended in ${normalizeState(session.state)}: ${session.result?.trim() || 'Netlify gave no reason.'}`
    case 'cancelled':
      return ending === 'workflow-cancelled'
        ? `The workflow was cancelled, so the action stopped session ${session.id}.`
        : 'The session was cancelled before it finished (from the Netlify dashboard, the API, or another workflow).'
    case 'timed-out':
      return `The session did not finish within \`timeout-minutes\` (${timeoutMs / 60_000} minutes)${
        ending === 'timed-out-left'
          ? '; it was left running, as `on-timeout: leave` asks'
          : ', so the action stopped it'
      }.`
    default:
      return undefined
  }
}

export interface FollowOptions {
  site: Site
  runnerId: string
  session: AgentRunnerSession
  /** The prompt, as the user gave it (without the step's tag). */
  prompt: string
  /** A follow-up (or rebase, or redeploy) session on a runner that existed before the step. */
  followUp: boolean
  /**
   * The session's prompt carries this step's tag (../run-tag.ts), so a sweep may settle it: a step
   * that does not wait hands it over; one that waits records that it settled it (../settlement.ts).
   */
  tagged: boolean
}

export async function followSession(
  settings: Settings,
  deps: CommandDeps,
  options: FollowOptions
): Promise<RunReport> {
  const { client } = deps
  const { site, runnerId } = options
  const url = runnerUrl(site.name, runnerId)
  setStartOutputs({ runnerId, sessionId: options.session.id, runnerUrl: url })
  core.info(`Agent runner ${runnerId}, session ${options.session.id}`)
  core.info(`Follow it on Netlify: ${url}`)
  // The wait and the delivery share `timeout-minutes`, which starts now.
  const deadline = deps.now() + settings.timeoutMs
  if (deps.observer) {
    // GitHub being slow must not keep the session unwatched.
    const started = deps.observer.started({ runnerId, session: options.session, runnerUrl: url })
    await withTimeout(started, OBSERVER_MS, deps.cancelled)
  }

  let session = options.session
  let outcome: RunReport['outcome'] = 'started'
  let runner: AgentRunner | undefined
  let diff: DiffFiles | undefined
  let ending: Ending = 'finished'
  let stoppedBy: string | undefined

  // `tagged` is the workflow step's tag on the prompt: a rebase or redeploy has none.
  const detached = isDetached(settings) && options.tagged
  if (!settings.wait) {
    // Left running on purpose: the post step must not stop it.
    saveRunSettled()
    if (detached) {
      core.info(DETACHED_NOTE)
      // At once: a post step that finds the thread not handed over would write its end.
      if (deps.observer) await withTimeout(deps.observer.handOver(), OBSERVER_MS, deps.cancelled)
    }
  } else {
    let lastState = normalizeState(session.state)
    let waited: WaitResult | undefined
    // No retry of a status check may carry the wait past the step's own deadline.
    client.deadline = deadline
    try {
      waited = await waitForSession({
        client,
        runnerId,
        sessionId: session.id,
        // Read by the start a moment ago: the first check, without asking again.
        initial: session,
        deadline,
        maxIntervalMs: settings.pollIntervalMs,
        signal: deps.cancelled,
        pacing: () => client.pacing,
        now: deps.now,
        sleep: deps.sleep,
        onStep: (step, index) => {
          const message = step.message?.trim() ? `: ${step.message.trim()}` : ''
          printUntrusted(deps.redact(`[${index + 1}] ${step.title}${message}`))
        },
        onPause: (ms, why) => debug(`Next status check in ${(ms / 1000).toFixed(1)} s: ${why}.`),
        onPoll: polled => {
          session = polled
          deps.observer?.progress(polled)
          const state = normalizeState(polled.state)
          if (state !== lastState) {
            core.info(`Session is ${state}.`)
            debug(`Session ${polled.id}: ${lastState} → ${state}`)
          }
          lastState = state
        }
      })
    } catch (err) {
      // Anything but cancellation leaves the session unsettled: the post step stops it.
      if (!deps.cancelled.aborted) throw err
    } finally {
      // The deadline bounds the wait; reading the result afterwards may retry as usual.
      client.deadline = undefined
    }

    if (!waited) {
      ending = 'workflow-cancelled'
      outcome = 'cancelled'
      session = await stopAndConfirm(runnerId, session, deps, CANCEL_CONFIRM_MS)
    } else if (waited.kind === 'timed-out') {
      outcome = 'timed-out'
      session = waited.session
      if (settings.onTimeout === 'stop') {
        ending = 'timed-out-stopped'
        session = await stopAndConfirm(runnerId, session, deps, STOP_CONFIRM_MS)
      } else {
        ending = 'timed-out-left'
        saveRunSettled()
        core.warning(
          `Session ${session.id} is still ${normalizeState(session.state)} and was left running (\`on-timeout: leave\`). Follow it, or stop it, on Netlify: ${url}`
        )
      }
    } else {
      saveRunSettled()
      session = waited.session
      outcome = outcomeOf(session.state)
      // A stop asked for in the thread is what a maintainer wanted: the step passes, and says who.
      if (outcome === 'cancelled') stoppedBy = await whoStopped(deps)
    }

    // On cancellation the runner allows seconds, not minutes: report what is known, fetch nothing.
    if (ending !== 'workflow-cancelled') {
      core.startGroup('Result')
      try {
        // The runner (title, branch) is read while the diffs download, unless a delivery reads it.
        ;[runner, diff] = await Promise.all([
          delivers(settings, outcome) ? undefined : client.getRunner(runnerId),
          outcome === 'success'
            ? downloadDiffs(client, runnerId, session, settings.tempDir, {
                firstSession: !options.followUp
              })
            : undefined
        ])
        if (session.result) printUntrusted(deps.redact(session.result))
      } finally {
        core.endGroup()
      }
    }
  }

  let failure = stoppedBy ? undefined : failureOf(outcome, ending, session, settings.timeoutMs)
  if (stoppedBy) {
    core.notice(
      `Session ${session.id} was stopped by ${stoppedBy}, who asked for it on the thread.`
    )
  }
  let errorKind = errorKindOfSession(outcome)
  let delivery: Delivery | undefined
  let deliveryFailed = false
  let protectedFiles: ProtectedFiles | undefined
  if (delivers(settings, outcome)) {
    try {
      if (diff && diff.stat.files.length > 0) {
        // The delivery carries the runner's whole diff: this session's cumulative one.
        protectedFiles = await checkProtectedPaths(settings, deps, runnerId, diff.cumulativeFile)
      }
      // The runner as the delivery last read it (its pull request, its commit), for the summary.
      delivery = await deliver(settings, deps, runnerId, diff, deadline, seen => (runner = seen))
    } catch (err) {
      if (err instanceof ProtectedPathsError) protectedFiles = err.protectedFiles
      outcome = deps.cancelled.aborted
        ? 'cancelled'
        : err instanceof DeliveryError && err.timedOut
          ? 'timed-out'
          : 'failure'
      errorKind = errorKindOf(err, { cancelled: deps.cancelled.aborted })
      failure = deps.cancelled.aborted
        ? `The workflow was cancelled while the changes were being delivered: ${(err as Error).message}`
        : (err as Error).message
      // The agent's work is done, but what was asked of the step is not: `fail-on-error` is about
      // the session, not this.
      deliveryFailed = true
    }
    // Nothing was delivered, or it failed before reading the runner; the delivery stands anyway.
    runner ??= await client.getRunner(runnerId).catch((err: Error) => {
      core.warning(`Could not read agent runner ${runnerId}: ${err.message}`)
      return undefined
    })
  }

  const report: RunReport = {
    outcome,
    runnerUrl: url,
    runner,
    session,
    prompt: options.prompt,
    followUp: options.followUp,
    diff,
    delivery,
    failure,
    failsStep: deliveryFailed,
    errorKind,
    protectedFiles,
    stoppedBy,
    ...(detached ? { detached } : {})
  }
  setReportOutputs(report, deps.redact)
  if (settings.jobSummary) await publishSummary(renderSummary(report, deps.redact))
  // After a cancellation the runner allows seconds: the record and the thread share what is left.
  const ms = deps.cancelled.aborted ? CANCELLED_OBSERVER_MS : OBSERVER_MS
  await Promise.all([
    settings.wait && options.tagged ? markSettled(runnerId, session, deps, ms) : undefined,
    detached || !deps.observer ? undefined : withTimeout(deps.observer.finished(report), ms)
  ])
  return report
}

/**
 * Records on Netlify that this step settled the session (../settlement.ts), within `ms`: a record
 * that does not make it in time is said, since a sweep may then settle the run again.
 */
async function markSettled(
  runnerId: string,
  session: AgentRunnerSession,
  deps: CommandDeps,
  ms: number
): Promise<void> {
  const client = deps.cancelled.aborted ? deps.stopClient : deps.client
  let done = false
  await withTimeout(
    recordSettled(client, runnerId, session, deps.redact).then(() => {
      done = true
    }),
    ms
  )
  if (!done) {
    core.warning(
      `Session ${session.id} could not be marked settled on Netlify in time; a \`command: sweep\` step may settle it again.`
    )
  }
}

const DETACHED_NOTE =
  'The step does not wait (`wait: false`): a `command: sweep` step settles the run once it ends, delivering what was asked, and writes the end on the thread.'

/** Who stopped the session from the thread, as the observer finds it (GitHub: OBSERVER_MS at most). */
async function whoStopped(deps: CommandDeps): Promise<string | undefined> {
  const { observer } = deps
  if (!observer?.stoppedBy) return undefined
  let login: string | undefined
  const asked = observer.stoppedBy().then(found => {
    login = found
  })
  await withTimeout(asked, OBSERVER_MS, deps.cancelled)
  return login
}

/** Waits for `work`, but no longer than `ms`, nor past `signal` aborting. */
export async function withTimeout(
  work: Promise<void>,
  ms: number,
  signal?: AbortSignal
): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  let onAbort: (() => void) | undefined
  await Promise.race([
    work,
    new Promise<void>(resolve => {
      timer = setTimeout(resolve, ms)
      onAbort = resolve
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  ])
  clearTimeout(timer)
  if (onAbort) signal?.removeEventListener('abort', onAbort)
}

/** Whether the inputs ask for the changes of a session that ended so to be delivered. */
function delivers(settings: Settings, outcome: RunReport['outcome']): boolean {
  return outcome === 'success' && (settings.pullRequest || settings.commitToBranch !== undefined)
}

/** The changes of a done session, into a pull request or onto a branch, as the inputs ask. */
async function deliver(
  settings: Settings,
  deps: CommandDeps,
  runnerId: string,
  diff: DiffFiles | undefined,
  deadline: number,
  seen: (runner: AgentRunner) => void
): Promise<Delivery> {
  if (!diff || diff.stat.files.length === 0) {
    const reason = 'The session made no changes, so there is nothing to deliver.'
    core.info(reason)
    return { kind: 'none', reason }
  }
  core.startGroup(settings.pullRequest ? 'Pull request' : `Commit to ${settings.commitToBranch}`)
  try {
    const deliverDeps = {
      client: deps.client,
      now: deps.now,
      sleep: (ms: number) => deps.sleep(ms, deps.cancelled),
      deadline,
      seen
    }
    if (settings.pullRequest) {
      const pr = await deliverPullRequest(runnerId, deliverDeps)
      core.info(`Pull request ${pr.operation}: ${pr.url}`)
      return pr
    }
    const branch = settings.commitToBranch ?? ''
    const commit = await deliverCommit(runnerId, branch, deliverDeps)
    core.info(`Committed ${commit.sha} to ${branch}.`)
    return commit
  } finally {
    core.endGroup()
  }
}
