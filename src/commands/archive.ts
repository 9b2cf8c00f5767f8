// `archive`: archive a runner (Netlify's soft delete). One already archived is not an error.
import * as core from '@actions/core'
import type { NetlifyClient } from '../netlify/client.js'
import { NetlifyApiError, explainRefusal } from '../netlify/errors.js'
import { normalizeState } from '../netlify/lifecycle.js'
import { setOutcome, setTargetOutputs } from '../report/outputs.js'
import { runnerUrl } from '../report/run-report.js'
import { codeCell } from '../markdown/literal.js'
import { renderCommandSummary, publishSummary } from '../report/summary.js'
import type { Settings } from '../settings/index.js'
import { openRunner, type CommandDeps, type CommandResult } from './context.js'

async function isArchived(client: NetlifyClient, runnerId: string): Promise<boolean> {
  return normalizeState((await client.getRunner(runnerId)).state) === 'archived'
}

export async function archiveCommand(
  settings: Settings,
  deps: CommandDeps
): Promise<CommandResult> {
  const { client } = deps
  const runnerId = settings.agentRunnerId ?? ''
  core.startGroup(`Archiving agent runner ${runnerId}`)
  let url: string
  let said: string
  try {
    const { site, runner } = await openRunner(settings, client, runnerId)
    url = runnerUrl(site.name, runnerId)
    if (normalizeState(runner.state) === 'archived') {
      said = `Agent runner ${runnerId} was already archived.`
    } else {
      try {
        await client.archiveRunner(runnerId)
        said = `Agent runner ${runnerId} is archived.`
      } catch (err) {
        // A 422 after a lost answer, or from a race with another archive, may mean it is done.
        if (!(err instanceof NetlifyApiError) || !(await isArchived(client, runnerId))) {
          throw explainRefusal(err, {
            422: `Netlify could not archive agent runner ${runnerId}.`
          })
        }
        said = `Agent runner ${runnerId} was already archived.`
      }
    }
    core.info(said)
  } finally {
    core.endGroup()
  }
  setTargetOutputs({ runnerId, runnerUrl: url, state: 'archived' })
  setOutcome('success')
  if (settings.jobSummary) {
    await publishSummary([
      renderCommandSummary({
        heading: '🗄️ Netlify agent runner archived',
        links: [`[Open in Netlify](${url})`],
        rows: [['Agent runner', codeCell(runnerId)]],
        body: `${said}\n`
      })
    ])
  }
  return { outcome: 'success', failure: undefined }
}
