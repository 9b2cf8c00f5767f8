// The JSON the fake answers with: the fields of GitHub's REST API that Octokit and the action
// read, named and typed as GitHub documents them (a subset; absent fields are not promised).

/** `role_name`: the repository role. 'none' is the fake's word for an existing non-collaborator. */
export type RoleName = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'

/** `permission`: GitHub's legacy base role, where maintain reads as write and triage as read. */
export type Permission = 'admin' | 'write' | 'read' | 'none'

export type ReactionContent =
  '+1' | '-1' | 'laugh' | 'confused' | 'heart' | 'hooray' | 'rocket' | 'eyes'

export type AuthorAssociation = 'OWNER' | 'MEMBER' | 'COLLABORATOR' | 'CONTRIBUTOR' | 'NONE'

export interface SimpleUser {
  login: string
  id: number
  node_id: string
  avatar_url: string
  gravatar_id: string
  url: string
  html_url: string
  type: 'User' | 'Bot'
  site_admin: boolean
}

export interface Collaborator extends SimpleUser {
  permissions: { admin: boolean; maintain: boolean; push: boolean; triage: boolean; pull: boolean }
  role_name: string
}

export interface RepositoryPermission {
  permission: Permission
  role_name: RoleName
  user: Collaborator
}

export interface ReactionRollup {
  url: string
  total_count: number
  '+1': number
  '-1': number
  laugh: number
  confused: number
  heart: number
  hooray: number
  eyes: number
  rocket: number
}

export interface Reaction {
  id: number
  node_id: string
  user: SimpleUser
  content: ReactionContent
  created_at: string
}

export interface IssueComment {
  id: number
  node_id: string
  url: string
  html_url: string
  issue_url: string
  body: string
  user: SimpleUser
  created_at: string
  updated_at: string
  author_association: AuthorAssociation
  performed_via_github_app: null
  reactions: ReactionRollup
}

export interface ReviewComment {
  id: number
  node_id: string
  url: string
  pull_request_review_id: number
  diff_hunk: string
  path: string
  position: number
  original_position: number
  commit_id: string
  original_commit_id: string
  in_reply_to_id?: number
  user: SimpleUser
  body: string
  created_at: string
  updated_at: string
  html_url: string
  pull_request_url: string
  author_association: AuthorAssociation
  _links: { self: { href: string }; html: { href: string }; pull_request: { href: string } }
  line: number
  original_line: number
  side: 'LEFT' | 'RIGHT'
  start_line: null
  original_start_line: null
  start_side: null
  subject_type: 'line'
  reactions: ReactionRollup
}

export interface Label {
  id: number
  node_id: string
  url: string
  name: string
  color: string
  default: boolean
  description: string | null
}

export interface Repository {
  id: number
  node_id: string
  name: string
  full_name: string
  private: boolean
  visibility: 'public' | 'private'
  owner: SimpleUser
  html_url: string
  url: string
  fork: boolean
  default_branch: string
}

export interface Issue {
  id: number
  node_id: string
  url: string
  repository_url: string
  comments_url: string
  html_url: string
  number: number
  state: 'open' | 'closed'
  state_reason: 'completed' | null
  title: string
  body: string | null
  user: SimpleUser
  labels: Label[]
  assignee: null
  assignees: SimpleUser[]
  locked: boolean
  comments: number
  created_at: string
  updated_at: string
  closed_at: string | null
  author_association: AuthorAssociation
  reactions: ReactionRollup
  /** Present only when the issue is a pull request, as on GitHub. */
  pull_request?: {
    url: string
    html_url: string
    diff_url: string
    patch_url: string
    merged_at: string | null
  }
}

export interface PullRequestBranch {
  label: string
  ref: string
  sha: string
  user: SimpleUser
  /** null when the head repository (a fork) has been deleted. */
  repo: Repository | null
}

/** What `GET /pulls` lists; `GET /pulls/{n}` adds the fields of PullRequest. */
export interface PullRequestSimple {
  id: number
  node_id: string
  url: string
  html_url: string
  diff_url: string
  patch_url: string
  issue_url: string
  comments_url: string
  review_comments_url: string
  number: number
  state: 'open' | 'closed'
  locked: boolean
  title: string
  body: string | null
  user: SimpleUser
  labels: Label[]
  draft: boolean
  created_at: string
  updated_at: string
  closed_at: string | null
  merged_at: string | null
  merge_commit_sha: string | null
  head: PullRequestBranch
  base: PullRequestBranch
  author_association: AuthorAssociation
}

export interface PullRequest extends PullRequestSimple {
  merged: boolean
  mergeable: boolean | null
  mergeable_state: string
  merged_by: SimpleUser | null
  comments: number
  review_comments: number
  commits: number
  additions: number
  deletions: number
  changed_files: number
  maintainer_can_modify: boolean
}
