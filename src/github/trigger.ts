// What a label or comment event makes of `run`: whether it runs at all (the label, the phrase,
// who asked), with which prompt, on which runner (a follow-up on the pull request's or issue's
// runner, found by the status comment's marker or by branch) and who watches it (the status
// comment, the trigger's reactions); or, for `@netlify stop`, which runner to stop. Nothing is
// sent to Netlify for an event that is skipped.
import { readFileSync } from 'node:fs'
import type { NetlifyClient } from '../netlify/client.js'
import type { AgentRunner, Site } from '../netlify/types.js'
import { NetlifyApiError } from '../netlify/errors.js'
import { normalizeState } from '../netlify/lifecycle.js'
import type { Redact } from '../redact.js'
import type { Settings } from '../settings/index.js'
import * as core from '@actions/core'
import { createGitHubClient, ownCommentTest, type Comment, type GitHubClient } from './client.js'
import {
  decideTrigger,
  requestOf,
  type Rendered,
  type TextSource,
  type Triggered,
  type TriggerOptions
} from './event.js'
import { mayStartRuns } from './permissions.js'
import { threadObserver } from './run-observers.js'
import { renderRefusal } from './status-comment.js'
import { markerKey, parseMarker, type MarkerSeal, type Owed } from './status-marker.js'
import { StatusReporter, type RunObserver } from './status-reporter.js'
import { deliveryOf, isDetached } from '../run-tag.js'
import type { ThreadStop } from './thread-stop.js'
import { TriggerReactions } from './trigger-reactions.js'

/** What the plan read of Netlify, so that the run need not read it again. */
export interface PlanReads {
  site?: Site
  /** The runner the run follows up on. */
  runner?: AgentRunner
}

export type EventPlan =
  | { kind: 'skip'; reason: string }
  | { kind: 'run'; settings: Settings; observer: RunObserver | undefined; read?: PlanReads }
  /** `@netlify stop`, from someone allowed to: ./thread-stop.ts carries it out. */
  | { kind: 'stop'; stop: ThreadStop }

/** The runner named by the newest status comment this action left on the thread. */
function runnerFromComments(
  comments: Comment[],
  isOwn: (comment: Comment) => boolean,
  seal: MarkerSeal
): string | undefined {
  for (const comment of [...comments].reverse()) {
    // Anyone can paste a marker; only the action's own comments, with a MAC for this thread, count.
    if (!isOwn(comment)) continue
    const ids = parseMarker(comment.body, seal)
    if (ids) return ids.runnerId
  }
  return undefined
}

/** A runner of the site whose result or pull request branch is `branch`. */
async function runnerOnBranch(
  netlify: NetlifyClient,
  site: { id: string; account_id: string },
  branch: string
): Promise<string | undefined> {
  const scope = { account_id: site.account_id, site_id: site.id }
  const matches = (r: { result_branch: string | null; pr_branch: string | null }) =>
    r.result_branch === branch || r.pr_branch === branch
  const byResult = await netlify.listRunners({ ...scope, result_branch: branch, per_page: 10 })
  const found = byResult.items.find(matches)
  if (found) return found.id
  // The list cannot filter by pull request branch: look among the newest runners.
  const recent = await netlify.listRunners({ ...scope, per_page: 100 })
  return recent.items.find(matches)?.id
}

/** The runner, if it is still there to follow up on (on this site, not archived). */
async function usable(
  netlify: NetlifyClient,
  runnerId: string,
  siteId: string
): Promise<AgentRunner | undefined> {
  try {
    const runner = await netlify.getRunner(runnerId)
    if (runner.site_id !== siteId || normalizeState(runner.state) === 'archived') return undefined
    return runner
  } catch (err) {
    if (err instanceof NetlifyApiError && err.status === 404) return undefined
    throw err
  }
}

interface Target {
  agentRunnerId?: string
  branch?: string
  /** Set when the run must update the thread's pull request. */
  pullRequest?: boolean
  read?: PlanReads
}

/** Where the thread's runner is looked for, and with what. */
interface ThreadLookup {
  github: GitHubClient
  netlify: NetlifyClient
  site: Site
  repository: string
  /** The runner the newest status comment of the action names. */
  fromMarker: () => Promise<string | undefined>
}

interface ThreadRunner {
  runnerId: string | undefined
  /** The runner as it was read to tell it is usable. */
  runner?: AgentRunner
  /** On a pull request: its head branch, and the fork it comes from (null: a deleted fork). */
  pull?: { head: string; fork: string | null | undefined }
}

/**
 * The thread's runner, as a follow-up finds it: named by the action's status comment, or (on a
 * pull request of this repository) the runner whose branch it is. `look: false` looks for none
 * (but still reads the pull request).
 */
async function threadRunner(
  trigger: Extract<Triggered, { kind: 'comment' }>,
  lookup: ThreadLookup,
  look: boolean
): Promise<ThreadRunner> {
  const { github, netlify, site } = lookup
  const find = async (by: () => Promise<string | undefined>) => {
    if (!look) return undefined
    const runnerId = await by()
    return runnerId ? await usable(netlify, runnerId, site.id) : undefined
  }
  const fromMarker = await find(lookup.fromMarker)
  if (!trigger.isPullRequest) return { runnerId: fromMarker?.id, runner: fromMarker }

  const pull = await github.pullRequest(trigger.issueNumber)
  const head = trigger.headBranch ?? pull.headRef
  // A fork's branch name says nothing about our runners (it may copy one): only our marker counts.
  // A head repository GitHub no longer knows (null) was a fork that has since been deleted.
  const fork =
    pull.headRepo === null || pull.headRepo.toLowerCase() !== lookup.repository.toLowerCase()
      ? pull.headRepo
      : undefined
  const runner =
    fromMarker ??
    (fork !== undefined ? undefined : await find(() => runnerOnBranch(netlify, site, head)))
  return { runnerId: runner?.id, runner, pull: { head, fork } }
}

/** Where a triggered run goes: a follow-up on the thread's runner, or a new runner. */
async function targetOf(
  trigger: Triggered,
  settings: Settings,
  lookup: () => Promise<ThreadLookup>
): Promise<Target | { skip: string }> {
  // Inputs that shape a new runner (`mode: ask`, a deploy, a parent) ask for one: a follow-up
  // would drop them.
  const newRunner =
    settings.mode !== 'normal' ||
    settings.deployId !== undefined ||
    settings.parentAgentRunnerId !== undefined
  if (trigger.kind === 'issue-label' || settings.agentRunnerId) return {}
  const on = await lookup()
  const { runnerId, runner, pull } = await threadRunner(trigger, on, !newRunner)
  // A follow-up on the pull request's runner updates that same pull request (once it is done).
  if (runnerId) {
    // A detached one (`wait: false`) too: the sweep that settles it delivers what the tag records.
    const deliver = pull && settings.commitToBranch === undefined
    return {
      agentRunnerId: runnerId,
      pullRequest: deliver ? true : undefined,
      read: { site: on.site, runner }
    }
  }
  if (!pull) return { read: { site: on.site } }
  if (pull.fork !== undefined) {
    return {
      skip: `Pull request #${trigger.issueNumber} comes from a fork (${pull.fork ?? 'since deleted'}); the agent works on the site's own repository, so it cannot start on that branch.`
    }
  }
  return { branch: pull.head, read: { site: on.site } }
}

/**
 * The event's payload, read the way @actions/github's context reads it (GITHUB_EVENT_PATH), but
 * without loading Octokit: most comments on a repository ask for nothing, and are skipped fast.
 */
function readPayload(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown
  } catch (err) {
    throw new Error(
      `Could not read the workflow event from GITHUB_EVENT_PATH (${path || 'not set'}): ${(err as Error).message}`,
      { cause: err }
    )
  }
}

/** A short reply on the thread, when status comments are on, saying why nothing started. */
async function reply(
  github: GitHubClient,
  statusComment: boolean,
  issueNumber: number,
  reason: string,
  workflowRunUrl: string,
  heading?: string
): Promise<void> {
  if (!statusComment) return
  await github
    .createComment(issueNumber, renderRefusal(reason, workflowRunUrl, heading))
    .catch((err: Error) => core.warning(`Could not reply on #${issueNumber}: ${err.message}`))
}

function describe(source: TextSource): string {
  if (source.kind === 'issue') return `issue #${source.number}`
  return `${source.kind === 'issue-comment' ? 'comment' : 'review comment'} ${source.id}`
}

/**
 * What GitHub has now for the trigger's text, and the HTML it shows for it. Without that answer
 * nobody can say what a maintainer saw, so the run is refused rather than fed the raw text.
 */
async function readRendered(github: GitHubClient, trigger: Triggered): Promise<Rendered> {
  // Nothing to show, and nothing an edit since could add to this request.
  if (trigger.text.raw === '') return { body: '', html: '' }
  try {
    return await github.rendered(trigger.text.source)
  } catch (err) {
    throw new Error(
      `Could not read ${describe(trigger.text.source)} from GitHub as GitHub shows it (${(err as Error).message}), so nothing was started: the agent gets only the text a maintainer could see there. Re-run the job once GitHub answers.`,
      { cause: err }
    )
  }
}

/**
 * What a run's status comment owes its thread until its last word, in its marker: a sweep that
 * finds it still owing settles the run (a detached one, or one whose job was lost). Undefined
 * outside a workflow, where no sweep could find the run.
 */
function owedOf(settings: Settings): Owed | undefined {
  if (settings.workflowStep === undefined) return undefined
  const { kind } = deliveryOf(settings)
  return kind === 'none' ? 'report' : kind
}

/** Reads the event and decides what `run` does with it. */
export async function planEventRun(
  settings: Settings,
  netlify: NetlifyClient,
  redact: Redact,
  now: () => number
): Promise<EventPlan> {
  const { github: gh } = settings
  const options: TriggerOptions = {
    label: gh.label,
    triggerPhrase: gh.triggerPhrase,
    prompt: settings.prompt || undefined
  }
  const trigger = decideTrigger(gh.gatedEvent ?? '', readPayload(gh.eventPath), options)
  if (trigger.kind === 'skip') return trigger
  if (trigger.kind === 'manual') return { kind: 'run', settings, observer: undefined }

  const github = await createGitHubClient(gh.token, gh.repository)
  const rendered = await readRendered(github, trigger)
  // Loaded only here: the HTML parser is needed only once a request may be made.
  const { visibleText } = await import('../markdown/visible-text.js')
  const request = requestOf(trigger, rendered, options, visibleText)
  // A mention nobody could see asks for nothing, and gets no answer.
  if (request.kind === 'skip' && !request.reply) return request
  const asked = request.kind === 'stop' ? 'stop' : 'start'
  const verdict = await mayStartRuns(trigger.actor, gh, github, asked)
  if (!verdict.allowed) {
    const heading = asked === 'stop' ? '⛔ Netlify agent run not stopped' : undefined
    await reply(
      github,
      gh.statusComment,
      trigger.issueNumber,
      verdict.reason,
      gh.workflowRunUrl,
      heading
    )
    return { kind: 'skip', reason: verdict.reason }
  }
  if (request.kind === 'skip') {
    await reply(github, gh.statusComment, trigger.issueNumber, request.reason, gh.workflowRunUrl)
    return { kind: 'skip', reason: request.reason }
  }
  const isOwn = await ownCommentTest(github)
  // Read once: for the thread's runner, and for a status comment this same step left before.
  let comments: Promise<Comment[]> | undefined
  const threadComments = () => (comments ??= github.issueComments(trigger.issueNumber))
  const seal: MarkerSeal = {
    key: markerKey(settings.token),
    repository: gh.repository,
    issueNumber: trigger.issueNumber
  }
  const lookup = async (): Promise<ThreadLookup> => ({
    github,
    netlify,
    site: await netlify.getSite(settings.siteId ?? ''),
    repository: gh.repository,
    fromMarker: async () => runnerFromComments(await threadComments(), isOwn, seal)
  })
  const reactions = new TriggerReactions(github, trigger.text.source)

  if (request.kind === 'stop' && trigger.kind === 'comment') {
    await reactions.seen()
    const runner = async () => {
      const on = await lookup()
      if (settings.agentRunnerId) {
        return { runnerId: settings.agentRunnerId, site: on.site, byBranch: false }
      }
      const found = await threadRunner(trigger, on, true)
      const byBranch = found.pull !== undefined && found.pull.fork === undefined
      return { runnerId: found.runnerId, site: on.site, byBranch }
    }
    const stop: ThreadStop = {
      settings,
      github,
      login: trigger.actor.login,
      issueNumber: trigger.issueNumber,
      runner,
      comments: threadComments,
      isOwn,
      seal,
      reactions
    }
    return { kind: 'stop', stop }
  }
  if (request.kind !== 'request') return { kind: 'skip', reason: 'Only a comment can stop a run.' }

  const target = await targetOf(trigger, settings, lookup)
  if ('skip' in target) {
    await reply(github, gh.statusComment, trigger.issueNumber, target.skip, gh.workflowRunUrl)
    return { kind: 'skip', reason: target.skip }
  }
  // Seen: whoever asked knows at once that the request was taken.
  await reactions.seen()
  const planned: Settings = {
    ...settings,
    prompt: request.prompt,
    agentRunnerId: target.agentRunnerId ?? settings.agentRunnerId,
    branch: target.agentRunnerId ? undefined : (target.branch ?? settings.branch),
    pullRequest: target.pullRequest ?? settings.pullRequest,
    thread: { issueNumber: trigger.issueNumber, trigger: trigger.text.source }
  }
  core.info(
    planned.agentRunnerId
      ? `Following up on agent runner ${planned.agentRunnerId}, the runner of #${trigger.issueNumber}.`
      : `Starting a new agent runner for #${trigger.issueNumber}${planned.branch ? ` on ${planned.branch}` : ''}.`
  )
  const reporter = gh.statusComment
    ? new StatusReporter({
        github,
        issueNumber: trigger.issueNumber,
        workflowRunUrl: gh.workflowRunUrl,
        prompt: request.prompt,
        followUp: planned.agentRunnerId !== undefined,
        redact,
        now,
        isOwn,
        comments: threadComments,
        seal,
        owes: owedOf(planned),
        detached: isDetached(planned)
      })
    : undefined
  return {
    kind: 'run',
    settings: planned,
    observer: threadObserver(reporter, reactions),
    read: target.read
  }
}
