import { describe, expect, it } from '@jest/globals'
import { NetlifyApiError, resourcesOf, serverMessage } from '../src/netlify/errors.js'
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

describe('pagination links', () => {
  it('finds the next page in a Link header', () => {
    const link =
      '<https://api.netlify.com/api/v1/agent_runners?page=1&per_page=2>; rel="first", <https://api.netlify.com/api/v1/agent_runners?page=3&per_page=2>; rel="next", <https://api.netlify.com/api/v1/agent_runners?page=9&per_page=2>; rel="last"'
    expect(nextPageOf(link)).toBe(3)
    expect(nextPageOf('<https://x/?page=1>; rel="prev"')).toBeUndefined()
    expect(nextPageOf(undefined)).toBeUndefined()
  })
})
