// `diff`: download a runner's diff (all of its changes), or one session's own diff, or with
// `cumulative` that session's cumulative diff, to a file under RUNNER_TEMP, and summarize it.
import * as core from '@actions/core'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { diffStatOfFile } from '../report/diffstat.js'
import { setDiffOutputs, setOutcome, setTargetOutputs } from '../report/outputs.js'
import { runnerUrl, type DiffFiles } from '../report/run-report.js'
import { diffSummary, renderCommandSummary, publishSummary } from '../report/summary.js'
import type { Settings } from '../settings/index.js'
import { openRunner, type CommandDeps, type CommandResult } from './context.js'

export async function diffCommand(settings: Settings, deps: CommandDeps): Promise<CommandResult> {
  const { client } = deps
  const runnerId = settings.agentRunnerId ?? ''
  const { sessionId, cumulative } = settings
  const what = sessionId
    ? `${cumulative ? 'the cumulative diff' : 'the diff'} of session ${sessionId}`
    : `the diff of agent runner ${runnerId}`
  core.startGroup(`Downloading ${what}`)
  let diff: DiffFiles
  let url: string
  try {
    const { site } = await openRunner(settings, client, runnerId)
    url = runnerUrl(site.name, runnerId)
    // A session that does not exist must not read as one without changes (both are 404s below).
    if (sessionId) await client.getSession(runnerId, sessionId)
    const dir = join(settings.tempDir, 'netlify-agent-runners', runnerId)
    mkdirSync(dir, { recursive: true })
    const file = join(
      dir,
      sessionId ? `${sessionId}.${cumulative ? 'cumulative' : 'result'}.diff` : 'runner.diff'
    )
    const written = !sessionId
      ? await client.downloadRunnerDiff(runnerId, file)
      : cumulative
        ? await client.downloadCumulativeDiff(runnerId, sessionId, file)
        : await client.downloadResultDiff(runnerId, sessionId, file)
    const stat =
      written === null ? { files: [], additions: 0, deletions: 0 } : await diffStatOfFile(file)
    diff = { resultFile: written === null ? undefined : file, cumulativeFile: undefined, stat }
    core.info(
      written === null
        ? `There is no diff: ${what} is empty.`
        : `${stat.files.length} ${stat.files.length === 1 ? 'file' : 'files'} changed, +${stat.additions} −${stat.deletions} (${file})`
    )
  } finally {
    core.endGroup()
  }
  setTargetOutputs({ runnerId, runnerUrl: url, sessionId })
  setDiffOutputs(diff)
  setOutcome('success')
  if (settings.jobSummary) {
    const head = renderCommandSummary({
      heading: `📄 ${what[0]?.toUpperCase()}${what.slice(1)}`,
      links: [`[Open in Netlify](${url})`],
      rows: []
    })
    await publishSummary(diffSummary(head, diff, deps.redact))
  }
  return { outcome: 'success', failure: undefined }
}
