// The status comment: one comment on the issue or pull request that started the run, edited as the
// run goes (working, then finished). What the agent, the prompt and the diff bring is untrusted,
// and goes through ../markdown: the agent's result is quoted (nothing in it can close the quote or
// pass for the comment's own sections), names and paths are plain text or code, nothing pings
// anyone, and the body stays under GitHub's comment limit whatever the inputs. A hidden marker at
// the end (./status-marker.ts) names the runner and session, so a later step finds this comment
// again.
import {
  agentLine,
  agentQuoteWithin,
  agentStep,
  alert as alertBlock
} from '../markdown/agent-text.js'
import { wellFormed, ZWJ } from '../markdown/defuse.js'
import {
  codeBlock,
  codeCell,
  codeSpan,
  collapse,
  headUnits,
  plainLine,
  tailUnits
} from '../markdown/literal.js'
import {
  formatMarker,
  isLogin,
  isMarkerId,
  MARKER_PREFIX,
  type MarkerSeal,
  type Owed
} from './status-marker.js'
import { stopNote } from './stop-note.js'

/**
 * GitHub refuses a comment body over 65,536 characters (and over 256 KiB). Counted in UTF-16
 * units, at most 3 bytes each, 60,000 stays under both with room to spare.
 */
export const STATUS_COMMENT_LIMIT = 60_000

export type StatusPhase = 'working' | 'finished'

export interface StatusView {
  phase: StatusPhase
  /** When finished. */
  outcome?: 'success' | 'failure' | 'cancelled' | 'timed-out' | 'started'
  agent?: string
  model?: string
  runnerId?: string
  sessionId?: string
  /** The runner's page on the Netlify dashboard. */
  runnerUrl?: string
  /** This GitHub Actions run, whose job summary holds what the comment leaves out. */
  workflowRunUrl: string
  /** A follow-up session on an existing runner. */
  followUp: boolean
  /** Shown collapsed; it came from users. */
  prompt: string
  /** The agent's steps so far: the last few are shown while working, their count when finished. */
  steps: { title: string; message?: string | null }[]
  /** The agent's result (markdown), when finished. */
  result?: string | null
  deployUrl?: string | null
  pullRequest?: { url: string; number: number | null; operation: 'created' | 'updated' }
  commit?: { sha: string; branch: string }
  /** Finished with nothing to deliver. */
  noChanges?: boolean
  diffstat?: {
    files: { path: string; additions: number; deletions: number; binary: boolean }[]
    additions: number
    deletions: number
  }
  /** Why it failed, in words. */
  failure?: string
  /** The thread and key the marker is made for (./status-marker.ts); no marker without it. */
  seal?: MarkerSeal
  /** Files of the changes that `protected-paths` matched, and whether the delivery was refused. */
  protectedFiles?: { files: string[]; refused: boolean }
  /** Who stopped the session from the thread (./thread-stop.ts), when someone did. */
  stoppedBy?: string
  /** While working: what the run still owes the thread (a sweep settles a run that owes). */
  owes?: Owed
  /** The step does not wait: a sweep writes the end. */
  detached?: boolean
  /**
   * Finished, but still owed a delivery: the post step's word on a run whose step was killed
   * after its session succeeded. A sweep delivers it, and writes the end again.
   */
  stillOwes?: Owed
}

/** The rendered result's own cap: a comment is read at a glance; the job summary has the rest. */
const RESULT_LIMIT = 20_000
const PROMPT_LIMIT = 4_000
const FAILURE_LIMIT = 4_000
const STEP_TITLE_LIMIT = 200
const STEP_MESSAGE_LIMIT = 400
const RECENT_STEPS = 5
const DIFFSTAT_ROWS = 20
const PATH_LIMIT = 400
const NAME_LIMIT = 100
const BRANCH_LIMIT = 300
const URL_LIMIT = 1_000
/** Untrusted text is cut to this before any work: no more of it could ever be shown. */
const INPUT_LIMIT = 4 * STATUS_COMMENT_LIMIT
const BROKEN_PREFIX = MARKER_PREFIX.replace(':', `:${ZWJ}`)

const HEADINGS = {
  success: '✅ Netlify agent run succeeded',
  failure: '❌ Netlify agent run failed',
  cancelled: '🚫 Netlify agent run was cancelled',
  'timed-out': '⏱️ Netlify agent run timed out',
  started: '🚀 Netlify agent run started'
} as const

// ---- untrusted text ----

interface Clean {
  text: string
  /** Cut at INPUT_LIMIT. */
  cut: boolean
}

/** Untrusted text made well-formed, cut to what could ever be shown, and unable to pass for the marker. */
function clean(raw: unknown): Clean {
  const text = typeof raw === 'string' ? raw : raw === null || raw === undefined ? '' : String(raw)
  const cut = text.length > INPUT_LIMIT
  return {
    text: wellFormed(cut ? text.slice(0, INPUT_LIMIT) : text)
      .split(MARKER_PREFIX)
      .join(BROKEN_PREFIX),
    cut
  }
}

// ---- fitting ----

/** The largest k in [0, hi] that `ok` accepts, taking `ok(0)` as given. */
function largest(hi: number, ok: (k: number) => boolean): number {
  let lo = 0
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (ok(mid)) lo = mid
    else hi = mid - 1
  }
  return lo
}

interface Fitted {
  text: string
  /** The part of the source that was rendered. */
  source: string
  cut: boolean
}

/**
 * `render(source)`, or if that is longer than `max`, the render of as much of the source as fits
 * with an ellipsis where it was cut (at the end, or at the start to keep a path's file name).
 */
function fit(
  source: string,
  max: number,
  render: (text: string) => string,
  keep: 'start' | 'end' = 'start'
): Fitted {
  // Rendering never shrinks text much (only runs of spaces), so far more than `max` never fits.
  const scan = 8 * max + 64
  if (source.length <= scan) {
    const whole = render(source)
    if (whole.length <= max) return { text: whole, source, cut: false }
  }
  const piece = (n: number): string =>
    keep === 'start' ? `${headUnits(source, n)}…` : `…${tailUnits(source, n)}`
  const n = largest(Math.min(source.length, scan), k => render(piece(k)).length <= max)
  return { text: render(piece(n)), source: piece(n), cut: true }
}

// ---- sections ----

/** A markdown link to an http(s) URL, or the bare label when the URL is not one. */
function link(label: string, url: string | null | undefined): string {
  if (typeof url !== 'string' || !/^https?:\/\/[^\s<>"'`\\]+$/i.test(url)) return label
  const safe = url.replace(/\(/g, '%28').replace(/\)/g, '%29')
  return safe.length > URL_LIMIT ? label : `[${label}](${safe})`
}

function name(text: string | undefined): string {
  return fit(clean(text).text, NAME_LIMIT, plainLine).text
}

function count(n: number, one: string, many: string): string {
  const value = Number.isFinite(n) ? Math.trunc(n) : 0
  return `${value.toLocaleString('en-US')} ${value === 1 ? one : many}`
}

function number(n: number): string {
  return Number.isFinite(n) ? Math.trunc(n).toLocaleString('en-US') : '?'
}

function heading(view: StatusView): string {
  if (view.phase === 'working') {
    const who = [name(view.agent), name(view.model)].filter(Boolean).join(' · ')
    return `## ⏳ Netlify agent is working…${who ? ` (${who})` : ''}`
  }
  if (view.outcome === 'cancelled' && view.stoppedBy) return '## ⏹️ Netlify agent run stopped'
  return `## ${view.outcome ? HEADINGS[view.outcome] : '🏁 Netlify agent run finished'}`
}

function meta(view: StatusView): string {
  const parts: string[] = []
  if (view.phase === 'finished') {
    const agent = name(view.agent)
    const model = name(view.model)
    if (agent) parts.push(`**${agent}**${model ? ` (${model})` : ''}`)
    else if (model) parts.push(model)
    if (view.outcome !== 'started') parts.push(count(view.steps.length, 'step', 'steps'))
  }
  const runner = view.runnerId ? fit(clean(view.runnerId).text, NAME_LIMIT, codeSpan).text : ''
  if (view.followUp) parts.push(`follow-up session${runner ? ` on runner ${runner}` : ''}`)
  else if (runner) parts.push(`runner ${runner}`)
  return parts.join(' · ')
}

function links(view: StatusView): string {
  const parts = [link('Open in Netlify', view.runnerUrl), link('Workflow run', view.workflowRunUrl)]
  if (view.deployUrl) parts.push(link('Deploy preview', view.deployUrl))
  return parts.filter(part => part.startsWith('[')).join(' · ')
}

function stepLine(step: StatusView['steps'][number], index: number): string {
  const title = fit(collapse(clean(step?.title).text), STEP_TITLE_LIMIT, agentLine).source
  const message = fit(collapse(clean(step?.message).text), STEP_MESSAGE_LIMIT, agentLine).source
  return agentStep(index + 1, title, message)
}

function recentSteps(steps: StatusView['steps']): string {
  if (steps.length === 0) return "_Waiting for the agent's first step…_"
  const shown = steps.slice(-RECENT_STEPS)
  const first = steps.length - shown.length
  const earlier = first > 0 ? `_…${count(first, 'earlier step', 'earlier steps')}, then:_\n\n` : ''
  const list = shown.map((step, i) => stepLine(step, first + i)).join('\n')
  return `### Steps so far: ${number(steps.length)}\n\n${earlier}${list}`
}

/** A quote block of GitHub's alert kind, holding plain text. */
function alert(kind: 'CAUTION' | 'WARNING', text: string, max: number): string {
  return fit(clean(text).text.trim(), max, s => alertBlock(kind, s)).text
}

function delivery(view: StatusView): string {
  const lines: string[] = []
  const pr = view.pullRequest
  if (pr) {
    const label =
      Number.isSafeInteger(pr.number) && (pr.number ?? 0) > 0 ? `#${pr.number}` : 'a pull request'
    lines.push(
      `🔀 ${pr.operation === 'updated' ? 'Updated' : 'Opened'} pull request ${link(label, pr.url)}.`
    )
  }
  if (view.commit) {
    const sha = clean(view.commit.sha).text.trim()
    const short = /^[0-9a-f]{7,64}$/i.test(sha)
      ? sha.slice(0, 7)
      : fit(sha, NAME_LIMIT, codeSpan).text
    const branch = fit(clean(view.commit.branch).text, BRANCH_LIMIT, codeSpan).text
    lines.push(`📌 Committed ${short} to ${branch}.`)
  }
  const nothing = view.noChanges || (view.diffstat && view.diffstat.files.length === 0)
  if (lines.length === 0 && nothing) lines.push('The agent made no changes.')
  return lines.join('\n\n')
}

function diffstat(view: StatusView): string {
  const stat = view.diffstat
  if (!stat || stat.files.length === 0) return ''
  const cell = (path: string): string => fit(clean(path).text, PATH_LIMIT, codeCell, 'end').text
  const rows = stat.files
    .slice(0, DIFFSTAT_ROWS)
    .map(f =>
      f.binary
        ? `| ${cell(f.path)} | binary | |`
        : `| ${cell(f.path)} | ${number(f.additions)} | ${number(f.deletions)} |`
    )
  const more = stat.files.length - DIFFSTAT_ROWS
  return [
    `### ${count(stat.files.length, 'file', 'files')} changed, +${number(stat.additions)} −${number(stat.deletions)}`,
    `| File | + | − |\n|---|--:|--:|\n${rows.join('\n')}`,
    ...(more > 0 ? [`_…and ${count(more, 'more file', 'more files')}._`] : []),
    `The full diff is in the ${link('job summary', view.workflowRunUrl)} of the workflow run.`
  ].join('\n\n')
}

function protectedFiles(view: StatusView): string {
  const found = view.protectedFiles
  if (!found || found.files.length === 0) return ''
  const n = found.files.length
  const rows = found.files
    .slice(0, DIFFSTAT_ROWS)
    .map(path => `- ${fit(clean(path).text, PATH_LIMIT, codeSpan, 'end').text}`)
  const more = n - DIFFSTAT_ROWS
  const what = found.refused
    ? 'nothing was delivered. To deliver them anyway, set `on-protected-paths: warn` in the workflow, or change `protected-paths`.'
    : 'they were delivered (`on-protected-paths: warn`): review them before merging.'
  return [
    `### 🛡️ ${count(n, 'protected file', 'protected files')}`,
    `${n === 1 ? 'This file matches' : 'These files match'} \`protected-paths\`, so ${what}`,
    rows.join('\n'),
    ...(more > 0 ? [`_…and ${count(more, 'more file', 'more files')}._`] : [])
  ].join('\n\n')
}

function prompt(view: StatusView): string {
  const source = clean(view.prompt)
  if (!source.text.trim()) return ''
  const block = fit(source.text, PROMPT_LIMIT, text => codeBlock(text, 'text'))
  const note =
    block.cut || source.cut
      ? `\n\n_The prompt is cut here; the whole of it is in the ${link('job summary', view.workflowRunUrl)}._`
      : ''
  return `<details><summary>Prompt</summary>\n\n${block.text}${note}\n\n</details>`
}

function resultSection(view: StatusView, budget: number): string {
  const source = clean(view.result)
  const text = source.text.trimEnd()
  if (!text.trim()) return ''
  const note = `> [!NOTE]\n> The result is cut here to keep this comment short; the whole of it is in the ${link('job summary', view.workflowRunUrl)}.`
  const title = '### Result'
  const room = Math.min(RESULT_LIMIT, budget - title.length - note.length - 4)
  if (room <= 0) return `${title}\n\n${note}`
  const quoted = agentQuoteWithin(text, room)
  return `${title}\n\n${quoted.markdown}${quoted.cut || source.cut ? `\n\n${note}` : ''}`
}

function markerOf(view: StatusView): string {
  if (!view.seal || !view.runnerId || !isMarkerId(view.runnerId)) return ''
  const sessionId = view.sessionId && isMarkerId(view.sessionId) ? view.sessionId : undefined
  const ids = { runnerId: view.runnerId, sessionId }
  const stopper = view.stoppedBy && isLogin(view.stoppedBy) ? view.stoppedBy : undefined
  const owes = view.phase === 'working' ? view.owes : view.stillOwes
  return formatMarker(
    { ...ids, ...(stopper ? { stoppedBy: stopper } : {}), ...(owes ? { owes } : {}) },
    view.seal
  )
}

const SWEEP_PROMISE: Record<Owed, string> = {
  'pull-request': 'opens the pull request and writes how the run ended here',
  commit: 'commits the changes and writes how the run ended here',
  report: 'writes how the run ended here'
}

/** The working comment's last line: who writes the next word. */
function workingNote(view: StatusView): string {
  if (!view.detached || !view.owes) return '_This comment is updated as the agent works._'
  return `_The workflow step did not wait for the agent: once it is done, a scheduled sweep (\`command: sweep\`) ${SWEEP_PROMISE[view.owes]}._`
}

/**
 * The comment's markdown, under STATUS_COMMENT_LIMIT characters whatever the inputs: every part
 * has a cap of its own, and the agent's result gets what is left (at most RESULT_LIMIT). Ends with
 * the marker when the runner id and the seal are known.
 */
export function renderStatusComment(view: StatusView): string {
  const marker = markerOf(view)
  const top = [heading(view), meta(view), links(view)]
  let bottom: string[]
  if (view.phase === 'working') {
    bottom = [recentSteps(view.steps), prompt(view), workingNote(view)]
  } else if (view.outcome === 'started') {
    bottom = [
      `The step did not wait for the run; follow it on the ${link('Netlify dashboard', view.runnerUrl)}.`,
      prompt(view)
    ]
  } else {
    if (view.stoppedBy) top.push(stopNote(view.stoppedBy, 'stopped'))
    if (view.failure?.trim()) top.push(alert('CAUTION', view.failure, FAILURE_LIMIT))
    top.push(delivery(view), protectedFiles(view), diffstat(view))
    bottom = [prompt(view)]
  }
  const join = (parts: string[]): string => parts.filter(Boolean).join('\n\n')
  const fixed = join([...top, ...bottom, marker]).length
  const result =
    view.phase === 'finished' ? resultSection(view, STATUS_COMMENT_LIMIT - fixed - 2) : ''
  return join([...top, result, ...bottom, marker])
}

/** The short reply to someone who may not start (or stop) runs: why, and where to read more. */
export function renderRefusal(
  reason: string,
  workflowRunUrl: string,
  heading = '⛔ Netlify agent run not started'
): string {
  return [
    `## ${heading}`,
    alert('WARNING', reason, FAILURE_LIMIT),
    `See the ${link('workflow run', workflowRunUrl)} for details.`
  ].join('\n\n')
}
