// The few GitHub REST calls the action makes, through @actions/github's Octokit. It is loaded only
// when an event asks for a run and GitHub must be asked who asked, or told: Octokit is about 1 MB
// and brings in undici, which would cost every other start (skipped events included) dearly.
import { debugRequest } from '../step-debug.js'
import type { Rendered, TextSource } from './event.js'

/** Access a role grants to spend the repository's credits. */
export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'

export interface Comment {
  id: number
  /** The issue or pull request it is on. */
  issueNumber: number
  body: string
  authorLogin: string
  authorIsBot: boolean
  createdAt: string
}

/** The reactions the action gives a trigger: seen, then how the run ended. */
export type ReactionContent = 'eyes' | 'rocket' | 'confused' | '+1'

export interface Reaction {
  id: number
  content: string
  userLogin: string
}

export interface PullRequestInfo {
  number: number
  headRef: string
  /** owner/name of the head branch's repository; null when that repository is gone (a deleted fork). */
  headRepo: string | null
  baseRef: string
}

export interface WorkflowRunInfo {
  /** 'queued', 'in_progress', 'completed', … */
  status: string
  /** When the attempt began, and when it last changed (epoch ms). */
  startedAtMs: number
  updatedAtMs: number
}

export interface GitHubClient {
  /**
   * The login the token acts as, when GitHub says (a personal access token); undefined for an
   * installation token (GITHUB_TOKEN, a GitHub App's), whose comments are a bot's.
   */
  identity(): Promise<string | undefined>
  /** The login's role on the repository; 'none' for someone GitHub does not know there. */
  permission(login: string): Promise<Permission>
  issueComments(issueNumber: number): Promise<Comment[]>
  /** One issue comment, as it now reads. */
  comment(commentId: number): Promise<Comment>
  /** The new comment, with its author: who this token writes as, even where GitHub won't say. */
  createComment(issueNumber: number, body: string): Promise<Comment>
  updateComment(commentId: number, body: string): Promise<void>
  /**
   * Adds a reaction to an issue, an issue comment or a review comment, and answers its id (the
   * one already there, if this token had given the same reaction before).
   */
  react(target: TextSource, content: ReactionContent): Promise<number>
  /** The reactions on an issue or a comment: all of them, or those of one content. */
  reactions(target: TextSource, content?: ReactionContent): Promise<Reaction[]>
  /** Takes back a reaction; one already gone is no error. */
  unreact(target: TextSource, reactionId: number): Promise<void>
  pullRequest(pullNumber: number): Promise<PullRequestInfo>
  /**
   * One attempt of a workflow run of the repository, or undefined when GitHub shows this token no
   * such run (the job lacks `actions: read`, or the run is gone).
   */
  workflowRunAttempt(runId: number, attempt: number): Promise<WorkflowRunInfo | undefined>
  /**
   * An issue's or a comment's text as GitHub has it now, with the HTML GitHub shows for it (the
   * `full` media type: `body` and `body_html` in one answer).
   */
  rendered(source: TextSource): Promise<Rendered>
}

interface OctokitError {
  status?: number
  response?: { headers?: Record<string, string | undefined> }
}

interface RestComment {
  id: number
  issue_url: string
  body?: string
  user: { login: string; type: string } | null
  created_at: string
}

function commentOf(c: RestComment): Comment {
  return {
    id: c.id,
    issueNumber: Number(/\/issues\/(\d+)$/.exec(c.issue_url)?.[1] ?? 0),
    body: c.body ?? '',
    authorLogin: c.user?.login ?? '',
    authorIsBot: c.user?.type === 'Bot',
    createdAt: c.created_at
  }
}

/** A client for `repository` (owner/name) with `token`, at GITHUB_API_URL. */
export async function createGitHubClient(
  token: string,
  repository: string,
  options: { baseUrl?: string } = {}
): Promise<GitHubClient> {
  const { getOctokit } = await import('@actions/github')
  const octokit = getOctokit(token, options.baseUrl ? { baseUrl: options.baseUrl } : {})
  octokit.hook.wrap('request', async (request, endpoint) => {
    const sentAt = Date.now()
    const answered = (answer: number | string): void =>
      debugRequest('GitHub', {
        method: endpoint.method,
        path: new URL(octokit.request.endpoint(endpoint).url).pathname,
        attempt: 1,
        answer,
        ms: Date.now() - sentAt
      })
    try {
      const response = await request(endpoint)
      answered(response.status)
      return response
    } catch (err) {
      answered((err as OctokitError).status ?? (err as Error).name)
      throw err
    }
  })
  const [owner = '', repo = ''] = repository.split('/')
  const base = { owner, repo }
  return {
    async identity() {
      try {
        return (await octokit.rest.users.getAuthenticated()).data.login
      } catch (err) {
        // An installation token is no user: GitHub answers 403 (or 401). Anything else is a
        // real failure, and guessing would trust the wrong comments.
        const status = (err as OctokitError).status
        if (status === 403 || status === 401) return undefined
        throw err
      }
    },
    async permission(login) {
      try {
        const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
          ...base,
          username: login
        })
        // role_name tells maintain from write and triage from read; permission is the legacy field.
        const role = (data as { role_name?: string }).role_name ?? data.permission
        return (
          (['admin', 'maintain', 'write', 'triage', 'read'] as const).find(r => r === role) ??
          (data.permission as Permission)
        )
      } catch (err) {
        if ((err as OctokitError).status === 404) return 'none'
        throw err
      }
    },
    async issueComments(issueNumber) {
      const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        ...base,
        issue_number: issueNumber,
        per_page: 100
      })
      return comments.map(commentOf)
    },
    async comment(commentId) {
      const { data } = await octokit.rest.issues.getComment({ ...base, comment_id: commentId })
      return commentOf(data)
    },
    async createComment(issueNumber, body) {
      const { data } = await octokit.rest.issues.createComment({
        ...base,
        issue_number: issueNumber,
        body
      })
      return commentOf(data)
    },
    async updateComment(commentId, body) {
      await octokit.rest.issues.updateComment({ ...base, comment_id: commentId, body })
    },
    async react(target, content) {
      const { data } =
        target.kind === 'issue'
          ? await octokit.rest.reactions.createForIssue({
              ...base,
              issue_number: target.number,
              content
            })
          : target.kind === 'issue-comment'
            ? await octokit.rest.reactions.createForIssueComment({
                ...base,
                comment_id: target.id,
                content
              })
            : await octokit.rest.reactions.createForPullRequestReviewComment({
                ...base,
                comment_id: target.id,
                content
              })
      return data.id
    },
    async reactions(target, content) {
      const reactions =
        target.kind === 'issue'
          ? await octokit.paginate(octokit.rest.reactions.listForIssue, {
              ...base,
              issue_number: target.number,
              content,
              per_page: 100
            })
          : target.kind === 'issue-comment'
            ? await octokit.paginate(octokit.rest.reactions.listForIssueComment, {
                ...base,
                comment_id: target.id,
                content,
                per_page: 100
              })
            : await octokit.paginate(octokit.rest.reactions.listForPullRequestReviewComment, {
                ...base,
                comment_id: target.id,
                content,
                per_page: 100
              })
      return reactions.map(r => ({ id: r.id, content: r.content, userLogin: r.user?.login ?? '' }))
    },
    async unreact(target, reactionId) {
      try {
        if (target.kind === 'issue') {
          await octokit.rest.reactions.deleteForIssue({
            ...base,
            issue_number: target.number,
            reaction_id: reactionId
          })
        } else if (target.kind === 'issue-comment') {
          await octokit.rest.reactions.deleteForIssueComment({
            ...base,
            comment_id: target.id,
            reaction_id: reactionId
          })
        } else {
          await octokit.rest.reactions.deleteForPullRequestComment({
            ...base,
            comment_id: target.id,
            reaction_id: reactionId
          })
        }
      } catch (err) {
        if ((err as OctokitError).status !== 404) throw err
      }
    },
    async rendered(source) {
      const mediaType = { format: 'full' }
      const { data } =
        source.kind === 'issue'
          ? await octokit.rest.issues.get({ ...base, issue_number: source.number, mediaType })
          : source.kind === 'issue-comment'
            ? await octokit.rest.issues.getComment({ ...base, comment_id: source.id, mediaType })
            : await octokit.rest.pulls.getReviewComment({
                ...base,
                comment_id: source.id,
                mediaType
              })
      const { body, body_html: html } = data as { body?: string | null; body_html?: string }
      // An empty body has no HTML to show; any other body must come with its HTML.
      if (typeof html !== 'string' && body) throw new Error('GitHub answered without body_html')
      return { body: body ?? '', html: html ?? '' }
    },
    async workflowRunAttempt(runId, attempt) {
      try {
        const { data } = await octokit.rest.actions.getWorkflowRunAttempt({
          ...base,
          run_id: runId,
          attempt_number: attempt
        })
        return {
          status: data.status ?? '',
          startedAtMs: Date.parse(data.run_started_at ?? data.created_at),
          updatedAtMs: Date.parse(data.updated_at)
        }
      } catch (err) {
        const { status, response } = err as OctokitError
        // A rate limit is GitHub's 403 too: that one is a failure, not an answer.
        const limited = response?.headers?.['x-ratelimit-remaining'] === '0'
        if (status === 404 || (status === 403 && !limited)) return undefined
        throw err
      }
    },
    async pullRequest(pullNumber) {
      const { data } = await octokit.rest.pulls.get({ ...base, pull_number: pullNumber })
      return {
        number: data.number,
        headRef: data.head.ref,
        // GitHub answers null for a fork that was deleted: not the base repository either way.
        headRepo: data.head.repo?.full_name ?? null,
        baseRef: data.base.ref
      }
    }
  }
}

/** Who writes comments with the workflow's own token (`${{ github.token }}`). */
export const WORKFLOW_TOKEN_LOGIN = 'github-actions[bot]'

/**
 * Which comments are this action's own: those by the token's user (a personal access token), or
 * by github-actions[bot] (the workflow's token, whose user GitHub does not name). A marker in
 * anyone else's comment, another bot's included, is not believed.
 */
export async function ownCommentTest(github: GitHubClient): Promise<(comment: Comment) => boolean> {
  const login = await ownLogin(github)
  return comment => comment.authorLogin.toLowerCase() === login
}

/** Who the action writes as, in lower case: the token's user, else github-actions[bot]. */
export async function ownLogin(github: Pick<GitHubClient, 'identity'>): Promise<string> {
  return ((await github.identity()) ?? WORKFLOW_TOKEN_LOGIN).toLowerCase()
}
