// `sweep`: settles the runs no step is left to settle, meant for a schedule. A run is the sweep's
// when its step did not wait for it (`wait: false`), or when its step waited but its workflow run
// completed without settling it (the job was lost: its machine died before the step could). Each
// such run whose latest session has ended, or outlived its `timeout-minutes`, is settled as its
// step would have (./sweep/settle-run.ts) and marked so on Netlify (../settlement.ts), so that the
// next sweep leaves it alone. Two sweeps at once deliver a run once: the second finds the delivery
// under way, or Netlify answers it 409, and leaves the run to the first.
import * as core from '@actions/core'
import type { GitHubClient } from '../github/client.js'
import { normalizeState } from '../netlify/lifecycle.js'
import type { ServerClock } from '../netlify/requester.js'
import { clipped } from '../markdown/literal.js'
import { errorKindOf } from '../report/error-kind.js'
import { runnerUrl } from '../report/run-report.js'
import { setOutcome, setSweptOutput } from '../report/outputs.js'
import { renderSweepSummary } from '../report/sweep-summary.js'
import { publishSummary, renderSummary, SummaryBudget } from '../report/summary.js'
import type { Redact } from '../redact.js'
import { tagKey } from '../run-tag.js'
import { isSettled } from '../settlement.js'
import type { Settings } from '../settings/index.js'
import { listOwnRuns } from '../sweep/own-runs.js'
import { settleRun, type SettleContext, type SweptRun } from '../sweep/settle-run.js'
import { threadTeller } from '../sweep/tell-thread.js'
import { printUntrusted } from '../untrusted-log.js'
import type { CommandDeps, CommandResult } from './context.js'

/** Now on Netlify's clock, from the `Date` of its first answer; this machine's clock before one. */
function netlifyNow(clock: () => ServerClock | undefined): number {
  const known = clock()
  return known ? known.serverMs + (performance.now() - known.sentSinceStartMs) : Date.now()
}

/** The most of a run's `detail` the `swept` output holds; the job summary has the run's whole report. */
const DETAIL_CHARS = 1_000

/** What the JSON output says of each run: snake case, as the API's own fields are. */
function sweptJson(run: SweptRun): Record<string, unknown> {
  return {
    agent_runner_id: run.runnerId,
    session_id: run.sessionId,
    url: run.runnerUrl,
    kind: run.kind,
    state: run.state,
    action: run.action,
    // Cut: it may quote an agent's whole result, and a workflow passes it on through `env:`.
    detail: clipped(run.detail, DETAIL_CHARS),
    issue_number: run.thread ?? null,
    pull_request_url: run.pullRequestUrl ?? null,
    commit_sha: run.commitSha ?? null,
    error_kind: run.errorKind ?? null
  }
}

/**
 * The table, then the summary of each run the sweep settled, as the run's own step would have
 * written it (the status comment links here for the diff), all within one summary's budget.
 */
async function* withRunSummaries(
  table: string,
  rows: SweptRun[],
  redact: Redact
): AsyncGenerator<string> {
  const budget = new SummaryBudget()
  yield budget.spend(table)
  for (const row of rows) {
    if (!row.report) continue
    yield budget.spend(`\n---\n\n`)
    yield* renderSummary(row.report, redact, budget)
  }
}

async function gitHubFor(settings: Settings): Promise<GitHubClient | undefined> {
  if (settings.github.token === '' || settings.github.repository === '') return undefined
  const { createGitHubClient } = await import('../github/client.js')
  return createGitHubClient(settings.github.token, settings.github.repository)
}

export async function sweepCommand(settings: Settings, deps: CommandDeps): Promise<CommandResult> {
  const { client } = deps
  const repository = settings.github.repository
  if (repository === '') {
    throw new Error(
      '`command: sweep` settles the runs of this repository, and GITHUB_REPOSITORY is not set: run it in GitHub Actions.'
    )
  }
  const hours = settings.sweepMs / 3_600_000
  const rows: SweptRun[] = []
  let looked = 0
  let settled = 0
  let firstError: unknown
  core.startGroup(`Sweeping the runs of ${repository} of the last ${hours} hours`)
  try {
    const site = await client.getSite(settings.siteId ?? '')
    const github = await gitHubFor(settings)
    const { ownCommentTest } = await import('../github/client.js')
    const isOwn = github ? await ownCommentTest(github) : undefined
    const ctx: SettleContext = {
      settings,
      deps,
      site,
      netlifyNow: () => netlifyNow(() => client.serverClock),
      workflowRun: async (runId, attempt) =>
        github && /^[1-9][0-9]{0,15}$/.test(runId) && /^[1-9][0-9]{0,3}$/.test(attempt)
          ? github.workflowRunAttempt(Number(runId), Number(attempt))
          : undefined,
      thread:
        github && isOwn ? threadTeller(github, isOwn, settings, deps.redact, deps.now) : undefined
    }
    const since = ctx.netlifyNow() - settings.sweepMs
    const listing = await listOwnRuns(client, {
      site,
      sinceMs: since,
      key: tagKey(settings.token),
      repository
    })
    if (listing.unverified > 0) {
      core.warning(
        `${listing.unverified} session${listing.unverified === 1 ? ' carries a tag' : 's carry tags'} of ${repository} that this Netlify token did not sign, and ${listing.unverified === 1 ? 'is' : 'are'} left alone: the workflows that start runs and the sweep must use the same \`netlify-auth-token\`.`
      )
    }
    for (const run of listing.runs) {
      looked++
      if (isSettled(run.session)) {
        settled++
        continue
      }
      try {
        const row = await settleRun(run, ctx)
        if (!row) {
          settled++
          continue
        }
        rows.push(row)
        printUntrusted(
          deps.redact(
            `Runner ${row.runnerId} (${row.kind}, ${row.state}): ${row.action}. ${row.detail}`
          )
        )
        if (row.action === 'failed' || (row.action === 'left' && row.errorKind)) {
          firstError ??= new Error(row.detail)
        }
      } catch (err) {
        // One run's trouble is that run's: the others are still settled.
        const message = deps.redact((err as Error).message)
        core.warning(`Could not settle agent runner ${run.runner.id}: ${message}`)
        firstError ??= err
        rows.push({
          runnerId: run.runner.id,
          sessionId: run.session.id,
          runnerUrl: runnerUrl(site.name, run.runner.id),
          kind: run.tag.debt.detached ? 'detached' : 'attached',
          state: normalizeState(run.session.state),
          action: 'left',
          detail: `could not be settled: ${message}`,
          errorKind: errorKindOf(err, { cancelled: deps.cancelled.aborted })
        })
      }
    }
    core.info(
      `${looked} run${looked === 1 ? '' : 's'} of ${repository}; ${settled} already settled, ${rows.filter(r => r.action !== 'left').length} settled now.`
    )
  } finally {
    core.endGroup()
  }
  // The word for the step: the first run the sweep could not settle, or whose delivery failed.
  const troubled = rows.find(r => r.action === 'failed' || (r.action === 'left' && r.errorKind))
  const errorKind = firstError ? (troubled?.errorKind ?? errorKindOf(firstError)) : undefined
  setSweptOutput(rows.map(sweptJson))
  setOutcome(firstError ? 'failure' : 'success', errorKind)
  if (settings.jobSummary) {
    const table = deps.redact(renderSweepSummary(rows, { looked, settled, hours }))
    await publishSummary(withRunSummaries(table, rows, deps.redact))
  }
  if (!firstError) return { outcome: 'success', failure: undefined }
  return {
    outcome: 'failure',
    failure: `The sweep could not settle every run: ${(firstError as Error).message}`,
    failsStep: true
  }
}
