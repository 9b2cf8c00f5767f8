// Every output of the action is set here, and only here.
import * as core from '@actions/core'
import { normalizeState } from '../netlify/lifecycle.js'
import type { Redact } from '../redact.js'
import { unmarkedTitle } from '../settlement.js'
import type { ErrorKind } from './error-kind.js'
import type { DiffFiles, Outcome, ProtectedFiles, RunReport } from './run-report.js'

/** The ids and the dashboard link: set the moment the run exists, before any waiting. */
export function setStartOutputs(ids: {
  runnerId: string
  sessionId: string
  runnerUrl: string
}): void {
  setTargetOutputs(ids)
}

/** The outcome, and what went wrong (empty when nothing did); also for a step with no report. */
export function setOutcome(outcome: Outcome, errorKind?: ErrorKind): void {
  core.setOutput('outcome', outcome)
  core.setOutput('error-kind', errorKind ?? '')
}

/** The files the protected-paths check matched, as JSON; [] when none, or when it was off. */
export function setProtectedFilesOutput(found: ProtectedFiles | undefined, redact: Redact): void {
  core.setOutput('protected-files', JSON.stringify((found?.files ?? []).map(f => redact(f))))
}

export function setReportOutputs(report: RunReport, redact: Redact): void {
  const { session, diff } = report
  const text = (value: string | null | undefined): string => redact(value ?? '')
  core.setOutput('state', normalizeState(session.state))
  setOutcome(report.outcome, report.errorKind)
  core.setOutput('title', text(unmarkedTitle(session.title) || report.runner?.title))
  core.setOutput('result', text(session.result))
  setDiffOutputs(diff)
  core.setOutput('deploy-id', session.deploy_id ?? '')
  core.setOutput('deploy-url', session.deploy_url ?? '')
  setDeliveryOutputs(report)
  setProtectedFilesOutput(report.protectedFiles, redact)
  core.setOutput(
    'duration',
    session.duration === null || session.duration === undefined ? '' : String(session.duration)
  )
}

/**
 * The pull request (the one delivered, else the runner's own, if it has one) and the commit. The
 * operation says what this step did to the pull request.
 */
export function setDeliveryOutputs({
  delivery,
  runner
}: Pick<RunReport, 'delivery' | 'runner'>): void {
  const pr =
    delivery?.kind === 'pull-request'
      ? delivery
      : {
          url: runner?.pr_url ?? '',
          number: runner?.pr_number ?? null,
          branch: runner?.pr_branch ?? null,
          state: runner?.pr_state?.toLowerCase() ?? null,
          operation: 'none'
        }
  core.setOutput('pull-request-url', pr.url)
  core.setOutput('pull-request-number', pr.number === null ? '' : String(pr.number))
  core.setOutput('pull-request-branch', pr.branch ?? '')
  core.setOutput('pull-request-state', pr.state ?? '')
  core.setOutput('pull-request-operation', pr.operation)
  core.setOutput('commit-sha', delivery?.kind === 'commit' ? delivery.sha : '')
}

export function setDiffOutputs(diff: DiffFiles | undefined): void {
  core.setOutput('has-changes', String((diff?.stat.files.length ?? 0) > 0))
  core.setOutput('diff-file', diff?.resultFile ?? '')
  core.setOutput('cumulative-diff-file', diff?.cumulativeFile ?? '')
  core.setOutput('files-changed', String(diff?.stat.files.length ?? 0))
  core.setOutput('additions', String(diff?.stat.additions ?? 0))
  core.setOutput('deletions', String(diff?.stat.deletions ?? 0))
}

/** The list of runners, as JSON, for `list`. */
export function setListOutputs(runners: unknown[]): void {
  core.setOutput('runners', JSON.stringify(runners))
}

/** What a sweep did with each run it looked at, as JSON, for `sweep`. */
export function setSweptOutput(swept: unknown[]): void {
  core.setOutput('swept', JSON.stringify(swept))
}

/** The runner a management command acted on, and the session, when there is one. */
export function setTargetOutputs(target: {
  runnerId: string
  runnerUrl: string
  sessionId?: string
  state?: string
}): void {
  core.setOutput('agent-runner-id', target.runnerId)
  core.setOutput('agent-runner-url', target.runnerUrl)
  if (target.sessionId !== undefined) core.setOutput('session-id', target.sessionId)
  if (target.state !== undefined) core.setOutput('state', target.state)
}

/** An event that did not ask for a run, or an actor not allowed to start one. */
export function setSkipOutputs(reason: string): void {
  setOutcome('skipped')
  core.setOutput('skip-reason', reason)
}
