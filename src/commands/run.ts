// The `run` command: start a runner (or a follow-up session), wait for it with the steps printed
// live, fetch its diffs, then report through outputs and the job summary.
import * as core from '../workflow-commands.js'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { NetlifyClient } from '../netlify/client.js'
import { isTerminalSessionState, normalizeState } from '../netlify/states.js'
import type {
  AgentRunner,
  AgentRunnerSession,
  CreateRunnerBody,
  CreateSessionBody,
  Site
} from '../netlify/types.js'
import type { Redact } from '../redact.js'
import { diffStatOfFile } from '../report/diffstat.js'
import { setReportOutputs, setStartOutputs } from '../report/outputs.js'
import { outcomeOf, runnerUrl, type DiffFiles, type RunReport } from '../report/run-report.js'
import { renderSummary, writeSummary } from '../report/summary.js'
import type { Settings } from '../settings.js'
import { saveRunSettled, saveStartedRunner, saveStartedSession } from '../state.js'
import { runTag, taggedPrompt } from '../run-tag.js'
import {
  findRunnerByPrompt,
  findSessionByPrompt,
  startedSince,
  startFollowUp,
  startRunner,
  type StartedRun
} from '../start.js'
import { waitForSession, type WaitResult } from '../wait.js'

export interface RunDeps {
  /** The client for the run; its requests end when `cancelled` aborts. */
  client: NetlifyClient
  /** A client that outlives cancellation, with short timeouts: it stops sessions. */
  stopClient: NetlifyClient
  /** Aborted when the workflow is cancelled (SIGINT, SIGTERM). */
  cancelled: AbortSignal
  redact: Redact
  now: () => number
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
}

/** How long to wait for a stopped session to show it stopped, past the deadline. */
const STOP_CONFIRM_MS = 30_000
/**
 * The same on cancellation: the runner sends SIGTERM 7.5 s after SIGINT and kills the process
 * 2.5 s later, and the stop request itself must fit in that window too.
 */
const CANCEL_CONFIRM_MS = 3_000
/** A start cut short by cancellation is looked for at once, and again this much later. */
const INTERRUPTED_LOOK_AGAIN_MS = 2_000

/** The prompt as sent: with this step's tag, when run by a workflow. */
function promptFor(settings: Settings, request: Record<string, unknown>): string {
  const tag =
    settings.workflowStep && runTag(settings.workflowStep, { site: settings.siteId, ...request })
  return taggedPrompt(settings.prompt, tag)
}

/** What the step will send to start: a new runner, or a follow-up session on one. */
type StartPlan =
  | { kind: 'runner'; body: CreateRunnerBody }
  | { kind: 'follow-up'; runnerId: string; body: CreateSessionBody }

function planStart(settings: Settings): StartPlan {
  if (settings.agentRunnerId) {
    const request = {
      agent: settings.agent,
      model: settings.model,
      dev_server_image: settings.devServerImage
    }
    const prompt = promptFor(settings, { runner: settings.agentRunnerId, ...request })
    return { kind: 'follow-up', runnerId: settings.agentRunnerId, body: { prompt, ...request } }
  }
  const request = {
    agent: settings.agent,
    model: settings.model,
    mode: settings.mode,
    branch: settings.branch,
    deploy_id: settings.deployId,
    parent_agent_runner_id: settings.parentAgentRunnerId,
    dev_server_image: settings.devServerImage
  }
  return { kind: 'runner', body: { prompt: promptFor(settings, request), ...request } }
}

async function start(
  site: Site,
  plan: StartPlan,
  settings: Settings,
  deps: RunDeps
): Promise<StartedRun> {
  const startDeps = {
    client: deps.client,
    now: deps.now,
    sleep: (ms: number) => deps.sleep(ms, deps.cancelled),
    onRunner: (runnerId: string) => saveStartedRunner({ runnerId, apiUrl: settings.apiUrl }),
    tagged: settings.workflowStep !== undefined
  }
  const started =
    plan.kind === 'follow-up'
      ? await startFollowUp(plan.runnerId, plan.body, startDeps)
      : await startRunner(site, plan.body, startDeps)
  saveStartedSession(started.session.id)
  return started
}

/**
 * Cancellation cut the start short, but Netlify may have started the run all the same: look for
 * it with the client that outlives cancellation, and stop it. Says which happened.
 */
async function stopInterruptedStart(
  site: Site,
  plan: StartPlan,
  startedAt: number,
  settings: Settings,
  deps: RunDeps
): Promise<string> {
  const client = deps.stopClient
  const sinceS = startedSince(startedAt)
  try {
    if (plan.kind === 'runner') {
      const look = () => findRunnerByPrompt(client, site, plan.body.prompt, sinceS, 100)
      // A request cut off on this side may still be carried out a moment later on Netlify's.
      const runnerId = (await look()) ?? (await deps.sleep(INTERRUPTED_LOOK_AGAIN_MS).then(look))
      if (runnerId === undefined) return 'it had not started'
      saveStartedRunner({ runnerId, apiUrl: settings.apiUrl })
      await client.stopRunner(runnerId)
      saveRunSettled()
      return `it had started (agent runner ${runnerId}), and was stopped`
    }
    const look = () => findSessionByPrompt(client, plan.runnerId, plan.body.prompt, sinceS)
    const session = (await look()) ?? (await deps.sleep(INTERRUPTED_LOOK_AGAIN_MS).then(look))
    if (session === undefined) return 'the follow-up session had not started'
    saveStartedRunner({ runnerId: plan.runnerId, apiUrl: settings.apiUrl })
    saveStartedSession(session.id)
    await client.stopSession(plan.runnerId, session.id)
    saveRunSettled()
    return `the follow-up session had started (${session.id}), and was stopped`
  } catch (err) {
    return `whether it had started could not be checked (${(err as Error).message}): look on the Netlify dashboard`
  }
}

/**
 * Stops a session and waits up to `confirmMs` to see it stopped. Once Netlify has accepted the stop,
 * the session's fate is settled: the post step need not stop it again.
 */
async function stopAndConfirm(
  runnerId: string,
  session: AgentRunnerSession,
  deps: RunDeps,
  confirmMs: number
): Promise<AgentRunnerSession> {
  const client = deps.stopClient
  core.info(`Stopping session ${session.id} so that it stops spending credits…`)
  await client.stopSession(runnerId, session.id)
  saveRunSettled()
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

async function downloadDiffs(
  client: NetlifyClient,
  runnerId: string,
  session: AgentRunnerSession,
  tempDir: string
): Promise<DiffFiles> {
  const dir = join(tempDir, 'netlify-agent-runners', runnerId)
  mkdirSync(dir, { recursive: true })
  const resultPath = join(dir, `${session.id}.result.diff`)
  const cumulativePath = join(dir, `${session.id}.cumulative.diff`)
  // Both at once: on a large diff the wait is the network's, not ours.
  const [resultBytes, cumulativeBytes] = await Promise.all([
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
type Ending = 'finished' | 'timed-out-stopped' | 'timed-out-left' | 'workflow-cancelled'

function failureOf(
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

export async function runCommand(settings: Settings, deps: RunDeps): Promise<RunReport> {
  const { client } = deps
  core.startGroup(settings.agentRunnerId ? 'Starting a follow-up session' : 'Starting an agent run')
  let site: Site
  let started: StartedRun
  try {
    site = await client.getSite(settings.siteId)
    core.info(`Site: ${site.name} (${site.id})`)
    const plan = planStart(settings)
    const startedAt = deps.now()
    try {
      started = await start(site, plan, settings, deps)
    } catch (err) {
      if (!deps.cancelled.aborted) throw err
      const what = await stopInterruptedStart(site, plan, startedAt, settings, deps)
      throw new Error(`The workflow was cancelled while the run was starting; ${what}.`, {
        cause: err
      })
    }
  } finally {
    core.endGroup()
  }
  const { runnerId } = started
  const url = runnerUrl(site.name, runnerId)
  setStartOutputs({ runnerId, sessionId: started.session.id, runnerUrl: url })
  core.info(`Agent runner ${runnerId}, session ${started.session.id}`)
  core.info(`Follow it on Netlify: ${url}`)

  let session = started.session
  let outcome: RunReport['outcome'] = 'started'
  let runner: AgentRunner | undefined
  let diff: DiffFiles | undefined
  let ending: Ending = 'finished'

  if (!settings.wait) {
    // Left running on purpose: the post step must not stop it.
    saveRunSettled()
  } else {
    let lastState = normalizeState(session.state)
    let waited: WaitResult | undefined
    const deadline = deps.now() + settings.timeoutMs
    // No retry of a status check may carry the wait past the step's own deadline.
    client.deadline = deadline
    try {
      waited = await waitForSession({
        client,
        runnerId,
        sessionId: session.id,
        deadline,
        maxIntervalMs: settings.pollIntervalMs,
        signal: deps.cancelled,
        rateLimit: () => client.rateLimit,
        now: deps.now,
        sleep: deps.sleep,
        onStep: (step, index) => {
          const message = step.message?.trim() ? `: ${step.message.trim()}` : ''
          core.info(deps.redact(`[${index + 1}] ${step.title}${message}`))
        },
        onPoll: polled => {
          session = polled
          const state = normalizeState(polled.state)
          if (state !== lastState) core.info(`Session is ${state}.`)
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
    }

    // On cancellation the runner allows seconds, not minutes: report what is known, fetch nothing.
    if (ending !== 'workflow-cancelled') {
      core.startGroup('Result')
      try {
        // The runner (title, branch) is read while the diffs download.
        ;[runner, diff] = await Promise.all([
          client.getRunner(runnerId),
          outcome === 'success'
            ? downloadDiffs(client, runnerId, session, settings.tempDir)
            : undefined
        ])
        if (session.result) core.info(deps.redact(session.result))
      } finally {
        core.endGroup()
      }
    }
  }

  const report: RunReport = {
    outcome,
    runnerUrl: url,
    runner,
    session,
    prompt: settings.prompt,
    followUp: settings.agentRunnerId !== undefined,
    diff,
    failure: failureOf(outcome, ending, session, settings.timeoutMs)
  }
  setReportOutputs(report, deps.redact)
  if (settings.jobSummary) writeSummary(await renderSummary(report, deps.redact))
  return report
}
