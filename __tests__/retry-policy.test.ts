import { describe, expect, it } from '@jest/globals'
import {
  isRetryable,
  parseRateLimitReset,
  parseRetryAfter,
  retryDelayMs
} from '../src/netlify/retry-policy.js'

const NOW = Date.parse('2026-11-29T12:00:00Z')

describe('which failures are tried again', () => {
  it.each(['GET', 'DELETE', 'PATCH'])(
    '%s is retried on 429, 5xx, resets, timeouts and bad bodies',
    method => {
      for (const status of [429, 500, 502, 503, 504]) {
        expect(isRetryable(method, { kind: 'status', status })).toBe(true)
      }
      for (const code of ['ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED']) {
        expect(isRetryable(method, { kind: 'network', code })).toBe(true)
      }
      expect(isRetryable(method, { kind: 'body' })).toBe(true)
    }
  )

  it.each([400, 401, 403, 404, 409, 422])('a %s is final for every method', status => {
    for (const method of ['GET', 'DELETE', 'PATCH', 'POST']) {
      expect(isRetryable(method, { kind: 'status', status })).toBe(false)
    }
  })

  it('a POST that may have reached the server is not repeated (it could start a second run)', () => {
    expect(isRetryable('POST', { kind: 'status', status: 502 })).toBe(false)
    expect(isRetryable('POST', { kind: 'status', status: 500 })).toBe(false)
    expect(isRetryable('POST', { kind: 'network', code: 'ECONNRESET' })).toBe(false)
    expect(isRetryable('POST', { kind: 'network', code: 'ETIMEDOUT' })).toBe(false)
    expect(isRetryable('POST', { kind: 'body' })).toBe(false)
  })

  it('a POST the server certainly did not act on is repeated: 429, a refused connection, or a proxy that opened no tunnel', () => {
    expect(isRetryable('POST', { kind: 'status', status: 429 })).toBe(true)
    expect(isRetryable('POST', { kind: 'network', code: 'ECONNREFUSED' })).toBe(true)
    expect(isRetryable('POST', { kind: 'network', code: 'ETUNNEL' })).toBe(true)
  })
})

describe('Retry-After', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('3', NOW)).toBe(3000)
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0)
  })
  it('reads an HTTP date', () => {
    expect(parseRetryAfter(new Date(NOW + 7000).toUTCString(), NOW)).toBe(7000)
    expect(parseRetryAfter(new Date(NOW - 7000).toUTCString(), NOW)).toBe(0)
  })
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined()
    expect(parseRetryAfter('soon', NOW)).toBeUndefined()
  })
})

describe('X-RateLimit-Reset', () => {
  it('is Unix seconds, turned into a wait from now', () => {
    expect(parseRateLimitReset(String(NOW / 1000 + 12), NOW)).toBe(12_000)
    expect(parseRateLimitReset(String(NOW / 1000 - 12), NOW)).toBe(0)
    expect(parseRateLimitReset('tomorrow', NOW)).toBeUndefined()
  })
})

describe('how long to wait', () => {
  const backoff = { baseMs: 100, capMs: 1000 }

  it('obeys Retry-After before anything else', () => {
    const headers = { 'retry-after': '2', 'x-ratelimit-reset': String(NOW / 1000 + 30) }
    // Plus up to a second of jitter, so that runs told the same second do not all return at once.
    expect(
      retryDelayMs({ attempt: 1, status: 429, headers, now: NOW, random: () => 0.5, backoff })
    ).toBe(2500)
    expect(
      retryDelayMs({ attempt: 1, status: 429, headers, now: NOW, random: () => 0, backoff })
    ).toBe(2000)
  })

  it('waits for X-RateLimit-Reset on a 429', () => {
    const headers = { 'x-ratelimit-reset': String(NOW / 1000 + 30) }
    expect(
      retryDelayMs({ attempt: 1, status: 429, headers, now: NOW, random: () => 0.5, backoff })
    ).toBe(30_500)
  })

  it('ignores X-RateLimit-Reset on a 503 while requests remain (Netlify sends it on every answer)', () => {
    const headers = { 'x-ratelimit-reset': String(NOW / 1000 + 30), 'x-ratelimit-remaining': '120' }
    expect(
      retryDelayMs({ attempt: 1, status: 503, headers, now: NOW, random: () => 0.5, backoff })
    ).toBe(50)
  })

  it('backs off exponentially with full jitter, up to the cap', () => {
    const top = (attempt: number) =>
      retryDelayMs({ attempt, now: NOW, random: () => 0.999999, backoff })
    expect([1, 2, 3, 4, 5, 6].map(top)).toEqual([99, 199, 399, 799, 999, 999])
    expect(retryDelayMs({ attempt: 3, now: NOW, random: () => 0, backoff })).toBe(0)
  })
})
