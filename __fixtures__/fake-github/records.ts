// What the fake remembers, independent of how it is rendered: times in ms, users by login.
import type { ReactionContent } from './types.js'

export interface ReactionRecord {
  id: number
  content: ReactionContent
  user: string
  createdAt: number
}

/** Anything that can carry reactions: an issue, an issue comment or a review comment. */
export interface Reactable {
  reactions: ReactionRecord[]
}

export interface BranchRecord {
  ref: string
  sha: string
  /** 'owner/name' of the repository the branch lives in; null once that fork is deleted. */
  repo: string | null
}

export interface PullRecord {
  id: number
  head: BranchRecord
  base: BranchRecord
  draft: boolean
  mergedAt: number | null
}

/** Issues and pull requests share one numbering, as on GitHub; a pull request has `pull`. */
export interface IssueRecord extends Reactable {
  number: number
  id: number
  title: string
  body: string | null
  user: string
  state: 'open' | 'closed'
  labels: string[]
  createdAt: number
  updatedAt: number
  closedAt: number | null
  pull: PullRecord | null
}

export interface CommentRecord extends Reactable {
  id: number
  issueNumber: number
  body: string
  user: string
  createdAt: number
  updatedAt: number
}

export interface ReviewCommentRecord extends Reactable {
  id: number
  pullNumber: number
  reviewId: number
  body: string
  user: string
  path: string
  line: number
  commitId: string
  diffHunk: string
  inReplyTo: number | null
  createdAt: number
  updatedAt: number
}

/** A workflow run, as far as the action asks: whether it is still going. */
export interface WorkflowRunRecord {
  id: number
  status: 'queued' | 'in_progress' | 'completed'
  conclusion: string | null
  attempt: number
  startedAt: number
  updatedAt: number
}
