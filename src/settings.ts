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

export interface Settings {
  token: string
  siteId: string
  apiUrl: string
  prompt: string
  agent: string | undefined
  model: string | undefined
  mode: CreateMode
  branch: string | undefined
  deployId: string | undefined
  parentAgentRunnerId: string | undefined
  devServerImage: string | undefined
  /** Set: follow up on this runner instead of starting a new one. */
  agentRunnerId: string | undefined
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

function readPrompt(source: SettingsSource): string {
  const inline = source.input('prompt')
  const file = source.input('prompt-file')
  if (inline !== '' && file !== '') {
    throw new InputError(
      'prompt-file',
      'Inputs `prompt` and `prompt-file` were both given; give one.'
    )
  }
  if (file !== '') {
    const workspace = source.env.GITHUB_WORKSPACE ?? process.cwd()
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
  if (inline === '') {
    throw new InputError(
      'prompt',
      'Input `prompt` is required: the task for the agent (or give `prompt-file`).'
    )
  }
  return inline
}

/** The Netlify token (input, else NETLIFY_AUTH_TOKEN), masked the moment it is read; '' if none. */
export function readToken(source: SettingsSource): string {
  const token = source.input('netlify-auth-token') || (source.env.NETLIFY_AUTH_TOKEN ?? '').trim()
  if (token !== '') source.mask?.(token)
  return token
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
  const siteId = source.input('site-id') || (source.env.NETLIFY_SITE_ID ?? '').trim()
  if (siteId === '') {
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
  if (agentRunnerId !== undefined) {
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

  const settings: Settings = {
    token,
    siteId,
    apiUrl: parseApiUrl(source.input('api-url')),
    prompt: readPrompt(source),
    agent,
    model: optional(source.input('model')),
    mode,
    branch,
    deployId,
    parentAgentRunnerId,
    devServerImage: optional(source.input('dev-server-image')),
    agentRunnerId,
    wait: parseBoolean('wait', source.input('wait'), true),
    timeoutMs:
      parsePositiveNumber('timeout-minutes', source.input('timeout-minutes'), 60, 'minutes') *
      60_000,
    onTimeout: oneOf('on-timeout', source.input('on-timeout'), ON_TIMEOUT, 'stop'),
    pollIntervalMs:
      parsePositiveNumber('poll-interval', source.input('poll-interval'), 20, 'seconds') * 1000,
    failOnError: parseBoolean('fail-on-error', source.input('fail-on-error'), true),
    jobSummary: parseBoolean('job-summary', source.input('job-summary'), true),
    tempDir: source.env.RUNNER_TEMP || tmpdir(),
    workflowStep: workflowStepOf(source.env)
  }
  return { settings, warnings }
}
