// A fixed-window rate limit over every API request, reported the way Netlify does:
// X-RateLimit-Limit/Remaining/Reset on each response, 429 with Retry-After beyond the limit.
import type { RateLimit } from './scenario.js'

export interface RateLimitVerdict {
  headers: Record<string, string>
  exceeded: boolean
  retryAfterSeconds: number
}

export class RateLimiter {
  private config: RateLimit | null = null
  private windowStart = 0
  private used = 0

  /** Counts one request against `config` (the current scenario's limit, or null for none). */
  hit(config: RateLimit | null, now: number): RateLimitVerdict | null {
    if (config === null) {
      this.config = null
      return null
    }
    const changed =
      this.config === null ||
      this.config.limit !== config.limit ||
      this.config.windowMs !== config.windowMs
    if (changed || now >= this.windowStart + config.windowMs) {
      this.config = { ...config }
      this.windowStart = now
      this.used = 0
    }
    this.used += 1
    const resetAt = this.windowStart + config.windowMs
    return {
      headers: {
        'X-RateLimit-Limit': String(config.limit),
        'X-RateLimit-Remaining': String(Math.max(0, config.limit - this.used)),
        'X-RateLimit-Reset': String(Math.ceil(resetAt / 1000))
      },
      exceeded: this.used > config.limit,
      retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000))
    }
  }
}
