// What a started run carries to say which workflow step started it, and what that step still owes
// it. Netlify stores nothing of the caller's but the prompt, so the tag is a last line of the
// prompt, an HTML comment: invisible where the prompt is rendered.
//
// - A re-run of the same step in the same workflow attempt (a job re-queued after its runner was
//   lost) finds the run it started by the whole prompt, and does not start a second. A new
//   attempt ("Re-run jobs") has a new tag, and starts afresh. So the tag holds only what such a
//   re-run derives identically: `timeout-minutes`, never an absolute deadline.
// - A sweep (./commands/sweep.ts) reads from it what was asked: whether the step waited, the
//   delivery, the timeout, and the thread to tell. Anyone on the site's team can write a prompt on
//   Netlify's dashboard, so the tag carries a MAC of its content, keyed from the Netlify token,
//   and a tag whose MAC does not verify asks for nothing.
import { createHash } from 'node:crypto'
import type { TextSource } from './github/event.js'
import { derivedKey, macMatches, macOf, MAC_PATTERN } from './seal.js'
import type { OnTimeout, Settings } from './settings/settings.js'

const TAG_PREFIX = 'netlify-agent-runners-action'
const KEY_LABEL = 'netlify-agent-runners-action/run-tag/v1'

/** The workflow step this is, as the runner's environment names it. */
export interface WorkflowStep {
  repository: string
  runId: string
  attempt: string
  job: string
  step: string
}

/** The issue or pull request a run reports to, and the text that asked for it. */
export interface RunThread {
  issueNumber: number
  trigger: TextSource
}

export type OwedDelivery =
  { kind: 'pull-request' } | { kind: 'commit'; branch: string } | { kind: 'none' }

/** What the step that started a run owes it, as a later step (a sweep) needs to know it. */
export interface RunDebt {
  /** The step did not wait (`wait: false`): the sweep settles the run. */
  detached: boolean
  delivery: OwedDelivery
  timeoutMinutes: number
  onTimeout: OnTimeout
  thread: RunThread | undefined
  /**
   * The protected-paths guard the step would have applied (../protected-paths.ts guardOf): a
   * sweep delivers only under the same one, never a looser one.
   */
  guard: string
}

/** The delivery the inputs ask for. */
export function deliveryOf(
  settings: Pick<Settings, 'pullRequest' | 'commitToBranch'>
): OwedDelivery {
  if (settings.pullRequest) return { kind: 'pull-request' }
  return settings.commitToBranch === undefined
    ? { kind: 'none' }
    : { kind: 'commit', branch: settings.commitToBranch }
}

/** A run its step does not wait for, started in a workflow: a sweep settles it. */
export function isDetached(settings: Pick<Settings, 'wait' | 'workflowStep'>): boolean {
  return !settings.wait && settings.workflowStep !== undefined
}

/** A tag as read back from a prompt whose MAC verified. */
export interface ReadTag {
  /** The tag's whole line, as signed: the same in a copy of it. */
  line: string
  step: WorkflowStep
  debt: RunDebt
}

/** The step, or undefined outside GitHub Actions. */
export function workflowStepOf(env: NodeJS.ProcessEnv): WorkflowStep | undefined {
  const { GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT, GITHUB_JOB, GITHUB_ACTION } = env
  if (!GITHUB_REPOSITORY || !GITHUB_RUN_ID) return undefined
  return {
    repository: GITHUB_REPOSITORY,
    runId: GITHUB_RUN_ID,
    attempt: GITHUB_RUN_ATTEMPT || '1',
    job: GITHUB_JOB ?? '',
    step: GITHUB_ACTION ?? ''
  }
}

/** The key that signs run tags: every step with the same Netlify token derives it. */
export function tagKey(netlifyToken: string): Buffer {
  return derivedKey(netlifyToken, KEY_LABEL)
}

function deliveryWord(delivery: OwedDelivery): string {
  // A branch name may hold characters an HTML comment or this tag's spaces would not survive.
  return delivery.kind === 'commit'
    ? `commit:${encodeURIComponent(delivery.branch)}`
    : delivery.kind
}

function sourceWord(source: TextSource): string {
  return source.kind === 'issue' ? `issue:${source.number}` : `${source.kind}:${source.id}`
}

/**
 * The tag of this step's run. `request` is everything else the start sends, so that matrix legs
 * that differ only by agent or model stay apart.
 */
export function runTag(
  step: WorkflowStep,
  request: Record<string, unknown>,
  debt: RunDebt,
  key: Buffer
): string {
  const fields = Object.keys(request)
    .sort()
    .map(name => [name, request[name]])
  const hash = createHash('sha256').update(JSON.stringify(fields)).digest('hex').slice(0, 12)
  const words = [
    `${TAG_PREFIX} ${step.repository}`,
    `run=${step.runId}`,
    `attempt=${step.attempt}`,
    `job=${step.job}`,
    `step=${step.step}`,
    `request=${hash}`,
    `detached=${debt.detached}`,
    `deliver=${deliveryWord(debt.delivery)}`,
    `timeout=${debt.timeoutMinutes}`,
    `on-timeout=${debt.onTimeout}`,
    `guard=${debt.guard}`,
    ...(debt.thread
      ? [`thread=${debt.thread.issueNumber}`, `trigger=${sourceWord(debt.thread.trigger)}`]
      : [])
  ]
  const content = words.join(' ')
  return `${content} mac=${macOf(key, [content])}`
}

/** The prompt as sent: the user's, then the tag on a line of its own. */
export function taggedPrompt(prompt: string, tag: string | undefined): string {
  return tag ? `${prompt}\n\n<!-- ${tag} -->` : prompt
}

const TAG_LINE = new RegExp(`\\n\\n<!-- (${TAG_PREFIX} [^\\n]*) -->$`)

/** A prompt as the user wrote it: without the tag line, if it carries one. */
export function untaggedPrompt(prompt: string): string {
  return prompt.replace(TAG_LINE, '')
}

const ID = /^[A-Za-z0-9_.-]{0,200}$/
const NUMBER = /^[1-9][0-9]{0,15}$/

function readSource(word: string | undefined): TextSource | undefined {
  const match = /^(issue|issue-comment|review-comment):([1-9][0-9]{0,15})$/.exec(word ?? '')
  if (!match?.[1] || !match[2]) return undefined
  const where = Number(match[2])
  return match[1] === 'issue'
    ? { kind: 'issue', number: where }
    : { kind: match[1] as 'issue-comment' | 'review-comment', id: where }
}

function readDelivery(word: string | undefined): OwedDelivery | undefined {
  if (word === 'pull-request' || word === 'none') return { kind: word }
  const branch = /^commit:(.+)$/.exec(word ?? '')?.[1]
  if (branch === undefined) return undefined
  try {
    return { kind: 'commit', branch: decodeURIComponent(branch) }
  } catch {
    return undefined
  }
}

/**
 * The tag a prompt ends with, if this key signed it and it stands for `repository`; anything
 * else (no tag, an older tag without a MAC, one that does not verify) is undefined.
 */
export function readRunTag(prompt: string, key: Buffer, repository: string): ReadTag | undefined {
  const line = TAG_LINE.exec(prompt)?.[1]
  const signed = line && new RegExp(`^(.*) mac=(${MAC_PATTERN})$`).exec(line)
  if (!signed?.[1] || !signed[2] || !macMatches(key, [signed[1]], signed[2])) return undefined
  const [, repo, ...pairs] = signed[1].split(' ')
  if (repo?.toLowerCase() !== repository.toLowerCase()) return undefined
  const field = new Map(
    pairs.map(pair => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)])
  )
  const get = (name: string) => field.get(name)
  const delivery = readDelivery(get('deliver'))
  const timeoutMinutes = Number(get('timeout'))
  const onTimeout = get('on-timeout')
  const runId = get('run') ?? ''
  const guard = get('guard') ?? ''
  if (!/^[0-9a-f]{12}$/.test(guard)) return undefined
  if (!delivery || !(timeoutMinutes > 0) || (onTimeout !== 'stop' && onTimeout !== 'leave')) {
    return undefined
  }
  if (![runId, get('job'), get('step')].every(id => ID.test(id ?? ''))) {
    return undefined
  }
  const issue = get('thread')
  const trigger = readSource(get('trigger'))
  const thread =
    issue !== undefined && NUMBER.test(issue) && trigger
      ? { issueNumber: Number(issue), trigger }
      : undefined
  return {
    line: signed[0],
    step: {
      repository: repo,
      runId,
      attempt: get('attempt') ?? '1',
      job: get('job') ?? '',
      step: get('step') ?? ''
    },
    debt: {
      detached: get('detached') === 'true',
      delivery,
      timeoutMinutes,
      onTimeout,
      thread,
      guard
    }
  }
}
