// `list`: the site's runners, with the reference's filters, as a JSON output and a summary table.
import * as core from '@actions/core'
import { normalizeState } from '../netlify/lifecycle.js'
import type { AgentRunner, ListRunnersParams } from '../netlify/types.js'
import { setListOutputs, setOutcome } from '../report/outputs.js'
import { runnerUrl } from '../report/run-report.js'
import { codeCell, plainLine } from '../markdown/literal.js'
import { renderCommandSummary, publishSummary } from '../report/summary.js'
import type { Settings } from '../settings/index.js'
import type { CommandDeps, CommandResult } from './context.js'

const PER_PAGE = 100
/** Pages read at most: a thousand runners is more than a workflow step should carry. */
const MAX_PAGES = 10
const SUMMARY_ROWS = 200

/** What the `runners` output holds for each runner. */
export interface ListedRunner {
  id: string
  title: string
  state: string
  branch: string
  result_branch: string | null
  pr_url: string | null
  pr_number: number | null
  pr_state: string | null
  latest_session_state: string | null
  deploy_url: string | null
  created_at: string
  updated_at: string
  url: string
}

function listed(runner: AgentRunner, siteName: string): ListedRunner {
  return {
    id: runner.id,
    title: runner.title,
    state: normalizeState(runner.state),
    branch: runner.branch,
    result_branch: runner.result_branch,
    pr_url: runner.pr_url,
    pr_number: runner.pr_number,
    pr_state: runner.pr_state === null ? null : runner.pr_state.toLowerCase(),
    latest_session_state: runner.latest_session_state
      ? normalizeState(runner.latest_session_state)
      : null,
    deploy_url: runner.latest_session_deploy_url,
    created_at: runner.created_at,
    updated_at: runner.updated_at,
    url: runnerUrl(siteName, runner.id)
  }
}

function table(runners: ListedRunner[]): string {
  if (runners.length === 0) return 'No agent runner matches.\n'
  let out = '| Runner | State | Branch | Pull request | Created |\n|---|---|---|---|---|\n'
  for (const r of runners.slice(0, SUMMARY_ROWS)) {
    const pr = r.pr_url ? `[#${r.pr_number ?? ''}](${r.pr_url}) ${r.pr_state ?? ''}` : ''
    out += `| [${plainLine(r.title || r.id)}](${r.url}) | ${r.state} | ${codeCell(r.branch)} | ${pr} | ${r.created_at} |\n`
  }
  if (runners.length > SUMMARY_ROWS) {
    out += `\n_…and ${runners.length - SUMMARY_ROWS} more, in the \`runners\` output._\n`
  }
  return out
}

export async function listCommand(settings: Settings, deps: CommandDeps): Promise<CommandResult> {
  const { client } = deps
  const { list } = settings
  core.startGroup('Listing agent runners')
  const runners: ListedRunner[] = []
  let more = false
  try {
    const site = await client.getSite(settings.siteId ?? '')
    const params: ListRunnersParams = {
      account_id: site.account_id,
      site_id: site.id,
      per_page: PER_PAGE,
      state: list.state,
      branch: list.branch,
      result_branch: list.resultBranch,
      title: list.title,
      from: list.from,
      to: list.to
    }
    for (let page: number | undefined = 1; page !== undefined;) {
      if (page > MAX_PAGES) {
        more = true
        break
      }
      const result = await client.listRunners({ ...params, page })
      runners.push(...result.items.map(r => listed(r, site.name)))
      page = result.nextPage
    }
    core.info(`${runners.length} agent runner${runners.length === 1 ? '' : 's'} of ${site.name}.`)
    if (more) {
      core.warning(
        `Only the first ${runners.length} runners Netlify lists are here; narrow the list with \`from\`, \`to\`, \`state\` or \`branch\`.`
      )
    }
  } finally {
    core.endGroup()
  }
  setListOutputs(runners)
  setOutcome('success')
  if (settings.jobSummary) {
    await publishSummary([
      deps.redact(
        renderCommandSummary({
          heading: `📋 Netlify agent runners (${runners.length}${more ? '+' : ''})`,
          links: [],
          rows: [],
          body: table(runners)
        })
      )
    ])
  }
  return { outcome: 'success', failure: undefined }
}
