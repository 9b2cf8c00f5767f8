// `status`: read a runner and its latest session (or `session-id`), and report them as `run`
// would have: outputs, the diff of a done session, and the job summary. A status read never fails
// the step because of the session's state: `outcome` says what it is.
import * as core from '@actions/core'
import type { NetlifyClient } from '../netlify/client.js'
import { isTerminalSessionState, normalizeState } from '../netlify/lifecycle.js'
import type { AgentRunnerSession } from '../netlify/types.js'
import { ClassifiedError, errorKindOfSession } from '../report/error-kind.js'
import { setReportOutputs, setStartOutputs } from '../report/outputs.js'
import { outcomeOf, runnerUrl, type RunReport } from '../report/run-report.js'
import { renderSummary, publishSummary } from '../report/summary.js'
import { untaggedPrompt } from '../run-tag.js'
import type { Settings } from '../settings/index.js'
import { openRunner, type CommandDeps, type CommandResult } from './context.js'
import { downloadDiffs } from '../follow-session.js'

/**
 * The runner's newest session that is not discarded, and whether it is the runner's first: the
 * only one listed (a revert discards the sessions after another, never the first).
 */
async function newestSession(
  client: NetlifyClient,
  runnerId: string
): Promise<{ session: AgentRunnerSession; first: boolean }> {
  const { items } = await client.listSessions(runnerId, { order_by: 'desc', per_page: 2 })
  const session = items[0]
  if (!session) throw new ClassifiedError('not-found', `Agent runner ${runnerId} has no session.`)
  return { session, first: items.length === 1 }
}

/** The runner's newest session that is not discarded. */
export async function latestSession(
  client: NetlifyClient,
  runnerId: string
): Promise<AgentRunnerSession> {
  return (await newestSession(client, runnerId)).session
}

export async function statusCommand(settings: Settings, deps: CommandDeps): Promise<CommandResult> {
  const { client } = deps
  const runnerId = settings.agentRunnerId ?? ''
  core.startGroup(`Reading agent runner ${runnerId}`)
  let report: RunReport
  try {
    const { site, runner } = await openRunner(settings, client, runnerId)
    // A session named by id may be any of the runner's: its diffs are both downloaded.
    const { session, first } = settings.sessionId
      ? { session: await client.getSession(runnerId, settings.sessionId), first: false }
      : await newestSession(client, runnerId)
    const ended = isTerminalSessionState(session.state)
    const outcome = ended ? outcomeOf(session.state) : 'running'
    const url = runnerUrl(site.name, runnerId)
    setStartOutputs({ runnerId, sessionId: session.id, runnerUrl: url })
    core.info(`Session ${session.id} is ${normalizeState(session.state)}: ${url}`)
    const diff =
      outcome === 'success'
        ? await downloadDiffs(client, runnerId, session, settings.tempDir, { firstSession: first })
        : undefined
    report = {
      outcome,
      runnerUrl: url,
      runner,
      session,
      prompt: untaggedPrompt(session.prompt),
      followUp: false,
      diff,
      failure: undefined,
      // A session read as ended in error or cancelled says so, though reading it did not fail.
      errorKind: errorKindOfSession(outcome)
    }
  } finally {
    core.endGroup()
  }
  setReportOutputs(report, deps.redact)
  if (settings.jobSummary) await publishSummary(renderSummary(report, deps.redact))
  return { outcome: report.outcome, failure: undefined }
}
