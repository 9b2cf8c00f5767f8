// `revert`: revert a runner to one of its sessions; Netlify discards every later session.
import * as core from '@actions/core'
import { explainRefusal } from '../netlify/errors.js'
import { setOutcome, setTargetOutputs } from '../report/outputs.js'
import { runnerUrl } from '../report/run-report.js'
import { codeCell } from '../markdown/literal.js'
import { renderCommandSummary, publishSummary } from '../report/summary.js'
import type { Settings } from '../settings/index.js'
import { openRunner, type CommandDeps, type CommandResult } from './context.js'

export async function revertCommand(settings: Settings, deps: CommandDeps): Promise<CommandResult> {
  const { client } = deps
  const runnerId = settings.agentRunnerId ?? ''
  const sessionId = settings.sessionId ?? ''
  core.startGroup(`Reverting agent runner ${runnerId} to session ${sessionId}`)
  let url: string
  try {
    const { site } = await openRunner(settings, client, runnerId)
    url = runnerUrl(site.name, runnerId)
    await client.revertRunner(runnerId, sessionId).catch(err => {
      throw explainRefusal(err, {
        400: `Netlify cannot revert agent runner ${runnerId} to session ${sessionId}: a runner cannot go back to its first session, to a discarded one, or past a session whose changes were committed.`,
        404: `Session ${sessionId} of agent runner ${runnerId} was not found: check \`session-id\`.`
      })
    })
    core.info(
      `Agent runner ${runnerId} is back at session ${sessionId}; later sessions are discarded.`
    )
  } finally {
    core.endGroup()
  }
  setTargetOutputs({ runnerId, runnerUrl: url, sessionId })
  setOutcome('success')
  if (settings.jobSummary) {
    await publishSummary([
      renderCommandSummary({
        heading: '↩️ Netlify agent runner reverted',
        links: [`[Open in Netlify](${url})`],
        rows: [
          ['Agent runner', codeCell(runnerId)],
          ['Back at session', codeCell(sessionId)]
        ],
        body: 'The sessions after it are discarded.\n'
      })
    ])
  }
  return { outcome: 'success', failure: undefined }
}
