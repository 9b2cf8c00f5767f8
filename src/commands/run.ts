// The `run` command: start a runner (or a follow-up session), wait for it with the steps printed
// live, fetch its diffs, then report through outputs and the job summary.
import * as core from '../workflow-commands.js'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { NetlifyClient } from '../netlify/client.js'
import { isTerminalSessionState, normalizeState } from '../netlify/states.js'
import type { AgentRunner, AgentRunnerSession, Site } from '../netlify/types.js'
import type { Redact } from '../redact.js'
import { diffStatOfFile } from '../report/diffstat.js'
import { setReportOutputs, setStartOutputs } from '../report/outputs.js'
import { outcomeOf, runnerUrl, type DiffFiles, type RunReport } from '../report/run-report.js'
import { renderSummary, writeSummary } from '../report/summary.js'
import type { Settings } from '../settings.js'
import { saveRunFinished, saveStartedRun } from '../state.js'
import { waitForSession } from '../wait.js'

export interface RunDeps {
  client: NetlifyClient
  redact: Redact
  now: () => number
  sleep: (ms: number) => Promise<void>
}

interface Started {
  site: Site
  runnerId: string
  session: AgentRunnerSession
}

/** How long to wait for a stopped session to show it stopped. */
const STOP_CONFIRM_MS = 30_000

async function start(settings: Settings, client: NetlifyClient): Promise<Started> {
  const site = await client.getSite(settings.siteId)
  core.info(`Site: ${site.name} (${settings.siteId})`)
  if (settings.agentRunnerId) {
    const session = await client.createSession(settings.agentRunnerId, {
      prompt: settings.prompt,
      agent: settings.agent,
      model: settings.model,
      dev_server_image: settings.devServerImage
    })
    return { site, runnerId: settings.agentRunnerId, session }
  }
  const runner = await client.createRunner(settings.siteId, {
    prompt: settings.prompt,
    agent: settings.agent,
    model: settings.model,
    mode: settings.mode,
    branch: settings.branch,
    deploy_id: settings.deployId,
    parent_agent_runner_id: settings.parentAgentRunnerId,
    dev_server_image: settings.devServerImage
  })
  // Creating a runner answers with the runner; its first session is read from the list.
  const { items } = await client.listSessions(runner.id, { order_by: 'desc', per_page: 1 })
  const session = items[0]
  if (!session)
    throw new Error(`Agent runner ${runner.id} was created, but Netlify lists no session for it.`)
  return { site, runnerId: runner.id, session }
}

/** Stops a session that outlived the deadline, and waits briefly to see it stopped. */
async function stopAndConfirm(
  client: NetlifyClient,
  runnerId: string,
  session: AgentRunnerSession,
  deps: RunDeps
): Promise<AgentRunnerSession> {
  core.info(`Stopping session ${session.id} so that it stops spending credits…`)
  await client.stopSession(runnerId, session.id)
  const until = deps.now() + STOP_CONFIRM_MS
  let latest = session
  while (deps.now() < until) {
    latest = await client.getSession(runnerId, session.id)
    if (isTerminalSessionState(latest.state)) {
      core.info(`Session ${session.id} is ${normalizeState(latest.state)}.`)
      return latest
    }
    await deps.sleep(1_000)
  }
  core.warning(
    `Asked Netlify to stop session ${session.id}, but it still reads ${normalizeState(latest.state)}.`
  )
  return latest
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

function failureOf(
  outcome: RunReport['outcome'],
  session: AgentRunnerSession,
  timeoutMs: number
): string | undefined {
  switch (outcome) {
    case 'failure':
      return `The agent's session ended in ${normalizeState(session.state)}: ${session.result?.trim() || 'Netlify gave no reason.'}`
    case 'cancelled':
      return 'The session was cancelled before it finished (from the Netlify dashboard, the API, or another workflow).'
    case 'timed-out':
      return `The session did not finish within \`timeout-minutes\` (${timeoutMs / 60_000} minutes).`
    default:
      return undefined
  }
}

export async function runCommand(settings: Settings, deps: RunDeps): Promise<RunReport> {
  const { client } = deps
  core.startGroup(settings.agentRunnerId ? 'Starting a follow-up session' : 'Starting an agent run')
  const started = await start(settings, client).finally(() => core.endGroup())
  const { runnerId, site } = started
  const url = runnerUrl(site.name, runnerId)
  saveStartedRun({ runnerId, sessionId: started.session.id, apiUrl: settings.apiUrl })
  setStartOutputs({ runnerId, sessionId: started.session.id, runnerUrl: url })
  core.info(`Agent runner ${runnerId}, session ${started.session.id}`)
  core.info(`Follow it on Netlify: ${url}`)

  let session = started.session
  let outcome: RunReport['outcome'] = 'started'
  let runner: AgentRunner | undefined
  let diff: DiffFiles | undefined

  if (settings.wait) {
    let lastState = normalizeState(session.state)
    const waited = await waitForSession({
      client,
      runnerId,
      sessionId: session.id,
      deadline: deps.now() + settings.timeoutMs,
      maxIntervalMs: settings.pollIntervalMs,
      now: deps.now,
      sleep: deps.sleep,
      onStep: (step, index) => {
        const message = step.message?.trim() ? `: ${step.message.trim()}` : ''
        core.info(deps.redact(`[${index + 1}] ${step.title}${message}`))
      },
      onPoll: polled => {
        const state = normalizeState(polled.state)
        if (state !== lastState) core.info(`Session is ${state}.`)
        lastState = state
      }
    })
    session = waited.session
    if (waited.kind === 'timed-out') {
      outcome = 'timed-out'
      session = await stopAndConfirm(client, runnerId, session, deps)
    } else {
      outcome = outcomeOf(session.state)
    }
    saveRunFinished()
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

  const report: RunReport = {
    outcome,
    runnerUrl: url,
    runner,
    session,
    prompt: settings.prompt,
    followUp: settings.agentRunnerId !== undefined,
    diff,
    failure: failureOf(outcome, session, settings.timeoutMs)
  }
  setReportOutputs(report, deps.redact)
  if (settings.jobSummary) writeSummary(await renderSummary(report, deps.redact))
  return report
}
