// Issues, pull requests, comments and reactions, and the rules for changing them. Every method
// either applies a change or throws the GitHubError the real API answers with; seeding mistakes
// (a number used twice) throw plain Errors, since they are the test's bug, not the API's.
import { notFound, validationFailed } from './errors.js'
import { ID_BASE, IdSequence, derivedSha } from './ids.js'
import type {
  WorkflowRunRecord,
  BranchRecord,
  CommentRecord,
  IssueRecord,
  PullRecord,
  Reactable,
  ReactionRecord,
  ReviewCommentRecord
} from './records.js'
import type { ReactionContent } from './types.js'
import type { Users } from './users.js'

export interface SeedIssue {
  /** Default: one past the highest issue or pull request number. */
  number?: number
  title?: string
  body?: string | null
  /** Default: the repository owner. */
  user?: string
  state?: 'open' | 'closed'
  labels?: string[]
}

export interface SeedBranch {
  ref: string
  sha?: string
  /**
   * 'owner/name'; default the fake's repository. Another repository makes a fork pull request;
   * null, one from a fork that has since been deleted (GitHub then shows `head.repo: null`).
   */
  repo?: string | null
}

export interface SeedPull extends SeedIssue {
  head: string | SeedBranch
  /** Default: the repository's default branch, 'main'. */
  base?: string | SeedBranch
  draft?: boolean
  /** Closes the pull request as merged. */
  merged?: boolean
}

export interface SeedComment {
  issue_number: number
  body: string
  /** Default: the repository owner. */
  user?: string
  /** Default: the next free id; it must not be taken by any issue or review comment. */
  id?: number
}

export interface SeedReviewComment {
  pull_number: number
  body: string
  user?: string
  id?: number
  path?: string
  line?: number
  in_reply_to_id?: number
}

export interface StoreOptions {
  owner: string
  repo: string
  defaultBranch: string
  users: Users
  now?: () => number
}

export class FakeStore {
  private readonly issuesByNumber = new Map<number, IssueRecord>()
  private readonly comments = new Map<number, CommentRecord>()
  private readonly reviewComments = new Map<number, ReviewCommentRecord>()
  private readonly commentIdTaken = (id: number) =>
    this.comments.has(id) || this.reviewComments.has(id)
  private readonly ids = {
    issue: new IdSequence(ID_BASE.issue),
    pull: new IdSequence(ID_BASE.pull),
    issueComment: new IdSequence(ID_BASE.issueComment, this.commentIdTaken),
    reviewComment: new IdSequence(ID_BASE.reviewComment, this.commentIdTaken),
    review: new IdSequence(ID_BASE.review),
    reaction: new IdSequence(ID_BASE.reaction)
  }

  /** Workflow runs by id, each attempt of it by number, as tests set them. */
  readonly workflowRuns = new Map<number, Map<number, WorkflowRunRecord>>()

  constructor(private readonly options: StoreOptions) {}

  workflowRunAttempt(id: string | number, attempt: string | number): WorkflowRunRecord {
    const run = this.workflowRuns.get(Number(id))?.get(Number(attempt))
    if (!run) throw notFound()
    return run
  }

  get fullName(): string {
    return `${this.options.owner}/${this.options.repo}`
  }

  private now(): number {
    return (this.options.now ?? Date.now)()
  }

  private author(login: string | undefined): string {
    return this.options.users.remember(login ?? this.options.owner)
  }

  addIssue(seed: SeedIssue, pull: PullRecord | null = null): IssueRecord {
    const number = seed.number ?? Math.max(0, ...this.issuesByNumber.keys()) + 1
    if (!Number.isInteger(number) || number < 1) throw new Error(`Invalid issue number ${number}`)
    if (this.issuesByNumber.has(number)) throw new Error(`Issue or pull #${number} already exists`)
    const at = this.now()
    const closed = seed.state === 'closed' || pull?.mergedAt != null
    const record: IssueRecord = {
      number,
      id: this.ids.issue.next(),
      title: seed.title ?? `${pull ? 'Pull request' : 'Issue'} #${number}`,
      body: seed.body ?? null,
      user: this.author(seed.user),
      state: closed ? 'closed' : 'open',
      labels: seed.labels ?? [],
      createdAt: at,
      updatedAt: at,
      closedAt: closed ? at : null,
      pull,
      reactions: []
    }
    this.issuesByNumber.set(number, record)
    return record
  }

  addPull(seed: SeedPull): IssueRecord {
    const at = this.now()
    const head = this.branch(seed.head, 'head')
    const base = this.branch(seed.base ?? this.options.defaultBranch, 'base')
    const pull: PullRecord = {
      id: this.ids.pull.next(),
      head,
      base,
      draft: seed.draft ?? false,
      mergedAt: seed.merged ? at : null
    }
    return this.addIssue(seed, pull)
  }

  private branch(seed: string | SeedBranch, side: string): BranchRecord {
    const { ref, sha, repo } = typeof seed === 'string' ? { ref: seed } : seed
    const fullName = repo === undefined ? this.fullName : repo
    return { ref, sha: sha ?? derivedSha(side, fullName ?? 'deleted', ref), repo: fullName }
  }

  /** Issues and pull requests in number order. */
  issues(): IssueRecord[] {
    return [...this.issuesByNumber.values()].sort((a, b) => a.number - b.number)
  }

  issue(number: string | number): IssueRecord {
    const issue = this.issuesByNumber.get(Number(number))
    if (!issue) throw notFound()
    return issue
  }

  pull(number: string | number): IssueRecord & { pull: PullRecord } {
    const issue = this.issue(number)
    if (!issue.pull) throw notFound()
    return issue as IssueRecord & { pull: PullRecord }
  }

  /** Every issue comment, oldest first. */
  allComments(): CommentRecord[] {
    return [...this.comments.values()].sort((a, b) => a.id - b.id)
  }

  commentsOf(issueNumber: string | number): CommentRecord[] {
    const issue = this.issue(issueNumber)
    return this.allComments().filter(comment => comment.issueNumber === issue.number)
  }

  comment(id: string | number): CommentRecord {
    const comment = this.comments.get(Number(id))
    if (!comment) throw notFound()
    return comment
  }

  addComment(seed: SeedComment): CommentRecord {
    if (seed.id !== undefined && this.commentIdTaken(seed.id)) {
      throw new Error(`Comment id ${seed.id} is already taken`)
    }
    const issue = this.issue(seed.issue_number)
    const at = this.now()
    const comment: CommentRecord = {
      id: seed.id ?? this.ids.issueComment.next(),
      issueNumber: issue.number,
      body: seed.body,
      user: this.author(seed.user),
      createdAt: at,
      updatedAt: at,
      reactions: []
    }
    this.comments.set(comment.id, comment)
    issue.updatedAt = at
    return comment
  }

  updateComment(id: string | number, body: string): CommentRecord {
    const comment = this.comment(id)
    comment.body = body
    comment.updatedAt = this.now()
    return comment
  }

  editIssue(number: string | number, body: string): IssueRecord {
    const issue = this.issue(number)
    issue.body = body
    issue.updatedAt = this.now()
    return issue
  }

  /** An issue comment's or a review comment's new body. */
  editBody(id: number, body: string): void {
    const comment = this.comments.get(id) ?? this.reviewComments.get(id)
    if (!comment) throw notFound()
    comment.body = body
    comment.updatedAt = this.now()
  }

  deleteComment(id: string | number): void {
    this.comments.delete(this.comment(id).id)
  }

  allReviewComments(): ReviewCommentRecord[] {
    return [...this.reviewComments.values()].sort((a, b) => a.id - b.id)
  }

  reviewCommentsOf(pullNumber: string | number): ReviewCommentRecord[] {
    const { number } = this.pull(pullNumber)
    return this.allReviewComments().filter(comment => comment.pullNumber === number)
  }

  reviewComment(id: string | number): ReviewCommentRecord {
    const comment = this.reviewComments.get(Number(id))
    if (!comment) throw notFound()
    return comment
  }

  addReviewComment(seed: SeedReviewComment): ReviewCommentRecord {
    if (seed.id !== undefined && this.commentIdTaken(seed.id)) {
      throw new Error(`Comment id ${seed.id} is already taken`)
    }
    const issue = this.pull(seed.pull_number)
    const parent =
      seed.in_reply_to_id === undefined ? null : this.reviewComment(seed.in_reply_to_id)
    const at = this.now()
    const comment: ReviewCommentRecord = {
      id: seed.id ?? this.ids.reviewComment.next(),
      pullNumber: issue.number,
      reviewId: this.ids.review.next(),
      body: seed.body,
      user: this.author(seed.user),
      path: parent?.path ?? seed.path ?? 'README.md',
      line: parent?.line ?? seed.line ?? 1,
      commitId: parent?.commitId ?? issue.pull.head.sha,
      diffHunk: parent?.diffHunk ?? '@@ -1,1 +1,1 @@\n-Hello\n+Hello, world',
      inReplyTo: parent?.id ?? null,
      createdAt: at,
      updatedAt: at,
      reactions: []
    }
    this.reviewComments.set(comment.id, comment)
    issue.updatedAt = at
    return comment
  }

  /** GitHub threads replies under top-level comments only. */
  replyToReviewComment(
    pullNumber: string | number,
    commentId: string | number,
    body: string,
    user: string
  ): ReviewCommentRecord {
    const issue = this.pull(pullNumber)
    const parent = this.reviewComment(commentId)
    if (parent.pullNumber !== issue.number) throw notFound()
    if (parent.inReplyTo !== null) {
      throw validationFailed({
        resource: 'PullRequestReviewComment',
        field: 'in_reply_to_id',
        code: 'invalid',
        message: 'replies to replies are not supported'
      })
    }
    return this.addReviewComment({
      pull_number: issue.number,
      body,
      user,
      in_reply_to_id: parent.id
    })
  }

  /** The comment of either kind with this id; ids never collide between the two. */
  reactable(id: number): Reactable | null {
    return this.comments.get(id) ?? this.reviewComments.get(id) ?? null
  }

  /** The user's existing reaction of this content, or a new one; `created` tells which. */
  react(
    target: Reactable,
    content: ReactionContent,
    login: string
  ): { reaction: ReactionRecord; created: boolean } {
    const user = this.options.users.remember(login)
    const existing = target.reactions.find(
      r => r.content === content && r.user.toLowerCase() === user.toLowerCase()
    )
    if (existing) return { reaction: existing, created: false }
    const reaction: ReactionRecord = {
      id: this.ids.reaction.next(),
      content,
      user,
      createdAt: this.now()
    }
    target.reactions.push(reaction)
    return { reaction, created: true }
  }

  unreact(target: Reactable, reactionId: string | number): void {
    const index = target.reactions.findIndex(r => r.id === Number(reactionId))
    if (index < 0) throw notFound()
    target.reactions.splice(index, 1)
  }
}
