// Every output of the action is set here, and only here.
import * as core from '../workflow-commands.js'
import { normalizeState } from '../netlify/states.js'
import type { Redact } from '../redact.js'
import type { Outcome, RunReport } from './run-report.js'

/** The ids and the dashboard link: set the moment the run exists, before any waiting. */
export function setStartOutputs(ids: {
  runnerId: string
  sessionId: string
  runnerUrl: string
}): void {
  core.setOutput('agent-runner-id', ids.runnerId)
  core.setOutput('session-id', ids.sessionId)
  core.setOutput('agent-runner-url', ids.runnerUrl)
}

/** The outcome alone, for a step that failed before it had a report. */
export function setOutcome(outcome: Outcome): void {
  core.setOutput('outcome', outcome)
}

export function setReportOutputs(report: RunReport, redact: Redact): void {
  const { session, diff } = report
  const text = (value: string | null | undefined): string => redact(value ?? '')
  core.setOutput('state', normalizeState(session.state))
  core.setOutput('outcome', report.outcome)
  core.setOutput('title', text(session.title || report.runner?.title))
  core.setOutput('result', text(session.result))
  core.setOutput('has-changes', String((diff?.stat.files.length ?? 0) > 0))
  core.setOutput('diff-file', diff?.resultFile ?? '')
  core.setOutput('cumulative-diff-file', diff?.cumulativeFile ?? '')
  core.setOutput('files-changed', String(diff?.stat.files.length ?? 0))
  core.setOutput('additions', String(diff?.stat.additions ?? 0))
  core.setOutput('deletions', String(diff?.stat.deletions ?? 0))
  core.setOutput('deploy-id', session.deploy_id ?? '')
  core.setOutput('deploy-url', session.deploy_url ?? '')
  core.setOutput(
    'duration',
    session.duration === null || session.duration === undefined ? '' : String(session.duration)
  )
}
