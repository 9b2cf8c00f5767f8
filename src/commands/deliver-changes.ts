// `pull-request` and `commit`: deliver an existing runner's changes, as `run` does after a session.
import * as core from '@actions/core'
import { checkCommitBranch, deliverCommit, deliverPullRequest, type Delivery } from '../deliver.js'
import type { AgentRunner } from '../netlify/types.js'
import { setDeliveryOutputs, setOutcome, setTargetOutputs } from '../report/outputs.js'
import { runnerUrl } from '../report/run-report.js'
import { escapeCell, renderCommandSummary, writeSummary } from '../report/summary.js'
import type { Settings } from '../settings/index.js'
import { openRunner, type CommandDeps, type CommandResult } from './context.js'

function summaryOf(delivery: Delivery, runnerId: string, url: string): string {
  const rows: [string, string][] = [['Agent runner', `\`${escapeCell(runnerId)}\``]]
  const links = [`[Open in Netlify](${url})`]
  let heading: string
  if (delivery.kind === 'pull-request') {
    heading = `🔀 Pull request ${delivery.operation}`
    links.push(
      `[Pull request${delivery.number === null ? '' : ` #${delivery.number}`}](${delivery.url})`
    )
    rows.push(['Branch', delivery.branch ? `\`${escapeCell(delivery.branch)}\`` : ''])
    rows.push(['State', delivery.state ?? ''])
  } else if (delivery.kind === 'commit') {
    heading = `✅ Changes committed to ${escapeCell(delivery.branch)}`
    rows.push(['Commit', `\`${delivery.sha}\``])
  } else {
    heading = 'Nothing to deliver'
    rows.push(['Why', escapeCell(delivery.reason)])
  }
  return renderCommandSummary({ heading, links, rows })
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
    if (!runner.has_result_diff) {
      const reason = `Agent runner ${runnerId} has no changes, so there is nothing to deliver.`
      delivery = { kind: 'none', reason }
    } else if (branch === undefined) {
      delivery = await deliverPullRequest(runnerId, deliverDeps)
    } else {
      delivery = await deliverCommit(runnerId, branch, deliverDeps)
    }
    core.info(
      delivery.kind === 'pull-request'
        ? `Pull request ${delivery.operation}: ${delivery.url}`
        : delivery.kind === 'commit'
          ? `Committed ${delivery.sha} to ${delivery.branch}.`
          : delivery.reason
    )
  } finally {
    core.endGroup()
  }
  setTargetOutputs({ runnerId, runnerUrl: url })
  setDeliveryOutputs({ delivery, runner })
  setOutcome('success')
  if (settings.jobSummary) await writeSummary(summaryOf(delivery, runnerId, url))
  return { outcome: 'success', failure: undefined }
}
