// The job summary: what happened, the links, the prompt, the agent's result, the diffstat and the
// diff. GitHub refuses a step summary over 1 MiB, so the diff is read as a stream and shown file by
// file only while it fits; what is left out is named, and `diff-file` holds the whole of it.
import * as core from '@actions/core'
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { normalizeState } from '../netlify/lifecycle.js'
import type { AgentRunner } from '../netlify/types.js'
import type { Redact } from '../redact.js'
import { isBinaryMarker, type FileStat } from './diffstat.js'
import { protectedFilesSection } from './protected-section.js'
import type { DiffFiles, Outcome, RunReport } from './run-report.js'

/** GitHub's limit is 1 MiB; keep a margin for what the runner adds. */
export const SUMMARY_LIMIT_BYTES = 1_000_000
const RESULT_LIMIT = 64 * 1024
const PROMPT_INLINE_LIMIT = 300
const DIFFSTAT_ROWS = 300
/** Room kept for the closing note about what was left out. */
const NOTE_RESERVE = 2_000

const HEADINGS: Record<Outcome, string> = {
  success: '✅ Netlify agent run succeeded',
  failure: '❌ Netlify agent run failed',
  cancelled: '🚫 Netlify agent run was cancelled',
  'timed-out': '⏱️ Netlify agent run timed out',
  started: '🚀 Netlify agent run started',
  running: '⏳ Netlify agent run is still running',
  skipped: '⏭️ Netlify agent run skipped'
}

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

export function escapeCell(text: string): string {
  return escapeHtml(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

/** A code fence longer than any run of backticks inside the text, so the text cannot close it. */
export function fenceFor(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length))
  return '`'.repeat(Math.max(3, longest + 1))
}

function codeBlock(text: string, language = ''): string {
  const fence = fenceFor(text)
  return `${fence}${language}\n${text}${text.endsWith('\n') ? '' : '\n'}${fence}\n`
}

function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n</details>\n`
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
  return `${Buffer.from(text).subarray(0, limit).toString('utf8')}\n\n_… cut here: the whole text is in the \`result\` output._`
}

function head(report: RunReport): string {
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
  const agent = [session.agent_config?.agent, session.agent_config?.model]
    .filter(Boolean)
    .join(' · ')
  const rows: [string, string][] = [
    ['State', normalizeState(session.state)],
    ['Agent', agent],
    ['Duration', formatDuration(session.duration)],
    ['Steps', String(session.steps?.length ?? 0)],
    [
      'Agent runner',
      `\`${session.agent_runner_id}\`${report.followUp ? ' (follow-up session)' : ''}`
    ],
    ['Branch', runner?.branch ?? ''],
    ['Commit', delivery?.kind === 'commit' ? commitCell(delivery, runner) : ''],
    ['Delivered', delivery?.kind === 'none' ? escapeCell(delivery.reason) : '']
  ]
  const table = rows
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `| ${name} | ${value} |`)
    .join('\n')
  let out = `## ${HEADINGS[report.outcome]}\n\n${links.join(' · ')}\n\n| | |\n|---|---|\n${table}\n\n`
  if (report.failure)
    out += `> [!CAUTION]\n> ${escapeHtml(report.failure).replace(/\n/g, '\n> ')}\n\n`
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
  return `${sha} on \`${escapeCell(commit.branch)}\``
}

function prompt(text: string): string {
  if (text.length <= PROMPT_INLINE_LIMIT && !text.includes('\n')) {
    return `### Prompt\n\n${codeBlock(text, 'text')}\n`
  }
  return `### Prompt\n\n${details(`Prompt (${text.length} characters)`, codeBlock(truncate(text, RESULT_LIMIT), 'text'))}\n`
}

function result(report: RunReport): string {
  const { session } = report
  let out = ''
  if (session.result) out += `### Result\n\n${truncate(session.result, RESULT_LIMIT)}\n\n`
  const steps = session.steps ?? []
  if (steps.length > 0) {
    const list = steps
      .map(
        (s, i) =>
          `${i + 1}. **${escapeHtml(s.title)}**${s.message ? `: ${escapeHtml(s.message)}` : ''}`
      )
      .join('\n')
    out += details(`Steps (${steps.length})`, truncate(list, RESULT_LIMIT)) + '\n'
  }
  return out
}

function diffStatTable(files: FileStat[], additions: number, deletions: number): string {
  const plural = files.length === 1 ? 'file' : 'files'
  let out = `### Changes: ${files.length} ${plural}, +${additions} −${deletions}\n\n`
  out += '| File | + | − |\n|---|--:|--:|\n'
  for (const f of files.slice(0, DIFFSTAT_ROWS)) {
    out += `| \`${escapeCell(f.path)}\`${f.binary ? ' (binary)' : ''} | ${f.additions} | ${f.deletions} |\n`
  }
  if (files.length > DIFFSTAT_ROWS) out += `\n_…and ${files.length - DIFFSTAT_ROWS} more files._\n`
  return out + '\n'
}

/** One file's section of the diff, as it is read. */
interface Section {
  stat: FileStat
  lines: string[]
  size: number
  binary: boolean
  /** Cut short: the rest did not fit. */
  cut: boolean
}

/** Bytes a section's wrapper (details, label, fences, the cut note) takes beyond its lines. */
function sectionOverhead(stat: FileStat): number {
  return 400 + 2 * bytes(stat.path)
}

function renderSection(section: Section): string {
  const { stat } = section
  const label = `<code>${escapeHtml(stat.path)}</code> (+${stat.additions} −${stat.deletions})`
  if (section.binary) return details(label, '_Binary file: its content is not shown._\n')
  const body = codeBlock(section.lines.join('\n'), 'diff')
  if (!section.cut) return details(label, body)
  return details(`${label}, cut short`, `${body}\n_The rest of this file is in \`diff-file\`._\n`)
}

export interface RenderedDiff {
  markdown: string
  /** Files shown whole (binary ones by name). */
  whole: number
  /** The file shown only in part, if one was. */
  cutPath: string | undefined
}

/**
 * The diff, file by file, in at most `budget` bytes: whole files while they fit, then as much of
 * the next one as fits. Reads only as much of the file as it shows.
 */
export async function renderDiff(
  file: string,
  stats: FileStat[],
  budget: number,
  redact: Redact
): Promise<RenderedDiff> {
  let markdown = ''
  // Counted as it grows: measuring the markdown on every line would be quadratic in its size.
  let used = 0
  let whole = 0
  let index = 0
  let section: Section | undefined
  const room = (): number => budget - used

  const flush = (): void => {
    if (!section) return
    const rendered = redact(renderSection(section))
    markdown += rendered
    used += bytes(rendered)
    if (!section.cut) whole++
    section = undefined
  }

  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity })
  try {
    for await (const line of lines) {
      if (line.startsWith('diff --git ')) {
        flush()
        const stat = stats[index++] ?? { path: '', additions: 0, deletions: 0, binary: false }
        if (sectionOverhead(stat) > room()) break
        section = { stat, lines: [], size: 0, binary: stat.binary, cut: false }
      }
      if (!section || section.binary) continue
      if (isBinaryMarker(line)) {
        section.binary = true
        section.lines = []
        continue
      }
      const size = bytes(line) + 1
      if (section.size + size + sectionOverhead(section.stat) > room()) {
        section.cut = true
        break
      }
      section.size += size
      section.lines.push(line)
    }
  } finally {
    lines.close()
  }
  // A file cut before its first line shows nothing worth a section.
  const cutPath = section?.cut && section.lines.length > 0 ? section.stat.path : undefined
  if (section && (!section.cut || cutPath)) flush()
  return { markdown, whole, cutPath }
}

function omissionNote(rendered: RenderedDiff, total: number, diffFile: string): string {
  if (rendered.whole >= total) return ''
  const shown =
    rendered.whole === 0 && !rendered.cutPath
      ? 'No file of the diff fits here'
      : `The diff is shown for ${rendered.whole} of ${total} files${
          rendered.cutPath ? `, then cut short within \`${escapeHtml(rendered.cutPath)}\`` : ''
        }`
  return `> [!NOTE]\n> ${shown}, to keep this summary under GitHub's 1 MiB limit. The whole diff is in the \`diff-file\` output (\`${escapeHtml(diffFile)}\`).\n`
}

/** The diffstat and as much of the diff as fits in what is left of the summary after `used` bytes. */
export async function diffSection(diff: DiffFiles, used: number, redact: Redact): Promise<string> {
  if (diff.stat.files.length === 0) return '### Changes\n\nThe agent made no changes.\n'
  let out = redact(diffStatTable(diff.stat.files, diff.stat.additions, diff.stat.deletions))
  if (diff.resultFile) {
    const budget = SUMMARY_LIMIT_BYTES - used - bytes(out) - NOTE_RESERVE - 100
    const rendered = await renderDiff(diff.resultFile, diff.stat.files, Math.max(0, budget), redact)
    out += `### Diff\n\n${rendered.markdown}\n`
    out += omissionNote(rendered, diff.stat.files.length, diff.resultFile)
  }
  return out
}

/** The whole summary, under SUMMARY_LIMIT_BYTES whatever the size of the diff. */
export async function renderSummary(report: RunReport, redact: Redact): Promise<string> {
  const out = redact(
    head(report) +
      protectedFilesSection(report.protectedFiles) +
      prompt(report.prompt) +
      result(report)
  )
  const { diff } = report
  if (report.outcome === 'started') {
    return (
      out + '_The step did not wait for the run (`wait: false`); follow it on the dashboard._\n'
    )
  }
  if (report.outcome === 'running') return out + '_The session has not ended yet._\n'
  return out + (await diffSection(diff ?? NO_DIFF, bytes(out), redact))
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

/** Appends to the job summary at once, so that no second copy of a large summary is held. */
export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.warning('No GITHUB_STEP_SUMMARY file: the job summary was not written.')
    return
  }
  await core.summary.addRaw(markdown).write()
}
