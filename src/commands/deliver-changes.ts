// `pull-request` and `commit`: deliver an existing runner's changes, as `run` does after a session.
import * as core from '@actions/core'
import { checkCommitBranch, deliverCommit, deliverPullRequest, type Delivery } from '../deliver.js'
import type { AgentRunner } from '../netlify/types.js'
import { protectedPathsVerdict, type ProtectedVerdict } from '../protected-paths.js'
import {
  setDeliveryOutputs,
  setOutcome,
  setProtectedFilesOutput,
  setTargetOutputs
} from '../report/outputs.js'
import { protectedFilesSection } from '../report/protected-section.js'
import { runnerUrl, type ProtectedFiles } from '../report/run-report.js'
import { codeCell, plainLine } from '../markdown/literal.js'
import { renderCommandSummary, publishSummary } from '../report/summary.js'
import type { Settings } from '../settings/index.js'
import { openRunner, type CommandDeps, type CommandResult } from './context.js'

function summaryOf(
  delivery: Delivery,
  runnerId: string,
  url: string,
  protectedFiles: ProtectedFiles | undefined
): string {
  const rows: [string, string][] = [['Agent runner', codeCell(runnerId)]]
  const links = [`[Open in Netlify](${url})`]
  let heading: string
  if (delivery.kind === 'pull-request') {
    heading = `🔀 Pull request ${delivery.operation}`
    links.push(
      `[Pull request${delivery.number === null ? '' : ` #${delivery.number}`}](${delivery.url})`
    )
    rows.push(['Branch', delivery.branch ? codeCell(delivery.branch) : ''])
    rows.push(['State', delivery.state ?? ''])
  } else if (delivery.kind === 'commit') {
    heading = `✅ Changes committed to ${plainLine(delivery.branch)}`
    rows.push(['Commit', `\`${delivery.sha}\``])
  } else if (protectedFiles?.refused) {
    heading = '⛔ Nothing delivered: the changes touch protected files'
  } else {
    heading = 'Nothing to deliver'
    rows.push(['Why', plainLine(delivery.reason)])
  }
  return renderCommandSummary({ heading, links, rows, body: protectedFilesSection(protectedFiles) })
}

export async function deliverCommand(
  settings: Settings,
  deps: CommandDeps
): Promise<CommandResult> {
  const { client } = deps
  const runnerId = settings.agentRunnerId ?? ''
  const branch = settings.commitToBranch
  core.startGroup(
    branch === undefined
      ? `Pull request for agent runner ${runnerId}`
      : `Committing agent runner ${runnerId}'s changes to ${branch}`
  )
  let delivery: Delivery
  let url: string
  let runner: AgentRunner
  let guard: ProtectedVerdict = { found: undefined }
  try {
    const opened = await openRunner(settings, client, runnerId)
    runner = opened.runner
    url = runnerUrl(opened.site.name, runnerId)
    checkCommitBranch(branch, runner.branch)
    const deliverDeps = {
      client,
      now: deps.now,
      sleep: (ms: number) => deps.sleep(ms, deps.cancelled),
      deadline: deps.now() + settings.timeoutMs
    }
    // What the pull request or commit would carry: the runner's whole diff.
    if (runner.has_result_diff) guard = await protectedPathsVerdict(settings, deps, runnerId)
    if (!runner.has_result_diff) {
      const reason = `Agent runner ${runnerId} has no changes, so there is nothing to deliver.`
      delivery = { kind: 'none', reason }
      core.info(reason)
    } else if (guard.refusal) {
      delivery = { kind: 'none', reason: guard.refusal.message }
    } else if (branch === undefined) {
      delivery = await deliverPullRequest(runnerId, deliverDeps)
      core.info(`Pull request ${delivery.operation}: ${delivery.url}`)
    } else {
      delivery = await deliverCommit(runnerId, branch, deliverDeps)
      core.info(`Committed ${delivery.sha} to ${delivery.branch}.`)
    }
  } finally {
    core.endGroup()
  }
  setTargetOutputs({ runnerId, runnerUrl: url })
  setDeliveryOutputs({ delivery, runner })
  setProtectedFilesOutput(guard.found, deps.redact)
  const { refusal } = guard
  setOutcome(refusal ? 'failure' : 'success', refusal?.kind)
  if (settings.jobSummary) {
    await publishSummary([deps.redact(summaryOf(delivery, runnerId, url, guard.found))])
  }
  // A refused delivery fails the step whatever `fail-on-error` says, as one Netlify refused does.
  return refusal
    ? { outcome: 'failure', failure: refusal.message, failsStep: true }
    : { outcome: 'success', failure: undefined }
}
