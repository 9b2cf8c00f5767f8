// What a workflow event asks for: whether it starts an agent (or, `@netlify stop`, stops one), on
// which issue or pull request, who asked, and the request itself. Pure, in two steps:
// decideTrigger reads the payload (cheaply: a comment that does not even contain the phrase is
// skipped here), and requestOf makes the request from what GitHub shows of the text, which the
// caller reads from GitHub (`body_html`) in between.
// The agent gets only what a maintainer could see: see ../markdown/visible-text.ts.
import { plainLine, stripInvisible } from '../markdown/invisible.js'

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
  | {
      kind: 'issue-label'
      actor: Actor
      issueNumber: number
      /** As GitHub shows it: plain text, invisible characters removed. */
      title: string
      /** The issue's body; the request is made of what GitHub shows of it (see requestOf). */
      text: Untrusted
    }
  | {
      kind: 'comment'
      actor: Actor
      issueNumber: number
      isPullRequest: boolean
      commentId: number
      commentKind: 'issue' | 'review'
      /** A review comment's pull request head; undefined for an issue_comment (fetch the PR). */
      headBranch: string | undefined
      /** The comment; it asks for an agent only if GitHub shows the phrase (see requestOf). */
      text: Untrusted
    }

export type Triggered = Extract<Trigger, { text: Untrusted }>

/** Where GitHub keeps a text that becomes part of a prompt. */
export type TextSource =
  | { kind: 'issue'; number: number }
  | { kind: 'issue-comment'; id: number }
  | { kind: 'review-comment'; id: number }

/** Untrusted text: where it is, and what the event said it was when the request was made. */
export interface Untrusted {
  source: TextSource
  raw: string
}

/** What GitHub has now for a text, read with the `full` media type. */
export interface Rendered {
  /** The Markdown as stored now (an edit after the event changes it). */
  body: string
  /** The HTML GitHub shows for it. */
  html: string
}

/** What a maintainer sees in HTML GitHub rendered, with the mention found and taken out of prose. */
export type See = (
  html: string,
  options: { mention?: RegExp; ownWordsOnly?: boolean }
) => { text: string; mentions: number }

export type Request =
  /** `reply`: worth a word on the thread (once the actor is known to be allowed). */
  | { kind: 'skip'; reason: string; reply: boolean }
  | { kind: 'request'; prompt: string }
  /** `@netlify stop`: stop what the thread's runner is doing; nothing starts. */
  | { kind: 'stop' }

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

  return {
    kind: 'issue-label',
    actor,
    issueNumber,
    title: plainLine(text(issue.title) ?? ''),
    text: { source: { kind: 'issue', number: issueNumber }, raw: text(issue.body) ?? '' }
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
  // Cheap, before GitHub is asked what it shows: most comments do not even contain the phrase.
  // Whether a maintainer could see it as a request is for requestOf to say.
  if (
    !stripInvisible(raw ?? '')
      .toLowerCase()
      .includes(phrase.toLowerCase())
  ) {
    return skip(notMentioned(phrase))
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
    headBranch: target.headBranch,
    text: {
      source:
        commentKind === 'issue'
          ? { kind: 'issue-comment', id: commentId }
          : { kind: 'review-comment', id: commentId },
      raw: raw ?? ''
    }
  }
}

function notMentioned(phrase: string): string {
  return `The comment does not mention ${phrase} outside quotes and code, so it does not ask for an agent.`
}

/**
 * The request a trigger makes, from what GitHub has now for its text: refused if the text was
 * edited since the event (what GitHub shows is no longer what was asked for), and otherwise made
 * of what GitHub shows: `see` reads its HTML (../markdown/visible-text.ts in production).
 */
export function requestOf(
  trigger: Triggered,
  rendered: Rendered,
  options: TriggerOptions,
  see: See
): Request {
  if (rendered.body !== trigger.text.raw) {
    const reason =
      trigger.kind === 'issue-label'
        ? `Issue #${trigger.issueNumber} was edited after the "${options.label}" label was added, so its text on GitHub is no longer the one the label asked for; nothing was started. Remove the label and add it again to run on the issue as it is now.`
        : 'The comment was edited after it was posted, so its text on GitHub is no longer the one that asked; nothing was started. Post a new comment to ask again.'
    return { kind: 'skip', reason, reply: true }
  }
  if (trigger.kind === 'issue-label') {
    const body = see(rendered.html, {}).text
    const heading = `Issue #${trigger.issueNumber}: ${trigger.title}`.trimEnd()
    const issueText = body === '' ? heading : `${heading}\n\n${body}`
    return { kind: 'request', prompt: withInstructions(options.prompt, issueText) }
  }
  const phrase = options.triggerPhrase.trim()
  // Decided on the comment's own words, so that a stop can quote what it answers.
  if (stopPattern(phrase).test(see(rendered.html, { ownWordsOnly: true }).text)) {
    return { kind: 'stop' }
  }
  // A mention a maintainer could not see (in an HTML comment, in code, in a quote) asks nothing.
  const shown = see(rendered.html, { mention: mentionPattern(phrase) })
  if (shown.mentions === 0) return { kind: 'skip', reason: notMentioned(phrase), reply: false }
  const instructions = options.prompt?.trim() || undefined
  // A bare mention with the workflow's own instructions asks for exactly those.
  if (!/[\p{L}\p{N}]/u.test(shown.text) && instructions === undefined) {
    return { kind: 'skip', reason: `The comment has no instruction after ${phrase}.`, reply: false }
  }
  return { kind: 'request', prompt: withInstructions(options.prompt, shown.text) }
}

/**
 * A stop request: the phrase and `stop` alone (`@netlify stop`, `@Netlify STOP!`), nothing else;
 * `@netlify stop the dev server` is a prompt.
 */
export function stopPattern(phrase: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(phrase)}\\s+stop[.!]?\\s*$`, 'iu')
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * The phrase as a whole mention: `@netlify`, not `@netlifyfoo`, `@netlify/functions` or
 * `x@netlify.com`.
 */
export function mentionPattern(phrase: string): RegExp {
  const escaped = escapeRegExp(phrase)
  return new RegExp(
    `(?<![\\p{L}\\p{N}_@./+-])${escaped}(?![\\p{L}\\p{N}_/-]|\\.[\\p{L}\\p{N}_])`,
    'giu'
  )
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
