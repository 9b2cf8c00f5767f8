import { describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { makeTempDir } from '../__fixtures__/temp-dirs.js'
import { actionsInputs, getSettings, InputError } from '../src/settings/index.js'
import { parseMoment } from '../src/settings/parsers.js'

function parse(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  mask?: (s: string) => void
) {
  const vars: NodeJS.ProcessEnv = { ...env }
  for (const [name, value] of Object.entries(inputs)) vars[`INPUT_${name.toUpperCase()}`] = value
  // @actions/core reads the inputs from the process's environment, as on a runner.
  const saved = process.env
  process.env = vars
  try {
    return getSettings(actionsInputs(vars, mask ?? (() => undefined)))
  } finally {
    process.env = saved
  }
}

const base = { 'netlify-auth-token': 'tok-123456', 'site-id': 'site', prompt: 'Do it' }

function errorOf(fn: () => unknown): InputError {
  try {
    fn()
  } catch (err) {
    if (err instanceof InputError) return err
    throw err
  }
  throw new Error('no InputError thrown')
}

describe('settings', () => {
  it('have defaults for everything optional', () => {
    const { settings, warnings } = parse(base, { RUNNER_TEMP: '/runner/temp' })
    expect(settings).toMatchObject({
      token: 'tok-123456',
      siteId: 'site',
      apiUrl: 'https://api.netlify.com',
      prompt: 'Do it',
      mode: 'normal',
      wait: true,
      timeoutMs: 60 * 60_000,
      pollIntervalMs: 20_000,
      failOnError: true,
      jobSummary: true,
      tempDir: '/runner/temp',
      agentRunnerId: undefined
    })
    expect(warnings).toEqual([])
  })

  it('mask the token the moment it is read, even when a later input is bad', () => {
    const masked: string[] = []
    expect(() => parse({ ...base, mode: 'bad' }, {}, s => masked.push(s))).toThrow(InputError)
    expect(masked).toEqual(['tok-123456'])
  })

  it('fall back to NETLIFY_AUTH_TOKEN and NETLIFY_SITE_ID', () => {
    const { settings } = parse(
      { prompt: 'x' },
      { NETLIFY_AUTH_TOKEN: 'env-token', NETLIFY_SITE_ID: 'env-site' }
    )
    expect(settings.token).toBe('env-token')
    expect(settings.siteId).toBe('env-site')
  })

  it('read prompt-file relative to the workspace, trimmed', () => {
    const workspace = makeTempDir('ws-')
    writeFileSync(join(workspace, 'task.md'), '\n  Fix it  \n')
    const { settings } = parse(
      { ...base, prompt: '', 'prompt-file': 'task.md' },
      { GITHUB_WORKSPACE: workspace }
    )
    expect(settings.prompt).toBe('Fix it')
  })

  it('refuse an empty prompt-file', () => {
    const workspace = makeTempDir('ws-')
    writeFileSync(join(workspace, 'empty.md'), ' \n')
    const err = errorOf(() =>
      parse({ ...base, prompt: '', 'prompt-file': 'empty.md' }, { GITHUB_WORKSPACE: workspace })
    )
    expect(err.input).toBe('prompt-file')
    expect(err.message).toMatch(/which is empty/)
  })

  it('take fractions of minutes and seconds', () => {
    const { settings } = parse({ ...base, 'timeout-minutes': '0.5', 'poll-interval': '2.5' })
    expect(settings.timeoutMs).toBe(30_000)
    expect(settings.pollIntervalMs).toBe(2_500)
  })

  it.each(['abc', '0', '-1', '1e3', ''])('refuse timeout-minutes %p unless empty', value => {
    if (value === '') {
      expect(parse({ ...base, 'timeout-minutes': value }).settings.timeoutMs).toBe(3_600_000)
      return
    }
    expect(errorOf(() => parse({ ...base, 'timeout-minutes': value })).input).toBe(
      'timeout-minutes'
    )
  })

  it('refuse new-runner inputs on a follow-up, naming the input', () => {
    for (const [name, value] of [
      ['deploy-id', 'd1'],
      ['parent-agent-runner-id', 'p1'],
      ['mode', 'ask']
    ]) {
      const err = errorOf(() => parse({ ...base, 'agent-runner-id': 'r1', [name!]: value! }))
      expect(err.input).toBe(name)
    }
    expect(parse({ ...base, 'agent-runner-id': 'r1', mode: 'normal' }).settings.agentRunnerId).toBe(
      'r1'
    )
  })

  it('warn on an agent it does not know, and pass it on', () => {
    const { settings, warnings } = parse({ ...base, agent: 'devin' })
    expect(settings.agent).toBe('devin')
    expect(warnings).toEqual([expect.stringContaining('Input `agent` is "devin"')])
  })

  it('strip a trailing slash from api-url and refuse other schemes', () => {
    expect(parse({ ...base, 'api-url': 'http://127.0.0.1:9/' }).settings.apiUrl).toBe(
      'http://127.0.0.1:9'
    )
    expect(errorOf(() => parse({ ...base, 'api-url': 'ftp://x' })).input).toBe('api-url')
  })

  it('default to command run, and a command needs only its own inputs', () => {
    expect(parse(base).settings.command).toBe('run')
    const { settings } = parse({
      'netlify-auth-token': 't',
      command: 'status',
      'agent-runner-id': 'r1'
    })
    expect(settings).toMatchObject({ command: 'status', siteId: undefined, prompt: '' })
  })

  it('treat the default values of booleans and mode as not given', () => {
    const { settings } = parse({
      'netlify-auth-token': 't',
      command: 'archive',
      'agent-runner-id': 'r1',
      mode: 'normal',
      'pull-request': 'false',
      cumulative: 'false'
    })
    expect(settings.command).toBe('archive')
  })

  it.each(['False', 'FALSE'])('read pull-request: %s as not given, in any YAML spelling', value => {
    const { settings } = parse({
      'netlify-auth-token': 't',
      command: 'status',
      'agent-runner-id': 'r1',
      'pull-request': value
    })
    expect(settings.command).toBe('status')
  })

  it('turn a boolean that is not YAML into one error naming the input', () => {
    const error = errorOf(() => parse({ ...base, wait: 'yes' }))
    expect(error.input).toBe('wait')
    expect(error.message).toBe('Input `wait` must be true or false; got "yes".')
  })

  it.each(['0.001', '1.9'])('refuse poll-interval %s, under the 2 s floor', value => {
    const error = errorOf(() => parse({ ...base, 'poll-interval': value }))
    expect(error.input).toBe('poll-interval')
    expect(error.message).toContain('at least 2 seconds')
  })

  it('name the commands an input applies to when refusing it', () => {
    const err = errorOf(() =>
      parse({
        'netlify-auth-token': 't',
        command: 'archive',
        'agent-runner-id': 'r',
        'session-id': 's'
      })
    )
    expect(err.input).toBe('session-id')
    expect(err.message).toContain('`status`, `diff`, `stop`, `revert`, `redeploy`')
  })

  it('command pull-request means pull-request: true', () => {
    const { settings } = parse({
      'netlify-auth-token': 't',
      command: 'pull-request',
      'agent-runner-id': 'r'
    })
    expect(settings.pullRequest).toBe(true)
  })

  it('read files as one pattern a line', () => {
    expect(parse({ ...base, files: ' a.md \n\n b/*.png\r\n!c.md ' }).settings.files).toEqual([
      'a.md',
      'b/*.png',
      '!c.md'
    ])
  })

  it('read from and to as Unix seconds or ISO dates', () => {
    expect(parseMoment('from', '1700000000')).toBe(1_700_000_000)
    expect(parseMoment('from', '2026-11-01')).toBe(Date.UTC(2026, 10, 1) / 1000)
    expect(parseMoment('from', '2026-11-01T12:00:00Z')).toBe(Date.UTC(2026, 10, 1, 12) / 1000)
    expect(parseMoment('to', '')).toBeUndefined()
    expect(() => parseMoment('to', 'yesterday')).toThrow(/Input `to` must be Unix seconds/)
    const err = errorOf(() =>
      parse({
        'netlify-auth-token': 't',
        'site-id': 's',
        command: 'list',
        from: '2026-11-02',
        to: '2026-11-01'
      })
    )
    expect(err.input).toBe('to')
  })

  it('read the GitHub side: masked token, logins in lower case without [bot]', () => {
    const masked: string[] = []
    const { settings } = parse(
      {
        ...base,
        'github-token': 'ghs_secret',
        'allowed-users': 'Alice, bob',
        'allowed-bots': 'renovate[bot]\ndependabot'
      },
      { GITHUB_EVENT_NAME: 'issue_comment', GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '9' },
      s => masked.push(s)
    )
    expect(masked).toContain('ghs_secret')
    expect(settings.github).toMatchObject({
      gatedEvent: 'issue_comment',
      allowedUsers: ['alice', 'bob'],
      allowedBots: ['renovate', 'dependabot'],
      label: 'netlify-agent',
      triggerPhrase: '@netlify',
      statusComment: true,
      workflowRunUrl: 'https://github.com/o/r/actions/runs/9'
    })
  })

  it('on a label or comment event the prompt is optional; elsewhere it is required', () => {
    const inputs = { 'netlify-auth-token': 't', 'site-id': 's', 'github-token': 'g' }
    expect(parse(inputs, { GITHUB_EVENT_NAME: 'issues' }).settings.prompt).toBe('')
    expect(errorOf(() => parse(inputs, { GITHUB_EVENT_NAME: 'schedule' })).input).toBe('prompt')
  })

  it('events gate only run: other commands ignore them', () => {
    const { settings } = parse(
      { 'netlify-auth-token': 't', command: 'status', 'agent-runner-id': 'r' },
      { GITHUB_EVENT_NAME: 'issue_comment' }
    )
    expect(settings.github.gatedEvent).toBeUndefined()
  })

  it('refuse allowed-bots *, a missing github-token on a gated event, a spaced phrase', () => {
    expect(errorOf(() => parse({ ...base, 'allowed-bots': '*' })).input).toBe('allowed-bots')
    expect(errorOf(() => parse(base, { GITHUB_EVENT_NAME: 'issues' })).input).toBe('github-token')
    expect(errorOf(() => parse({ ...base, 'trigger-phrase': 'hey bot' })).input).toBe(
      'trigger-phrase'
    )
  })
})
