// `error-kind`: every word, from the error that ended the step or from how the session ended.
import { describe, expect, it } from '@jest/globals'
import { RequestError } from '@octokit/request-error'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DeliveryError } from '../src/deliver.js'
import { explainRefusal, NetlifyApiError, NetlifyNetworkError } from '../src/netlify/errors.js'
import { ProtectedPathsError } from '../src/protected-paths.js'
import {
  ClassifiedError,
  ERROR_KINDS,
  errorKindOf,
  errorKindOfSession,
  errorKindOfStatus,
  type ErrorKind
} from '../src/report/error-kind.js'
import type { Outcome } from '../src/report/run-report.js'
import { InputError } from '../src/settings/index.js'

const api = (status: number) =>
  new NetlifyApiError(status, 'GET', '/api/v1/agent_runners/r1', undefined, '')
const network = (code: string) =>
  new NetlifyNetworkError(code, 'GET', '/api/v1/agent_runners/r1', true, 'socket hang up')
const github = (status: number) =>
  new RequestError('Server Error', status, {
    request: { method: 'GET', url: 'https://api.github.com/repos/o/r', headers: {} }
  })

describe('the error-kind of the error that ended the step', () => {
  const rows: [string, unknown, ErrorKind][] = [
    ['a refused input', new InputError('mode', 'Input `mode` must be…'), 'input'],
    ['401', api(401), 'auth'],
    ['403: the plan or the credits', api(403), 'plan'],
    ['404', api(404), 'not-found'],
    ['409', api(409), 'conflict'],
    ['400', api(400), 'rejected'],
    ['422', api(422), 'rejected'],
    ['500 after the retries', api(500), 'netlify-unavailable'],
    ['503 after the retries', api(503), 'netlify-unavailable'],
    ['a connection reset', network('ECONNRESET'), 'netlify-unavailable'],
    ['a silence past the timeout', network('ETIMEDOUT'), 'netlify-unavailable'],
    ['an unusable body', network('EBADBODY'), 'netlify-unavailable'],
    ['429s past the retries or the deadline', api(429), 'rate-limited'],
    ['a request cut short by cancellation', network('ABORTED'), 'cancelled'],
    [
      'timeout-minutes passing during a delivery',
      new DeliveryError('still working', true),
      'timed-out'
    ],
    [
      "Netlify's pr_error or merge_commit_error",
      new DeliveryError('Netlify could not…', false),
      'delivery'
    ],
    [
      'the protected-paths guard',
      new ProtectedPathsError({ files: ['.github/workflows/deploy.yml'], refused: true }),
      'protected-paths'
    ],
    ["a GitHub API failure (Octokit's RequestError)", github(502), 'github'],
    [
      'an error of ours that names its kind',
      new ClassifiedError('not-found', 'no session'),
      'not-found'
    ],
    [
      'anything else: a bug of ours',
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      'internal'
    ],
    ['a thrown string', 'boom', 'internal'],
    ['an unknown status', api(418), 'internal']
  ]
  it.each(rows)('%s', (_name, err, kind) => {
    expect(errorKindOf(err)).toBe(kind)
  })

  it("reads Netlify's refusal through the sentence that explains it", () => {
    const explained = explainRefusal(api(409), { 409: 'The runner is busy.' })
    expect(explained).not.toBeInstanceOf(NetlifyApiError)
    expect(errorKindOf(explained)).toBe('conflict')
    const upload = new Error('Uploading a.png failed: …', { cause: api(403) })
    expect(errorKindOf(upload)).toBe('plan')
  })

  it('is `cancelled` for whatever failed once the workflow was cancelled', () => {
    expect(errorKindOf(api(503), { cancelled: true })).toBe('cancelled')
    expect(errorKindOf(new Error('x'), { cancelled: true })).toBe('cancelled')
  })

  it('survives an error that is its own cause', () => {
    const err = new Error('loop')
    ;(err as { cause?: unknown }).cause = err
    expect(errorKindOf(err)).toBe('internal')
  })

  it('maps every status class', () => {
    expect(errorKindOfStatus(504)).toBe('netlify-unavailable')
    expect(errorKindOfStatus(599)).toBe('netlify-unavailable')
  })
})

describe('the error-kind of how a session ended', () => {
  const rows: [Outcome, ErrorKind | undefined][] = [
    ['failure', 'agent-error'],
    ['cancelled', 'cancelled'],
    ['timed-out', 'timed-out'],
    ['success', undefined],
    ['started', undefined],
    ['running', undefined],
    ['skipped', undefined]
  ]
  it.each(rows)('%s: %s', (outcome, kind) => {
    expect(errorKindOfSession(outcome)).toBe(kind)
  })
})

it('every word is in the README’s error-kind table, and the table has no other', async () => {
  const { ROOT } = await import('../__fixtures__/actions-runner.js')
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const section = readme.split('\n## What went wrong: `error-kind`\n')[1]?.split('\n## ')[0] ?? ''
  const rows = section.split(/^\| -.*$/m)[1] ?? '' // below the header
  const listed = [...rows.matchAll(/^\| `([a-z-]+)` +\|/gm)].map(m => m[1])
  expect([...listed].sort()).toEqual([...ERROR_KINDS].sort())
})
