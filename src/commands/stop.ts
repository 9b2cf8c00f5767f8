// `stop`: stop a runner's active session (or `session-id`) and confirm it stopped. A session that
// has already ended is left as it is: there is nothing to stop, and that is not an error.
import * as core from '@actions/core'
import { isTerminalSessionState, normalizeState } from '../netlify/lifecycle.js'
import { setOutcome, setTargetOutputs } from '../report/outputs.js'
import { runnerUrl } from '../report/run-report.js'
import { codeCell } from '../markdown/literal.js'
import { renderCommandSummary, publishSummary } from '../report/summary.js'
import type { Settings } from '../settings/index.js'
import { openRunner, type CommandDeps, type CommandResult } from './context.js'
import { stopAndConfirm, STOP_CONFIRM_MS } from '../follow-session.js'
import { latestSession } from './status.js'

export async function stopCommand(settings: Settings, deps: CommandDeps): Promise<CommandResult> {
  const { client } = deps
  const runnerId = settings.agentRunnerId ?? ''
  core.startGroup(`Stopping agent runner ${runnerId}`)
  let url: string
  let session
  let said: string
  try {
    const { site } = await openRunner(settings, client, runnerId)
    url = runnerUrl(site.name, runnerId)
    session = settings.sessionId
      ? await client.getSession(runnerId, settings.sessionId)
      : await latestSession(client, runnerId)
    if (isTerminalSessionState(session.state)) {
      said = `Session ${session.id} had already ended (${normalizeState(session.state)}): nothing to stop.`
      core.info(said)
    } else {
      session = await stopAndConfirm(runnerId, session, deps, STOP_CONFIRM_MS)
      said = `Session ${session.id} was stopped; it is ${normalizeState(session.state)}.`
    }
  } finally {
    core.endGroup()
  }
  const state = normalizeState(session.state)
  setTargetOutputs({ runnerId, runnerUrl: url, sessionId: session.id, state })
  setOutcome('success')
  if (settings.jobSummary) {
    await publishSummary([
      renderCommandSummary({
        heading: '⏹️ Netlify agent session stopped',
        links: [`[Open in Netlify](${url})`],
        rows: [
          ['Agent runner', codeCell(runnerId)],
          ['Session', codeCell(session.id)],
          ['State', state]
        ],
        body: `${said}\n`
      })
    ])
  }
  return { outcome: 'success', failure: undefined }
}
