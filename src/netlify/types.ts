// The Agent Runners API's data, as ../shared/reference/agent-runners-api.md defines it.
// States arrive in either case (`DONE` in the reference, `done` from Netlify's CLI fixtures),
// so they are typed as strings and compared through ./states.ts.

export type RunnerState = 'NEW' | 'RUNNING' | 'ERROR' | 'DONE' | 'CANCELLED' | 'ARCHIVED'
export type SessionState = 'NEW' | 'RUNNING' | 'ERROR' | 'DONE' | 'CANCELLED'
export type PullRequestState = 'OPEN' | 'CLOSED' | 'MERGED' | 'DRAFT'
export type SessionMode = 'normal' | 'redeploy' | 'rebase' | 'create' | 'ask'
/** The modes a caller may ask for when creating a runner. */
export type CreateMode = 'normal' | 'create' | 'ask'

export interface AgentRunnerUser {
  id: string
  full_name: string
  email: string
  avatar_url: string | null
}

export interface AgentRunner {
  id: string
  site_id: string
  parent_agent_runner_id: string | null
  state: RunnerState | Lowercase<RunnerState>
  created_at: string
  updated_at: string
  done_at: string | null
  title: string
  branch: string
  result_branch: string | null
  pr_url: string | null
  pr_branch: string | null
  pr_state: PullRequestState | Lowercase<PullRequestState> | null
  pr_number: number | null
  pr_is_being_created: boolean
  pr_error: string | null
  current_task: string | null
  sha: string | null
  merge_commit_sha: string | null
  merge_commit_error: string | null
  merge_commit_is_being_created: boolean
  base_deploy_id: string | null
  last_session_created_at: string | null
  has_result_diff: boolean
  user: AgentRunnerUser | null
  contributors: AgentRunnerUser[]
  active_session_created_at: string | null
  attached_file_keys: string[]
  latest_session_deploy_id: string | null
  latest_session_deploy_url: string | null
  latest_session_state: string | null
}

export interface SessionStep {
  title: string
  message: string
}

export interface AgentConfig {
  agent: string | null
  model: string | null
}

export interface AgentRunnerSession {
  id: string
  agent_runner_id: string
  dev_server_id: string | null
  state: SessionState | Lowercase<SessionState>
  created_at: string
  updated_at: string
  done_at: string | null
  title: string
  prompt: string
  agent_config: AgentConfig
  result: string | null
  duration: number | null
  steps: SessionStep[]
  commit_sha: string | null
  deploy_id: string | null
  deploy_url: string | null
  result_zip_file_name: string | null
  attached_file_keys: string[]
  is_published: boolean
  is_discarded: boolean
  has_result_diff: boolean
  has_cumulative_diff: boolean
  mode: SessionMode
  source_session_id: string | null
  user: AgentRunnerUser | null
}

/** The part of `GET /api/v1/sites/{site_id}` the action reads. */
export interface Site {
  id: string
  site_id?: string
  name: string
  account_id: string
  account_slug?: string
  url?: string
  admin_url?: string
  build_settings?: { repo_url?: string; repo_branch?: string; provider?: string } | null
}

// Request bodies and query parameters

export interface ListRunnersParams {
  account_id: string
  site_id: string
  page?: number
  per_page?: number
  state?: 'live' | 'error'
  title?: string
  branch?: string
  result_branch?: string
  user_id?: string
  /** Unix seconds: created since. */
  from?: number
  /** Unix seconds: created before. */
  to?: number
}

export interface CreateRunnerBody {
  prompt: string
  deploy_id?: string
  branch?: string
  agent?: string
  model?: string
  mode?: CreateMode
  parent_agent_runner_id?: string
  dev_server_image?: string
  file_keys?: string[]
}

export interface UpdateRunnerBody {
  base_deploy_id?: string
  result_diff?: string
  result_diff_binary?: boolean
  result_diff_s3_key?: string
  sha?: string
}

export interface RunnerDiffParams {
  /** Page of files; omit for the entire diff. */
  page?: number
  per_page?: number
  strip_binary?: boolean
}

export interface UploadUrlBody {
  account_id: string
  filename: string
  content_type: string
}

export interface UploadUrl {
  upload_url: string
  file_key: string
}

export interface DeleteUrlBody {
  account_id: string
  file_key: string
}

export interface DeleteUrl {
  delete_url: string
  file_key: string
}

export interface ListSessionsParams {
  page?: number
  per_page?: number
  state?: 'live' | 'error'
  from?: number
  to?: number
  order_by?: 'asc' | 'desc'
  include_discarded?: boolean
}

export interface CreateSessionBody {
  prompt: string
  agent?: string
  model?: string
  dev_server_image?: string
  file_keys?: string[]
}

export interface UpdateSessionBody {
  title?: string
  steps?: SessionStep[]
  result?: string
  result_branch?: string
  result_diff?: string
  result_diff_binary?: boolean
  result_diff_s3_key?: string
  cumulative_diff?: string
  cumulative_diff_binary?: boolean
  cumulative_diff_s3_key?: string
  duration?: number
  result_zip_file_name?: string
  deploy_id?: string
  state?: string
  is_published?: boolean
  has_netlify_form?: boolean
  has_netlify_identity?: boolean
  diff_produced?: boolean
}

export interface DiffUploadTarget {
  upload_url: string
  s3_key: string
}

export interface DiffUploadUrls {
  result: DiffUploadTarget
  cumulative: DiffUploadTarget
}
