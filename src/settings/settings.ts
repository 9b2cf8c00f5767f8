// The typed settings every later stage reads: what the inputs and the event ask for, checked.
import type { CreateMode } from '../netlify/types.js'
import type { RunThread, WorkflowStep } from '../run-tag.js'

export const KNOWN_AGENTS = ['claude', 'codex', 'gemini'] as const
export const MODES: readonly CreateMode[] = ['normal', 'create', 'ask']
export type OnTimeout = 'stop' | 'leave'
export const ON_TIMEOUT: readonly OnTimeout[] = ['stop', 'leave']
/** `protected-paths`'s default, as action.yml gives it. */
export const DEFAULT_PROTECTED_PATHS = ['.github/workflows/**', '.github/actions/**']
export type OnProtectedPaths = 'refuse' | 'warn'
export const ON_PROTECTED_PATHS: readonly OnProtectedPaths[] = ['refuse', 'warn']
export const COMMANDS = [
  'run',
  'status',
  'diff',
  'stop',
  'archive',
  'revert',
  'rebase',
  'redeploy',
  'pull-request',
  'commit',
  'list',
  'sweep'
] as const
export type CommandName = (typeof COMMANDS)[number]
export const LIST_STATES = ['live', 'error'] as const

/** The `list` command's filters, as the reference names them. */
export interface ListFilters {
  state: (typeof LIST_STATES)[number] | undefined
  branch: string | undefined
  resultBranch: string | undefined
  title: string | undefined
  /** Unix seconds: created since. */
  from: number | undefined
  /** Unix seconds: created before. */
  to: number | undefined
}

export interface Settings {
  command: CommandName
  token: string
  /** Required by `run` and `list`; the other commands read it from the runner when not given. */
  siteId: string | undefined
  apiUrl: string
  /** The task (`run`); '' for the other commands. */
  prompt: string
  agent: string | undefined
  model: string | undefined
  mode: CreateMode
  branch: string | undefined
  deployId: string | undefined
  parentAgentRunnerId: string | undefined
  devServerImage: string | undefined
  /** Set: follow up on this runner instead of starting a new one (`run`), or the runner to act on. */
  agentRunnerId: string | undefined
  /** The session a command acts on (`status`, `diff`, `stop`, `revert`, `redeploy`). */
  sessionId: string | undefined
  /** `diff`: the session's cumulative diff instead of its own. */
  cumulative: boolean
  /** After a done session with changes, open (or update) the runner's pull request. */
  pullRequest: boolean
  /** After a done session with changes, commit them to this branch. */
  commitToBranch: string | undefined
  /** Glob patterns of files a delivery must not change unchecked; [] turns the check off. */
  protectedPaths: string[]
  /** A delivery that changes a protected file: refused, or made with a warning. */
  onProtectedPaths: OnProtectedPaths
  /** Paths or glob patterns of files to attach, relative to the workspace. */
  files: string[]
  /** Where `files` and `prompt-file` are read from. */
  workspace: string
  list: ListFilters
  wait: boolean
  timeoutMs: number
  /** Past the deadline: stop the session, or leave it running. */
  onTimeout: OnTimeout
  pollIntervalMs: number
  failOnError: boolean
  jobSummary: boolean
  /** Where diffs are written: RUNNER_TEMP on a runner. */
  tempDir: string
  /** The workflow step running this, to tag what it starts; undefined outside Actions. */
  workflowStep: WorkflowStep | undefined
  /** The issue or pull request a run started by an event reports to (set by ../github/trigger.ts). */
  thread: RunThread | undefined
  /** `sweep`: how far back, in ms, to look for runs to settle. */
  sweepMs: number
  github: GitHubSettings
}

/** Events on which `run` is started by a label or a comment, and gated on who asked. */
export const GATED_EVENTS = [
  'issues',
  'issue_comment',
  'pull_request_review_comment',
  'pull_request_review'
]

/** The workflow event, and how it may start a run (./github/). */
export interface GitHubSettings {
  /** `github-token`, masked when read; '' when there is none. */
  token: string
  /** GITHUB_EVENT_NAME, when it is one that `run` gates on (GATED_EVENTS); else undefined. */
  gatedEvent: string | undefined
  /** GITHUB_EVENT_PATH: the event's payload, as JSON. */
  eventPath: string
  repository: string
  /** This workflow run's page, for links. */
  workflowRunUrl: string
  label: string
  triggerPhrase: string
  /** Logins that may start runs without write access (lower case). */
  allowedUsers: string[]
  /** Bot logins that may start runs, without `[bot]` (lower case). */
  allowedBots: string[]
  statusComment: boolean
}
