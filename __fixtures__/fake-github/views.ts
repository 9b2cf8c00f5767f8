// The API's JSON, rendered from records. API URLs point at the fake; web URLs at `web`
// (https://github.com unless the test says otherwise), as GitHub's own html_url fields do.
import { ACTIONS_BOT_ID, ID_BASE, derivedNumber, derivedSha, nodeId } from './ids.js'
import type {
  BranchRecord,
  CommentRecord,
  IssueRecord,
  PullRecord,
  Reactable,
  ReactionRecord,
  ReviewCommentRecord,
  WorkflowRunRecord
} from './records.js'
import type { FakeStore } from './store.js'
import type {
  Issue,
  IssueComment,
  Label,
  PullRequest,
  PullRequestBranch,
  PullRequestSimple,
  Reaction,
  ReactionRollup,
  Repository,
  RepositoryPermission,
  ReviewComment,
  SimpleUser
} from './types.js'
import { LEGACY_PERMISSION, ROLE_NAMES, type Users } from './users.js'

export interface ViewContext {
  /** The fake's base URL, where API URLs point. */
  api: string
  web: string
  owner: string
  repo: string
  isPrivate: boolean
  defaultBranch: string
  users: Users
  store: FakeStore
}

/** GitHub's timestamps carry no milliseconds. */
export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms))

export class Views {
  constructor(private readonly ctx: ViewContext) {}

  private get repoApi(): string {
    return `${this.ctx.api}/repos/${this.ctx.owner}/${this.ctx.repo}`
  }

  private get repoWeb(): string {
    return `${this.ctx.web}/${this.ctx.owner}/${this.ctx.repo}`
  }

  user(login: string): SimpleUser {
    const bot = login.endsWith('[bot]')
    const id =
      login === 'github-actions[bot]'
        ? ACTIONS_BOT_ID
        : derivedNumber(bot ? 100_000_000 : 1_000, 90_000_000, login.toLowerCase())
    return {
      login,
      id,
      node_id: nodeId(bot ? 'Bot' : 'User', id),
      avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
      gravatar_id: '',
      url: `${this.ctx.api}/users/${encodeURIComponent(login)}`,
      html_url: bot
        ? `${this.ctx.web}/apps/${login.slice(0, -'[bot]'.length)}`
        : `${this.ctx.web}/${login}`,
      type: bot ? 'Bot' : 'User',
      site_admin: false
    }
  }

  permission(login: string): RepositoryPermission {
    const role = this.ctx.users.roleOf(login)
    const rank = ROLE_NAMES.indexOf(role)
    const atLeast = (wanted: (typeof ROLE_NAMES)[number]) => rank >= ROLE_NAMES.indexOf(wanted)
    return {
      permission: LEGACY_PERMISSION[role],
      role_name: role,
      user: {
        ...this.user(login),
        permissions: {
          admin: atLeast('admin'),
          maintain: atLeast('maintain'),
          push: atLeast('write'),
          triage: atLeast('triage'),
          pull: atLeast('read')
        },
        role_name: role
      }
    }
  }

  repository(fullName = `${this.ctx.owner}/${this.ctx.repo}`): Repository {
    const [owner = '', name = ''] = fullName.split('/')
    const id = derivedNumber(100_000_000, 800_000_000, fullName.toLowerCase())
    return {
      id,
      node_id: nodeId('Repository', id),
      name,
      full_name: fullName,
      private: this.ctx.isPrivate,
      visibility: this.ctx.isPrivate ? 'private' : 'public',
      owner: this.user(owner),
      html_url: `${this.ctx.web}/${fullName}`,
      url: `${this.ctx.api}/repos/${fullName}`,
      fork: fullName.toLowerCase() !== `${this.ctx.owner}/${this.ctx.repo}`.toLowerCase(),
      default_branch: this.ctx.defaultBranch
    }
  }

  /** The fields of a workflow run the action reads, and the ones that name it. */
  workflowRun(record: WorkflowRunRecord): {
    id: number
    status: string
    conclusion: string | null
    run_attempt: number
    run_started_at: string
    created_at: string
    updated_at: string
    url: string
    html_url: string
  } {
    return {
      id: record.id,
      status: record.status,
      conclusion: record.conclusion,
      run_attempt: record.attempt,
      run_started_at: iso(record.startedAt),
      created_at: iso(record.startedAt),
      updated_at: iso(record.updatedAt),
      url: `${this.repoApi}/actions/runs/${record.id}`,
      html_url: `${this.repoWeb}/actions/runs/${record.id}`
    }
  }

  reaction(record: ReactionRecord): Reaction {
    return {
      id: record.id,
      node_id: nodeId('Reaction', record.id),
      user: this.user(record.user),
      content: record.content,
      created_at: iso(record.createdAt)
    }
  }

  private rollup(target: Reactable, url: string): ReactionRollup {
    const count = (content: string) => target.reactions.filter(r => r.content === content).length
    return {
      url: `${url}/reactions`,
      total_count: target.reactions.length,
      '+1': count('+1'),
      '-1': count('-1'),
      laugh: count('laugh'),
      confused: count('confused'),
      heart: count('heart'),
      hooray: count('hooray'),
      eyes: count('eyes'),
      rocket: count('rocket')
    }
  }

  private label(name: string): Label {
    const id = derivedNumber(ID_BASE.label, 400_000_000, name)
    return {
      id,
      node_id: nodeId('Label', id),
      url: `${this.repoApi}/labels/${encodeURIComponent(name)}`,
      name,
      color: derivedSha('label', name).slice(0, 6),
      default: false,
      description: null
    }
  }

  private issueWeb(issue: IssueRecord): string {
    return `${this.repoWeb}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`
  }

  issue(record: IssueRecord): Issue {
    const url = `${this.repoApi}/issues/${record.number}`
    const issue: Issue = {
      id: record.id,
      node_id: nodeId('Issue', record.id),
      url,
      repository_url: this.repoApi,
      comments_url: `${url}/comments`,
      html_url: this.issueWeb(record),
      number: record.number,
      state: record.state,
      state_reason: record.state === 'closed' ? 'completed' : null,
      title: record.title,
      body: record.body,
      user: this.user(record.user),
      labels: record.labels.map(name => this.label(name)),
      assignee: null,
      assignees: [],
      locked: false,
      comments: this.ctx.store.commentsOf(record.number).length,
      created_at: iso(record.createdAt),
      updated_at: iso(record.updatedAt),
      closed_at: isoOrNull(record.closedAt),
      author_association: this.ctx.users.association(record.user),
      reactions: this.rollup(record, url)
    }
    if (record.pull) {
      const pullUrl = `${this.repoApi}/pulls/${record.number}`
      issue.pull_request = {
        url: pullUrl,
        html_url: issue.html_url,
        diff_url: `${issue.html_url}.diff`,
        patch_url: `${issue.html_url}.patch`,
        merged_at: isoOrNull(record.pull.mergedAt)
      }
      issue.state_reason = null
    }
    return issue
  }

  private branch(branch: BranchRecord): PullRequestBranch {
    // A deleted fork: GitHub keeps the ref and sha, and names neither the repository nor its owner.
    const owner = branch.repo === null ? 'ghost' : (branch.repo.split('/')[0] ?? '')
    return {
      label: `${branch.repo === null ? 'unknown' : owner}:${branch.ref}`,
      ref: branch.ref,
      sha: branch.sha,
      user: this.user(owner),
      repo: branch.repo === null ? null : this.repository(branch.repo)
    }
  }

  /** What `GET /pulls` lists. */
  pullSimple(record: IssueRecord & { pull: PullRecord }): PullRequestSimple {
    const url = `${this.repoApi}/pulls/${record.number}`
    const html = this.issueWeb(record)
    const { pull } = record
    return {
      id: pull.id,
      node_id: nodeId('PullRequest', pull.id),
      url,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: `${this.repoApi}/issues/${record.number}`,
      comments_url: `${this.repoApi}/issues/${record.number}/comments`,
      review_comments_url: `${url}/comments`,
      number: record.number,
      state: record.state,
      locked: false,
      title: record.title,
      body: record.body,
      user: this.user(record.user),
      labels: record.labels.map(name => this.label(name)),
      draft: pull.draft,
      created_at: iso(record.createdAt),
      updated_at: iso(record.updatedAt),
      closed_at: isoOrNull(record.closedAt),
      merged_at: isoOrNull(pull.mergedAt),
      merge_commit_sha: pull.mergedAt === null ? null : derivedSha('merge', String(pull.id)),
      head: this.branch(pull.head),
      base: this.branch(pull.base),
      author_association: this.ctx.users.association(record.user)
    }
  }

  pull(record: IssueRecord & { pull: PullRecord }): PullRequest {
    const merged = record.pull.mergedAt !== null
    return {
      ...this.pullSimple(record),
      merged,
      mergeable: record.state === 'open' ? true : null,
      mergeable_state: record.state === 'open' ? 'clean' : 'unknown',
      merged_by: merged ? this.user(this.ctx.owner) : null,
      comments: this.ctx.store.commentsOf(record.number).length,
      review_comments: this.ctx.store.reviewCommentsOf(record.number).length,
      commits: 1,
      additions: 1,
      deletions: 1,
      changed_files: 1,
      maintainer_can_modify: false
    }
  }

  comment(record: CommentRecord): IssueComment {
    const url = `${this.repoApi}/issues/comments/${record.id}`
    const issue = this.ctx.store.issue(record.issueNumber)
    return {
      id: record.id,
      node_id: nodeId('IssueComment', record.id),
      url,
      html_url: `${this.issueWeb(issue)}#issuecomment-${record.id}`,
      issue_url: `${this.repoApi}/issues/${record.issueNumber}`,
      body: record.body,
      user: this.user(record.user),
      created_at: iso(record.createdAt),
      updated_at: iso(record.updatedAt),
      author_association: this.ctx.users.association(record.user),
      performed_via_github_app: null,
      reactions: this.rollup(record, url)
    }
  }

  reviewComment(record: ReviewCommentRecord): ReviewComment {
    const url = `${this.repoApi}/pulls/comments/${record.id}`
    const html = `${this.repoWeb}/pull/${record.pullNumber}#discussion_r${record.id}`
    const pullUrl = `${this.repoApi}/pulls/${record.pullNumber}`
    return {
      id: record.id,
      node_id: nodeId('PullRequestReviewComment', record.id),
      url,
      pull_request_review_id: record.reviewId,
      diff_hunk: record.diffHunk,
      path: record.path,
      position: record.line,
      original_position: record.line,
      commit_id: record.commitId,
      original_commit_id: record.commitId,
      ...(record.inReplyTo === null ? {} : { in_reply_to_id: record.inReplyTo }),
      user: this.user(record.user),
      body: record.body,
      created_at: iso(record.createdAt),
      updated_at: iso(record.updatedAt),
      html_url: html,
      pull_request_url: pullUrl,
      author_association: this.ctx.users.association(record.user),
      _links: { self: { href: url }, html: { href: html }, pull_request: { href: pullUrl } },
      line: record.line,
      original_line: record.line,
      side: 'RIGHT',
      start_line: null,
      original_start_line: null,
      start_side: null,
      subject_type: 'line',
      reactions: this.rollup(record, url)
    }
  }
}
