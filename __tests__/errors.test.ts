import { describe, expect, it } from '@jest/globals'
import {
  NetlifyApiError,
  NetlifyNetworkError,
  resourcesOf,
  retryNotice,
  serverMessage
} from '../src/netlify/errors.js'
import { nextPageOf } from '../src/netlify/client.js'

describe("the server's message", () => {
  it('is `error`, else `message`', () => {
    expect(serverMessage('{"error":"No prompt"}', 'application/json')).toBe('No prompt')
    expect(serverMessage('{"message":"Bad thing"}', 'application/json')).toBe('Bad thing')
    expect(serverMessage('{"code":3}', 'application/json')).toBeUndefined()
  })
  it('is nothing for an HTML page from a proxy, which must not crash the parser', () => {
    expect(
      serverMessage('<!DOCTYPE html><html><body>502 Bad Gateway</body></html>', 'text/html')
    ).toBeUndefined()
    expect(serverMessage('<html>oops', 'application/json')).toBeUndefined()
  })
  it('is the text itself when plain, shortened', () => {
    expect(serverMessage('upstream timed out', 'text/plain')).toBe('upstream timed out')
    expect(serverMessage('x'.repeat(400), undefined)).toHaveLength(301)
  })
})

describe('what an error tells the user', () => {
  it('names the request, the status and the server message', () => {
    const err = new NetlifyApiError(
      500,
      'GET',
      '/api/v1/agent_runners/r1',
      'boom',
      'Internal Server Error'
    )
    expect(err.message).toBe('Netlify API GET /api/v1/agent_runners/r1 failed with 500: boom')
    expect(err.status).toBe(500)
  })
  it('falls back to the status text', () => {
    const err = new NetlifyApiError(502, 'GET', '/api/v1/sites/s', undefined, 'Bad Gateway')
    expect(err.message).toContain('failed with 502: Bad Gateway')
  })
  it('401 says the token is missing, wrong or expired', () => {
    const err = new NetlifyApiError(401, 'GET', '/api/v1/sites/s', 'Access Denied', 'Unauthorized')
    expect(err.message).toMatch(/token is missing, wrong or expired.*`netlify-auth-token`/)
  })
  it("403 points at the account's plan and credits", () => {
    const err = new NetlifyApiError(
      403,
      'POST',
      '/api/v1/agent_runners?site_id=s',
      undefined,
      'Forbidden'
    )
    expect(err.message).toMatch(/plan includes Agent Runners.*credits/)
  })
  it('404 names the site, runner or session that was not found', () => {
    expect(new NetlifyApiError(404, 'GET', '/api/v1/sites/s-9', undefined, '').message).toContain(
      'Site s-9 was not found'
    )
    expect(
      new NetlifyApiError(404, 'POST', '/api/v1/agent_runners?site_id=s-9', undefined, '').message
    ).toContain('Site s-9 was not found')
    expect(
      new NetlifyApiError(404, 'GET', '/api/v1/agent_runners/r-1', undefined, '').message
    ).toContain('Agent runner r-1 was not found')
    expect(
      new NetlifyApiError(404, 'GET', '/api/v1/agent_runners/r-1/sessions/x-2', undefined, '')
        .message
    ).toContain('Session x-2 of agent runner r-1 was not found')
  })
  it('422 on a create points at the deploy', () => {
    const err = new NetlifyApiError(
      422,
      'POST',
      '/api/v1/agent_runners?site_id=s',
      'Deploy not found',
      ''
    )
    expect(err.message).toMatch(/Deploy not found\. .*`deploy-id`/)
  })
  it('reads resource ids from paths', () => {
    expect(resourcesOf('/api/v1/agent_runners/upload_url')).toEqual({})
    expect(resourcesOf('/api/v1/agent_runners/a%2Fb/sessions/c')).toEqual({
      runner: 'a/b',
      session: 'c'
    })
  })
})

describe('a request that got no answer', () => {
  const DEFAULT = { host: 'api.netlify.com', fromInput: false }
  it('says Netlify could not be reached at its host, not that it answered', () => {
    const err = new NetlifyNetworkError(
      'ECONNREFUSED',
      'GET',
      '/api/v1/sites/s',
      false,
      'connect ECONNREFUSED 1.2.3.4:443',
      DEFAULT
    )
    expect(err.message).toBe(
      'Netlify could not be reached at api.netlify.com: GET /api/v1/sites/s: connect ECONNREFUSED 1.2.3.4:443 (ECONNREFUSED)'
    )
  })
  it('names the `api-url` input when that chose the host', () => {
    const err = new NetlifyNetworkError(
      'ENOTFOUND',
      'GET',
      '/api/v1/sites/s',
      false,
      'getaddrinfo ENOTFOUND netlfy.example',
      {
        host: 'netlfy.example',
        fromInput: true
      }
    )
    expect(err.message).toMatch(
      /^Netlify could not be reached at netlfy\.example \(from input `api-url`\): /
    )
  })
  it('a request that went out and got nothing back: did not answer', () => {
    const err = new NetlifyNetworkError(
      'ECONNRESET',
      'POST',
      '/api/v1/agent_runners',
      true,
      'socket hang up',
      DEFAULT
    )
    expect(err.message).toBe(
      'Netlify did not answer at api.netlify.com: POST /api/v1/agent_runners: socket hang up (ECONNRESET)'
    )
  })
  it("never shows an upload URL's host", () => {
    const err = new NetlifyNetworkError(
      'ETIMEDOUT',
      'PUT',
      '/uploads/f',
      false,
      'no answer within 15 s',
      {
        host: undefined,
        fromInput: false
      }
    )
    expect(err.message).toBe(
      'The upload URL could not be reached: PUT /uploads/f: no answer within 15 s (ETIMEDOUT)'
    )
  })
  it('an answer that came cut off keeps saying the request failed', () => {
    const err = new NetlifyNetworkError(
      'EBADBODY',
      'GET',
      '/api/v1/sites/s',
      true,
      'the response could not be read: x'
    )
    expect(err.message).toBe(
      'Netlify API GET /api/v1/sites/s failed: the response could not be read: x (EBADBODY)'
    )
  })
  it('the retry notice says the same, and how long until the next attempt', () => {
    const base = { method: 'GET', path: '/api/v1/sites/s', attempt: 1, delayMs: 1234 }
    expect(
      retryNotice({
        ...base,
        reason: 'ECONNREFUSED',
        noAnswer: 'Netlify could not be reached at 127.0.0.1:9 (from input `api-url`)'
      })
    ).toBe(
      'Netlify could not be reached at 127.0.0.1:9 (from input `api-url`): GET /api/v1/sites/s (ECONNREFUSED); trying again in 1.2 s (attempt 2).'
    )
    expect(retryNotice({ ...base, reason: 'HTTP 503' })).toBe(
      'Netlify answered GET /api/v1/sites/s with HTTP 503; trying again in 1.2 s (attempt 2).'
    )
  })
})

describe('pagination links', () => {
  it('finds the next page in a Link header', () => {
    const link =
      '<https://api.netlify.com/api/v1/agent_runners?page=1&per_page=2>; rel="first", <https://api.netlify.com/api/v1/agent_runners?page=3&per_page=2>; rel="next", <https://api.netlify.com/api/v1/agent_runners?page=9&per_page=2>; rel="last"'
    expect(nextPageOf(link)).toBe(3)
    expect(nextPageOf('<https://x/?page=1>; rel="prev"')).toBeUndefined()
    expect(nextPageOf(undefined)).toBeUndefined()
  })
})
