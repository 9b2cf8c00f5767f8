// The job summary: what happened, the links, the prompt, the agent's result, then the diffstat and
// the diff (./diff-summary.ts), rendered section by section as chunks of Markdown that are written
// as they come, within GitHub's 1 MiB. The agent's result is quoted (../markdown/agent-text.ts):
// nothing in it can hide, swallow or imitate the sections after it.
import * as core from '@actions/core'
import { codeBlock, codeCell, plainLine } from '../markdown/literal.js'
import { normalizeState } from '../netlify/lifecycle.js'
import type { AgentRunner } from '../netlify/types.js'
import type { Redact } from '../redact.js'
import { bytes, diffSection, SummaryBudget } from './diff-summary.js'
import { protectedFilesSection } from './protected-section.js'
import type { DiffFiles, Outcome, RunReport } from './run-report.js'

export { diffSummary, SummaryBudget, SUMMARY_LIMIT_BYTES } from './diff-summary.js'

const RESULT_LIMIT = 64 * 1024
const PROMPT_INLINE_LIMIT = 300
/** The summary is written in chunks of at least this many characters (but the last). */
const WRITE_CHUNK = 64 * 1024

const HEADINGS: Record<Outcome, string> = {
  success: '✅ Netlify agent run succeeded',
  failure: '❌ Netlify agent run failed',
  cancelled: '🚫 Netlify agent run was cancelled',
  'timed-out': '⏱️ Netlify agent run timed out',
  started: '🚀 Netlify agent run started',
  running: '⏳ Netlify agent run is still running',
  skipped: '⏭️ Netlify agent run skipped'
}

/** The Markdown parser, loaded only when a summary is written (../markdown/agent-text.ts). */
type AgentText = typeof import('../markdown/agent-text.js')
const loadAgentText = (): Promise<AgentText> => import('../markdown/agent-text.js')

function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>\n`
}

export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return ''
  const whole = Math.round(seconds)
  const m = Math.floor(whole / 60)
  const s = whole % 60
  return m > 0 ? `${m}m ${s}s` : `${s}s`
}

function truncate(text: string, limit: number): string {
  if (bytes(text) <= limit) return text
  return Buffer.from(text).subarray(0, limit).toString('utf8')
}

function head(report: RunReport, { alert }: AgentText): string {
  const { session, runner } = report
  const links = [`[Open in Netlify](${report.runnerUrl})`]
  if (session.deploy_url) links.push(`[Deploy preview](${session.deploy_url})`)
  const { delivery } = report
  if (delivery?.kind === 'pull-request') {
    links.push(
      `[Pull request${delivery.number === null ? '' : ` #${delivery.number}`}](${delivery.url}) (${delivery.operation})`
    )
  } else if (runner?.pr_url) {
    links.push(`[Pull request${runner.pr_number ? ` #${runner.pr_number}` : ''}](${runner.pr_url})`)
  }
  const agent = plainLine(
    [session.agent_config?.agent, session.agent_config?.model].filter(Boolean).join(' · ')
  )
  const rows: [string, string][] = [
    ['State', normalizeState(session.state)],
    ['Agent', agent],
    ['Duration', formatDuration(session.duration)],
    ['Steps', String(session.steps?.length ?? 0)],
    [
      'Agent runner',
      `\`${session.agent_runner_id}\`${report.followUp ? ' (follow-up session)' : ''}`
    ],
    ['Branch', runner?.branch ? codeCell(runner.branch) : ''],
    ['Commit', delivery?.kind === 'commit' ? commitCell(delivery, runner) : ''],
    ['Delivered', delivery?.kind === 'none' ? plainLine(delivery.reason) : '']
  ]
  const table = rows
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `| ${name} | ${value} |`)
    .join('\n')
  let out = `## ${HEADINGS[report.outcome]}\n\n${links.join(' · ')}\n\n| | |\n|---|---|\n${table}\n\n`
  if (report.failure) out += `${alert('CAUTION', report.failure)}\n\n`
  // A login (checked where it was read: ../github/status-marker.ts), so a code span holds it.
  if (report.stoppedBy)
    out += `> [!NOTE]\n> Stopped by \`${report.stoppedBy}\`, who asked for it on the thread.\n\n`
  return out
}

/** The commit, linked on GitHub when the pull request's URL shows the repository. */
function commitCell(
  commit: { sha: string; branch: string },
  runner: AgentRunner | undefined
): string {
  const repo = runner?.pr_url?.match(/^(https:\/\/github\.com\/[^/]+\/[^/]+)\//)?.[1]
  const short = `\`${commit.sha.slice(0, 12)}\``
  const sha = repo ? `[${short}](${repo}/commit/${commit.sha})` : short
  return `${sha} on ${codeCell(commit.branch)}`
}

function prompt(text: string): string {
  if (text.length <= PROMPT_INLINE_LIMIT && !text.includes('\n')) {
    return `### Prompt\n\n${codeBlock(text, 'text')}\n\n`
  }
  const shown = truncate(text, RESULT_LIMIT)
  const note = shown === text ? '' : '\n\n_… the prompt is cut here._'
  return `### Prompt\n\n${details(`Prompt (${text.length} characters)`, codeBlock(shown, 'text') + note)}\n`
}

/** The agent's result, quoted, then its steps. */
function result(report: RunReport, { agentQuoteWithin, agentStep }: AgentText): string {
  const { session } = report
  let out = ''
  if (session.result) {
    const quoted = agentQuoteWithin(session.result, RESULT_LIMIT, bytes)
    out += `### Result\n\n${quoted.markdown}\n\n${quoted.cut ? '_… cut here: the whole text is in the `result` output._\n\n' : ''}`
  }
  const steps = session.steps ?? []
  if (steps.length > 0) {
    const lines: string[] = []
    let size = 0
    for (const [i, step] of steps.entries()) {
      const line = agentStep(i + 1, step.title, step.message)
      size += bytes(line) + 1
      if (size > RESULT_LIMIT) break
      lines.push(line)
    }
    const more = steps.length - lines.length
    const note = more > 0 ? `\n\n_…and ${more} more ${more === 1 ? 'step' : 'steps'}._` : ''
    out += details(`Steps (${steps.length})`, lines.join('\n') + note) + '\n'
  }
  return out
}

/**
 * The whole summary, as chunks of Markdown: under SUMMARY_LIMIT_BYTES whatever the diff's size.
 * Several reports in one summary (a sweep's) share one `budget`.
 */
export async function* renderSummary(
  report: RunReport,
  redact: Redact,
  budget = new SummaryBudget()
): AsyncGenerator<string> {
  const agent = await loadAgentText()
  yield budget.spend(redact(head(report, agent)))
  yield budget.spend(redact(protectedFilesSection(report.protectedFiles)))
  yield budget.spend(redact(prompt(report.prompt)))
  yield budget.spend(redact(result(report, agent)))
  if (report.outcome === 'started') {
    yield report.detached
      ? '_The step did not wait for the run (`wait: false`): once it is done, a `command: sweep` step delivers what was asked and writes the end on the thread. Follow it on the dashboard meanwhile._\n'
      : '_The step did not wait for the run (`wait: false`); follow it on the dashboard._\n'
  } else if (report.outcome === 'running') {
    yield '_The session has not ended yet._\n'
  } else {
    yield* diffSection(report.diff ?? NO_DIFF, budget, redact)
  }
}

const NO_DIFF: DiffFiles = {
  resultFile: undefined,
  cumulativeFile: undefined,
  stat: { files: [], additions: 0, deletions: 0 }
}

/** The summary of a command that manages a runner: what was done, links, and details. */
export interface CommandSummary {
  heading: string
  /** Markdown links. */
  links: string[]
  /** Name and Markdown value; empty values are left out. */
  rows: [string, string][]
  /** Markdown after the table. */
  body?: string
}

export function renderCommandSummary(summary: CommandSummary): string {
  const rows = summary.rows.filter(([, value]) => value !== '')
  let out = `## ${summary.heading}\n\n`
  if (summary.links.length > 0) out += `${summary.links.join(' · ')}\n\n`
  if (rows.length > 0) {
    out += `| | |\n|---|---|\n${rows.map(([name, value]) => `| ${name} | ${value} |`).join('\n')}\n\n`
  }
  return out + (summary.body ?? '')
}

/** Appends a chunk of Markdown to the job summary: the one place the summary reaches the runner. */
export async function writeSummary(chunk: string): Promise<void> {
  await core.summary.addRaw(chunk).write()
}

/**
 * Writes a summary as its chunks come, a few writes of WRITE_CHUNK rather than one per chunk. A
 * summary that cannot be written is a warning, and the rest of it is not rendered.
 */
export async function publishSummary(
  chunks: Iterable<string> | AsyncIterable<string>
): Promise<void> {
  let pending = ''
  const flush = async (): Promise<boolean> => {
    const chunk = pending
    pending = ''
    try {
      if (chunk) await writeSummary(chunk)
      return true
    } catch (err) {
      core.warning(`The job summary was not written: ${(err as Error).message}`)
      return false
    }
  }
  for await (const chunk of chunks) {
    pending += chunk
    if (pending.length >= WRITE_CHUNK && !(await flush())) return
  }
  await flush()
}
