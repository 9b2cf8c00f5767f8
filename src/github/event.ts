// What a workflow event asks for: whether it starts an agent, on which issue or pull request, who
// asked, and the request itself, made from untrusted text only through ./untrusted.ts. Pure: the
// caller reads the event name and payload (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH) and passes them in.
import { sanitizeUntrusted, sanitizeUntrustedLine } from './untrusted.js'

export const DEFAULT_LABEL = 'netlify-agent'
export const DEFAULT_TRIGGER_PHRASE = '@netlify'

/**
 * How every hidden marker this action writes begins, the status comment's among them
 * (`<!-- netlify-agent-runners-action:status runner=… -->`). A comment carrying one is the action's
 * own, and must not start it again.
 */
export const ACTION_MARKER = '<!-- netlify-agent-runners-action:'

export interface TriggerOptions {
  /** The label that starts an agent on an issue (default 'netlify-agent'). */
  label: string
  /** The mention that starts an agent from a comment (default '@netlify'). */
  triggerPhrase: string
  /** The `prompt` input: the workflow's own instructions, put before the issue or comment. */
  prompt: string | undefined
}

export interface Actor {
  login: string
  isBot: boolean
}

export type Trigger =
  /** Not triggered: no request is made. The reason is a sentence for the log and `skip-reason`. */
  | { kind: 'skip'; reason: string }
  /** schedule, workflow_dispatch, push and any other event: no gating; the caller needs a prompt. */
  | { kind: 'manual' }
  | { kind: 'issue-label'; actor: Actor; issueNumber: number; prompt: string; title: string }
  | {
      kind: 'comment'
      actor: Actor
      issueNumber: number
      isPullRequest: boolean
      commentId: number
      commentKind: 'issue' | 'review'
      /** The workflow's instructions, then the comment without the mention, sanitized. */
      prompt: string
      /** A review comment's pull request head; undefined for an issue_comment (fetch the PR). */
      headBranch: string | undefined
    }

/** Decides what the event asks for. Never throws: a payload without what it needs is a skip. */
export function decideTrigger(
  eventName: string,
  payload: unknown,
  options: TriggerOptions
): Trigger {
  const event = record(payload) ?? {}
  switch (eventName) {
    case 'issues':
      return fromIssueEvent(event, options)
    case 'issue_comment':
      return fromComment(event, options, 'issue')
    case 'pull_request_review_comment':
      return fromComment(event, options, 'review')
    case 'pull_request_review':
      // A review has no comment id to react to or answer, and each of its line comments arrives
      // as a pull_request_review_comment of its own, which is where a request belongs.
      return skip(
        `A pull request review does not start an agent, even when it mentions ${options.triggerPhrase}; mention it in a comment on the pull request or on a line of its diff instead.`
      )
    default:
      return { kind: 'manual' }
  }
}

function fromIssueEvent(event: Fields, options: TriggerOptions): Trigger {
  const action = text(event.action) ?? 'changed'
  if (action !== 'labeled') {
    return skip(
      `The issue was ${action}; only adding the "${options.label}" label to an issue starts an agent.`
    )
  }
  const label = text(record(event.label)?.name)
  if (label === undefined) return skip('The issue was labeled, but the event names no label.')
  // GitHub treats label names without regard to case ("Netlify-Agent" is the same label).
  if (label.toLowerCase() !== options.label.trim().toLowerCase()) {
    return skip(`The label "${label}" is not "${options.label}", the label that starts an agent.`)
  }
  const issue = record(event.issue)
  const issueNumber = integer(issue?.number)
  if (issue === undefined || issueNumber === undefined) {
    return skip('The issue was labeled, but the event carries no issue number.')
  }
  const actor = actorOf(event)
  if (!actor) return skip('The issue was labeled, but the event does not say by whom.')

  const title = sanitizeUntrustedLine(text(issue.title) ?? '')
  const body = sanitizeUntrusted(text(issue.body) ?? '')
  const heading = `Issue #${issueNumber}: ${title}`.trimEnd()
  const issueText = body === '' ? heading : `${heading}\n\n${body}`
  return {
    kind: 'issue-label',
    actor,
    issueNumber,
    prompt: withInstructions(options.prompt, issueText),
    title
  }
}

function fromComment(
  event: Fields,
  options: TriggerOptions,
  commentKind: 'issue' | 'review'
): Trigger {
  const action = text(event.action) ?? 'changed'
  if (action !== 'created') {
    // An edit would start the same request a second time, or start one after the fact that
    // nobody saw asked for when the comment was posted.
    return skip(
      `The comment was ${action}; only a new comment starts an agent, so that editing or deleting a request does not run it again.`
    )
  }
  const comment = record(event.comment)
  const commentId = integer(comment?.id)
  const raw = text(comment?.body)
  if (comment === undefined || commentId === undefined) {
    return skip('The event carries no comment to read a request from.')
  }
  if (raw?.includes(ACTION_MARKER)) {
    return skip("The comment is this action's own status comment, not a request.")
  }

  const phrase = options.triggerPhrase.trim()
  if (phrase === '') return skip('The trigger phrase is empty, so no comment can start an agent.')
  // Sanitize first: a mention hidden in an HTML comment or behind invisible characters was never
  // seen by a maintainer, so it must not count as a request.
  const visible = sanitizeUntrusted(raw ?? '')
  const mentions = findMentions(visible, phrase)
  if (mentions.length === 0) {
    return skip(
      `The comment does not mention ${phrase} outside quotes and code, so it does not ask for an agent.`
    )
  }
  const request = withoutMentions(visible, mentions)
  const instructions = options.prompt?.trim() || undefined
  // A bare mention with the workflow's own instructions asks for exactly those.
  if (!/[\p{L}\p{N}]/u.test(request) && instructions === undefined) {
    return skip(`The comment has no instruction after ${phrase}.`)
  }

  const target = locate(event, commentKind)
  if (!target) return skip('The comment event carries no issue or pull request number.')
  const actor = actorOf(event, comment)
  if (!actor) return skip('The comment event does not say who wrote the comment.')
  return {
    kind: 'comment',
    actor,
    issueNumber: target.number,
    isPullRequest: target.isPullRequest,
    commentId,
    commentKind,
    prompt: withInstructions(options.prompt, request),
    headBranch: target.headBranch
  }
}

function locate(
  event: Fields,
  commentKind: 'issue' | 'review'
): { number: number; isPullRequest: boolean; headBranch: string | undefined } | undefined {
  if (commentKind === 'review') {
    const pull = record(event.pull_request)
    const number = integer(pull?.number)
    if (number === undefined) return undefined
    return { number, isPullRequest: true, headBranch: text(record(pull?.head)?.ref) }
  }
  const issue = record(event.issue)
  const number = integer(issue?.number)
  if (number === undefined) return undefined
  // issue_comment fires for pull requests too; their "issue" carries a pull_request link.
  const isPullRequest = record(issue?.pull_request) !== undefined
  return { number, isPullRequest, headBranch: undefined }
}

/** The sender, as GitHub reports who caused the event; a comment's author if there is none. */
function actorOf(event: Fields, comment?: Fields): Actor | undefined {
  for (const user of [record(event.sender), record(comment?.user)]) {
    const login = text(user?.login)
    if (user && login) return { login, isBot: user.type === 'Bot' || login.endsWith('[bot]') }
  }
  return undefined
}

function withInstructions(instructions: string | undefined, request: string): string {
  const first = instructions?.trim()
  const rest = request.trim()
  if (!first) return rest
  return rest === '' ? first : `${first}\n\n${rest}`
}

function skip(reason: string): Trigger {
  return { kind: 'skip', reason }
}

// ---- mentions ----

interface Mention {
  index: number
  length: number
}

const OPENING_FENCE = /^\s*(?:(?:[-+*]|\d{1,9}[.)])\s+)*(`{3,}|~{3,})/
const CLOSING_FENCE = /^\s*(`{3,}|~{3,})\s*$/
const QUOTED = /^\s*(?:(?:[-+*]|\d{1,9}[.)])\s+)*>/
/** A code span: a backtick run, then the same run, not across a blank line. */
const CODE_SPAN = /(?<!`)(`+)(?!`)(?:(?!\n[ \t]*\n)[\s\S])*?(?<!`)\1(?!`)/g

/**
 * Where the phrase is mentioned as a request: a whole mention (`@netlify`, not `@netlifyfoo`,
 * `@netlify/functions` or `x@netlify.com`), outside code, and outside quoted lines, so that a
 * reply quoting an earlier request does not make it again.
 */
function findMentions(visible: string, phrase: string): Mention[] {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}_@./+-])${escaped}(?![\\p{L}\\p{N}_/-]|\\.[\\p{L}\\p{N}_])`,
    'giu'
  )
  const prose = blankCodeAndQuotes(visible)
  return Array.from(prose.matchAll(pattern), match => ({
    index: match.index,
    length: match[0].length
  }))
}

/** The text with code and quoted lines blanked out, index for index. */
function blankCodeAndQuotes(text: string): string {
  const blank = (part: string) => part.replace(/[^\n]/g, ' ')
  let fence: string | undefined
  const lines = text.split('\n').map(line => {
    if (fence !== undefined) {
      const closing = CLOSING_FENCE.exec(line)?.[1]
      if (closing && closing[0] === fence[0] && closing.length >= fence.length) fence = undefined
      return blank(line)
    }
    const opening = OPENING_FENCE.exec(line)?.[1]
    if (opening) {
      fence = opening
      return blank(line)
    }
    return QUOTED.test(line) ? blank(line) : line
  })
  return lines.join('\n').replace(CODE_SPAN, blank)
}

/**
 * The request without its mentions. A mention takes the punctuation and spaces after it with it
 * ("@netlify, fix it" leaves "fix it"); a line that held only the mention goes.
 */
function withoutMentions(visible: string, mentions: readonly Mention[]): string {
  let out = ''
  let last = 0
  let line = 0
  const touched = new Set<number>()
  for (const mention of mentions) {
    const before = visible.slice(last, mention.index)
    out += before
    line += before.split('\n').length - 1
    touched.add(line)
    const end = mention.index + mention.length
    last = end + (/^[,:;]?[ \t]*/.exec(visible.slice(end))?.[0].length ?? 0)
  }
  out += visible.slice(last)

  const lines = out.split('\n')
  const kept: string[] = []
  for (let n = 0; n < lines.length; n++) {
    const line = touched.has(n) ? (lines[n] ?? '').trimEnd() : (lines[n] ?? '')
    if (touched.has(n) && line.trim() === '') {
      // Keep one blank line where the mention's line sat between two.
      const before = kept[kept.length - 1]
      if ((before === undefined || before.trim() === '') && (lines[n + 1] ?? '').trim() === '') n++
      continue
    }
    kept.push(line)
  }
  return kept.join('\n').trim()
}

// ---- reading the payload ----

type Fields = { readonly [key: string]: unknown }

function record(value: unknown): Fields | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Fields)
    : undefined
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function integer(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined
}
