// Every input, read once, validated, into one typed object. Nothing here logs or sends a request:
// a bad input becomes one InputError naming the input, and the step fails before any traffic.
import { readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { isAbsolute, resolve } from 'node:path'
import { DEFAULT_API_URL } from './netlify/client.js'
import type { CreateMode } from './netlify/types.js'
import { workflowStepOf, type WorkflowStep } from './run-tag.js'

export const KNOWN_AGENTS = ['claude', 'codex', 'gemini'] as const
export const MODES: readonly CreateMode[] = ['normal', 'create', 'ask']
export type OnTimeout = 'stop' | 'leave'
export const ON_TIMEOUT: readonly OnTimeout[] = ['stop', 'leave']
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
  'list'
] as const
export type Command = (typeof COMMANDS)[number]
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
  command: Command
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

/** A bad input. Its message names the input, what was wrong, and what is allowed. */
export class InputError extends Error {
  override readonly name = 'InputError'
  constructor(
    readonly input: string,
    message: string
  ) {
    super(message)
  }
}

export interface SettingsSource {
  /** An input's value as the runner passes it ('' when not given). */
  input: (name: string) => string
  env: NodeJS.ProcessEnv
  /** Called with each secret the moment it is read, before anything can be logged. */
  mask?: (secret: string) => void
}

export interface ParsedSettings {
  settings: Settings
  /** Things worth saying that are not errors; logged by the caller once the token is masked. */
  warnings: string[]
}

/** Reads the inputs the way the runner passes them: `INPUT_<NAME>` with hyphens kept. */
export function actionsSource(
  env: NodeJS.ProcessEnv = process.env,
  mask?: (secret: string) => void
): SettingsSource {
  return {
    input: name => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
    env,
    mask
  }
}

function optional(value: string): string | undefined {
  return value === '' ? undefined : value
}

export function parseBoolean(name: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new InputError(name, `Input \`${name}\` must be true or false; got "${value}".`)
}

export function parsePositiveNumber(
  name: string,
  value: string,
  fallback: number,
  unit: string
): number {
  if (value === '') return fallback
  const n = Number(value)
  if (!/^\s*\d+(\.\d+)?\s*$/.test(value) || !Number.isFinite(n) || n <= 0) {
    throw new InputError(
      name,
      `Input \`${name}\` must be a positive number of ${unit}; got "${value}".`
    )
  }
  return n
}

function oneOf<T extends string>(
  name: string,
  value: string,
  allowed: readonly T[],
  fallback: T
): T {
  if (value === '') return fallback
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new InputError(
    name,
    `Input \`${name}\` must be one of ${allowed.join(', ')}; got "${value}".`
  )
}

function parseApiUrl(value: string): string {
  if (value === '') return DEFAULT_API_URL
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError(
      'api-url',
      `Input \`api-url\` must be an http(s) URL such as ${DEFAULT_API_URL}; got "${value}".`
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(
      'api-url',
      `Input \`api-url\` must be an http(s) URL such as ${DEFAULT_API_URL}; got "${value}".`
    )
  }
  return value.replace(/\/+$/, '')
}

/** The prompt; on a gated event it is optional, as instructions put before the issue or comment. */
function readPrompt(source: SettingsSource, workspace: string, optional = false): string {
  const inline = source.input('prompt')
  const file = source.input('prompt-file')
  if (inline !== '' && file !== '') {
    throw new InputError(
      'prompt-file',
      'Inputs `prompt` and `prompt-file` were both given; give one.'
    )
  }
  if (file !== '') {
    const path = isAbsolute(file) ? file : resolve(workspace, file)
    let text: string
    try {
      if (!statSync(path).isFile()) throw new Error('not a file')
      text = readFileSync(path, 'utf8')
    } catch {
      throw new InputError(
        'prompt-file',
        `Input \`prompt-file\` names ${path}, which is not a readable file.`
      )
    }
    if (text.trim() === '') {
      throw new InputError(
        'prompt-file',
        `Input \`prompt-file\` names ${path}, which is empty; the agent needs a task.`
      )
    }
    return text.trim()
  }
  if (inline === '' && !optional) {
    throw new InputError(
      'prompt',
      'Input `prompt` is required: the task for the agent (or give `prompt-file`).'
    )
  }
  return inline
}

/** A secret input (else its environment variable), masked the moment it is read; '' if none. */
function readSecret(source: SettingsSource, input: string, envVar: string): string {
  const secret = source.input(input) || (source.env[envVar] ?? '').trim()
  if (secret !== '') source.mask?.(secret)
  return secret
}

/** The Netlify token (input, else NETLIFY_AUTH_TOKEN), masked the moment it is read. */
export function readToken(source: SettingsSource): string {
  return readSecret(source, 'netlify-auth-token', 'NETLIFY_AUTH_TOKEN')
}

/** Newline-separated values, blank lines and surrounding spaces dropped. */
function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(line => line !== '')
}

/** A moment as Unix seconds: given as Unix seconds, or as an ISO 8601 date or time. */
export function parseMoment(name: string, value: string): number | undefined {
  if (value === '') return undefined
  if (/^\d+$/.test(value)) return Number(value)
  const ms = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)
    ? Date.parse(value)
    : NaN
  if (Number.isNaN(ms)) {
    throw new InputError(
      name,
      `Input \`${name}\` must be Unix seconds or an ISO 8601 date such as 2026-11-01 or 2026-11-01T12:00:00Z; got "${value}".`
    )
  }
  return Math.floor(ms / 1000)
}

/** Branches Netlify refuses to commit to whatever the site; the site's own base is checked later. */
export const PROTECTED_BRANCHES = ['main', 'master']

function parseCommitBranch(value: string): string | undefined {
  if (value === '') return undefined
  if (PROTECTED_BRANCHES.includes(value)) {
    throw new InputError(
      'commit-to-branch',
      `Input \`commit-to-branch\` is "${value}": the agent's changes are never committed straight to main or master. Name another branch, or use \`pull-request: true\`.`
    )
  }
  if (/\s|\.\.|[~^:?*[\\]|^[-/]|\/$|\.lock$/.test(value)) {
    throw new InputError(
      'commit-to-branch',
      `Input \`commit-to-branch\` is "${value}", which is not a valid branch name.`
    )
  }
  return value
}

/**
 * The inputs that only some commands take. A command given one it does not take is refused: it
 * would be ignored, and the user meant something by it.
 */
const RUN_INPUTS = [
  'prompt',
  'prompt-file',
  'files',
  'agent',
  'model',
  'mode',
  'branch',
  'deploy-id',
  'parent-agent-runner-id',
  'dev-server-image',
  'agent-runner-id',
  'pull-request',
  'commit-to-branch'
] as const
const SCOPED_INPUTS = [
  ...RUN_INPUTS,
  'session-id',
  'cumulative',
  'state',
  'result-branch',
  'title',
  'from',
  'to'
] as const
type ScopedInput = (typeof SCOPED_INPUTS)[number]

const DELIVERY: ScopedInput[] = ['pull-request', 'commit-to-branch']

/** For each command: the scoped inputs it takes, and those it cannot do without. */
export const COMMAND_INPUTS: Record<Command, { takes: ScopedInput[]; needs: ScopedInput[] }> = {
  run: { takes: [...RUN_INPUTS], needs: [] },
  status: { takes: ['agent-runner-id', 'session-id'], needs: ['agent-runner-id'] },
  diff: { takes: ['agent-runner-id', 'session-id', 'cumulative'], needs: ['agent-runner-id'] },
  stop: { takes: ['agent-runner-id', 'session-id'], needs: ['agent-runner-id'] },
  archive: { takes: ['agent-runner-id'], needs: ['agent-runner-id'] },
  revert: { takes: ['agent-runner-id', 'session-id'], needs: ['agent-runner-id', 'session-id'] },
  rebase: { takes: ['agent-runner-id', ...DELIVERY], needs: ['agent-runner-id'] },
  redeploy: { takes: ['agent-runner-id', 'session-id', ...DELIVERY], needs: ['agent-runner-id'] },
  'pull-request': { takes: ['agent-runner-id'], needs: ['agent-runner-id'] },
  commit: {
    takes: ['agent-runner-id', 'commit-to-branch'],
    needs: ['agent-runner-id', 'commit-to-branch']
  },
  list: { takes: ['branch', 'state', 'result-branch', 'title', 'from', 'to'], needs: [] }
}

/** Whether a scoped input was given: a boolean or `mode` counts only when not its default. */
function given(source: SettingsSource, name: ScopedInput): boolean {
  const value = source.input(name)
  if (name === 'mode') return value !== '' && value !== 'normal'
  if (name === 'cumulative' || name === 'pull-request') return value !== '' && value !== 'false'
  return value !== ''
}

function checkCommandInputs(command: Command, source: SettingsSource): void {
  const { takes, needs } = COMMAND_INPUTS[command]
  for (const name of SCOPED_INPUTS) {
    if (given(source, name) && !takes.includes(name)) {
      const users = COMMANDS.filter(c => COMMAND_INPUTS[c].takes.includes(name))
      throw new InputError(
        name,
        `Input \`${name}\` does not apply to \`command: ${command}\` (it applies to ${users.map(c => `\`${c}\``).join(', ')}); remove it.`
      )
    }
  }
  for (const name of needs) {
    if (!given(source, name)) {
      throw new InputError(name, `Input \`${name}\` is required by \`command: ${command}\`.`)
    }
  }
}

/** Logins, one a line or comma-separated, in lower case; `[bot]` dropped. */
function logins(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map(login =>
      login
        .trim()
        .toLowerCase()
        .replace(/\[bot\]$/, '')
    )
    .filter(login => login !== '')
}

/** The GitHub token (input, else GITHUB_TOKEN), masked the moment it is read. */
export function readGitHubToken(source: SettingsSource): string {
  return readSecret(source, 'github-token', 'GITHUB_TOKEN')
}

function readGitHub(source: SettingsSource, command: Command): GitHubSettings {
  const { env } = source
  const token = readGitHubToken(source)
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const gatedEvent = command === 'run' && GATED_EVENTS.includes(eventName) ? eventName : undefined
  const allowedBots = logins(source.input('allowed-bots'))
  if (allowedBots.includes('*')) {
    throw new InputError(
      'allowed-bots',
      'Input `allowed-bots` may not be `*`: any bot could then spend the credits. Name each bot (for example `renovate`).'
    )
  }
  const repository = env.GITHUB_REPOSITORY ?? ''
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const settings: GitHubSettings = {
    token,
    gatedEvent,
    eventPath: env.GITHUB_EVENT_PATH ?? '',
    repository,
    workflowRunUrl: `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID ?? ''}`,
    label: source.input('label') || 'netlify-agent',
    triggerPhrase: source.input('trigger-phrase') || '@netlify',
    allowedUsers: logins(source.input('allowed-users')),
    allowedBots,
    statusComment: parseBoolean('status-comment', source.input('status-comment'), true)
  }
  if (gatedEvent !== undefined && token === '') {
    throw new InputError(
      'github-token',
      `Input \`github-token\` is empty, and a \`${gatedEvent}\` event needs it to check who asked and to comment: leave it at its default (\`\${{ github.token }}\`) and grant the job \`issues: write\` and \`pull-requests: write\`.`
    )
  }
  if (/\s/.test(settings.triggerPhrase)) {
    throw new InputError(
      'trigger-phrase',
      `Input \`trigger-phrase\` must be one word, such as @netlify; got "${settings.triggerPhrase}".`
    )
  }
  return settings
}

export function getSettings(source: SettingsSource = actionsSource()): ParsedSettings {
  const warnings: string[] = []
  const token = readToken(source)
  if (token === '') {
    throw new InputError(
      'netlify-auth-token',
      'Input `netlify-auth-token` is required (or set the NETLIFY_AUTH_TOKEN environment variable): a Netlify personal access token, from a secret.'
    )
  }
  const command = oneOf('command', source.input('command'), COMMANDS, 'run')
  checkCommandInputs(command, source)
  const github = readGitHub(source, command)

  const siteId = optional(source.input('site-id') || (source.env.NETLIFY_SITE_ID ?? '').trim())
  if (siteId === undefined && (command === 'list' || command === 'run')) {
    throw new InputError(
      'site-id',
      'Input `site-id` is required (or set the NETLIFY_SITE_ID environment variable): the Site ID from Site configuration > Site details.'
    )
  }

  const agentRunnerId = optional(source.input('agent-runner-id'))
  const mode = oneOf('mode', source.input('mode'), MODES, 'normal')
  const branch = optional(source.input('branch'))
  const deployId = optional(source.input('deploy-id'))
  const parentAgentRunnerId = optional(source.input('parent-agent-runner-id'))
  if (command === 'run' && agentRunnerId !== undefined) {
    // A follow-up continues its runner: where it starts from is already decided.
    const conflicting: [string, unknown][] = [
      ['branch', branch],
      ['deploy-id', deployId],
      ['parent-agent-runner-id', parentAgentRunnerId],
      ['mode', mode === 'normal' ? undefined : mode]
    ]
    for (const [name, value] of conflicting) {
      if (value !== undefined) {
        throw new InputError(
          name,
          `Input \`${name}\` applies to a new runner, but \`agent-runner-id\` asks for a follow-up session on runner ${agentRunnerId}, which keeps its own; remove one of them.`
        )
      }
    }
  }

  const agent = optional(source.input('agent'))
  if (agent !== undefined && !(KNOWN_AGENTS as readonly string[]).includes(agent)) {
    warnings.push(
      `Input \`agent\` is "${agent}", which this action does not know (known: ${KNOWN_AGENTS.join(', ')}); passing it to Netlify as given.`
    )
  }

  const pullRequest = parseBoolean('pull-request', source.input('pull-request'), false)
  const commitToBranch = parseCommitBranch(source.input('commit-to-branch'))
  if (pullRequest && commitToBranch !== undefined) {
    throw new InputError(
      'commit-to-branch',
      'Inputs `pull-request` and `commit-to-branch` were both given: the changes go either into a pull request or onto a branch; choose one.'
    )
  }
  const wait = parseBoolean('wait', source.input('wait'), true)
  const followsSession = command === 'run' || command === 'rebase' || command === 'redeploy'
  if (!wait && followsSession && (pullRequest || commitToBranch !== undefined)) {
    throw new InputError(
      'wait',
      `Input \`wait\` is false, but \`${pullRequest ? 'pull-request' : 'commit-to-branch'}\` delivers the changes once the session is done, which a step that does not wait never sees. Remove one of them (\`command: ${pullRequest ? 'pull-request' : 'commit'}\` delivers later).`
    )
  }
  const cumulative = parseBoolean('cumulative', source.input('cumulative'), false)
  const sessionId = optional(source.input('session-id'))
  if (cumulative && sessionId === undefined) {
    throw new InputError(
      'cumulative',
      "Input `cumulative` needs `session-id`: the runner's own diff already holds every change; the cumulative diff is a session's, up to that session."
    )
  }
  const workspace = source.env.GITHUB_WORKSPACE || process.cwd()
  const list: ListFilters = {
    state:
      source.input('state') === ''
        ? undefined
        : oneOf('state', source.input('state'), LIST_STATES, 'live'),
    branch: command === 'list' ? branch : undefined,
    resultBranch: optional(source.input('result-branch')),
    title: optional(source.input('title')),
    from: parseMoment('from', source.input('from')),
    to: parseMoment('to', source.input('to'))
  }
  if (list.from !== undefined && list.to !== undefined && list.from >= list.to) {
    throw new InputError('to', 'Input `to` must come after `from`.')
  }

  const settings: Settings = {
    command,
    token,
    siteId,
    apiUrl: parseApiUrl(source.input('api-url')),
    prompt: command === 'run' ? readPrompt(source, workspace, github.gatedEvent !== undefined) : '',
    agent,
    model: optional(source.input('model')),
    mode,
    branch: command === 'list' ? undefined : branch,
    deployId,
    parentAgentRunnerId,
    devServerImage: optional(source.input('dev-server-image')),
    agentRunnerId,
    sessionId,
    cumulative,
    pullRequest: pullRequest || command === 'pull-request',
    commitToBranch,
    files: lines(source.input('files')),
    workspace,
    list,
    wait,
    timeoutMs:
      parsePositiveNumber('timeout-minutes', source.input('timeout-minutes'), 60, 'minutes') *
      60_000,
    onTimeout: oneOf('on-timeout', source.input('on-timeout'), ON_TIMEOUT, 'stop'),
    pollIntervalMs:
      parsePositiveNumber('poll-interval', source.input('poll-interval'), 20, 'seconds') * 1000,
    failOnError: parseBoolean('fail-on-error', source.input('fail-on-error'), true),
    jobSummary: parseBoolean('job-summary', source.input('job-summary'), true),
    tempDir: source.env.RUNNER_TEMP || tmpdir(),
    workflowStep: workflowStepOf(source.env),
    github
  }
  return { settings, warnings }
}
