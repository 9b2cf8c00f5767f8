import { describe, expect, it } from '@jest/globals'
import {
  firstGuessOfSharers,
  FREE_SHARE,
  GUESS_PROBE_MS,
  paceDelayMs,
  RatePacer,
  sharersSample,
  type PaceView
} from '../src/netlify/rate-pacing.js'

const now = 1_000_000
const view = (remaining: number, sharers: number, over: Partial<PaceView> = {}): PaceView => ({
  limit: 40,
  remaining,
  resetAt: now + 9_000,
  sharers,
  observedAt: now,
  ...over
})

describe('the pace of a run sharing its token', () => {
  it('holds nothing before Netlify sent rate-limit headers', () => {
    expect(paceDelayMs(undefined, now)).toBe(0)
  })

  it('holds nothing while its share of what is left covers a burst: a lone run keeps its pace', () => {
    expect(paceDelayMs(view(39, 1), now)).toBe(0)
    expect(paceDelayMs(view(2 * FREE_SHARE, 1), now)).toBe(0)
    expect(paceDelayMs(view(500, 25, { limit: 500 }), now)).toBe(0)
  })

  it('spreads a smaller share evenly until the reset, counting on half of it', () => {
    // Two runs, 20 left: five each counted, the first a sixth of the way to the reset.
    expect(paceDelayMs(view(20, 2), now)).toBe(1_500)
    // Counted from the answer: time spent since is not waited again.
    expect(paceDelayMs(view(20, 2), now + 1_000)).toBe(500)
    expect(paceDelayMs(view(20, 2), now + 5_000)).toBe(0)
    expect(paceDelayMs(view(10, 1), now)).toBe(1_500)
  })

  it('waits for the reset when its share is less than one request, or nothing is left', () => {
    expect(paceDelayMs(view(5, 20), now)).toBe(9_000)
    expect(paceDelayMs(view(0, 1), now)).toBe(9_000)
    expect(paceDelayMs(view(0, 1), now + 4_000)).toBe(5_000)
  })

  it('holds nothing once the window is over: the next one is unknown', () => {
    expect(paceDelayMs(view(0, 20), now + 9_000)).toBe(0)
    expect(paceDelayMs(view(0, 20), now + 20_000)).toBe(0)
  })

  it('tests a guess soon while half the window is left, and trusts it past that', () => {
    expect(paceDelayMs(view(30, 10, { guessed: true }), now)).toBe(GUESS_PROBE_MS)
    expect(paceDelayMs(view(30, 10), now)).toBe(3_600)
    expect(paceDelayMs(view(15, 10, { guessed: true }), now)).toBe(9_000)
  })

  it('counts the requests the window lost per request of its own, never below one run', () => {
    expect(sharersSample(20, 1)).toBe(20)
    expect(sharersSample(6, 2)).toBe(3)
    expect(sharersSample(1, 1)).toBe(1)
    expect(sharersSample(0, 1)).toBe(1)
    expect(sharersSample(5, 0)).toBe(1)
  })

  it('guesses from a first answer: one run for every two requests spent before it', () => {
    expect(firstGuessOfSharers(40, 39)).toBe(1)
    expect(firstGuessOfSharers(40, 25)).toBe(7)
    expect(firstGuessOfSharers(40, 0)).toBe(19.5)
  })
})

describe('the tracker of one process', () => {
  const headers = (remaining: number, resetAt = now + 9_000) => ({ limit: 40, remaining, resetAt })

  it('sees a lone run as one: remaining falls by its own requests only', () => {
    const pacer = new RatePacer()
    let remaining = 40
    for (let i = 0; i < 12; i++) {
      expect(pacer.delayMs(now + i)).toBe(0)
      pacer.sent()
      pacer.observe(headers(--remaining), now + i)
    }
    expect(pacer.view).toMatchObject({ sharers: 1, guessed: false })
  })

  it('measures the runs sharing the window from how fast remaining falls beyond its own', () => {
    const pacer = new RatePacer()
    pacer.sent()
    pacer.observe(headers(35), now)
    expect(pacer.view).toMatchObject({ sharers: 2, guessed: true })
    pacer.sent()
    // 19 others spent theirs meanwhile.
    pacer.observe(headers(15), now + 500)
    expect(pacer.view).toMatchObject({ sharers: 20, guessed: false, remaining: 15 })
    expect(pacer.delayMs(now + 500)).toBe(8_500)
  })

  it('rises at once and falls back by halves as the others stop', () => {
    const pacer = new RatePacer()
    pacer.sent()
    pacer.observe(headers(39), now)
    pacer.sent()
    pacer.observe(headers(29), now + 100) // 10 a request
    expect(pacer.view?.sharers).toBe(10)
    pacer.sent()
    pacer.observe(headers(28), now + 200) // alone again
    expect(pacer.view?.sharers).toBe(5.5)
  })

  it('counts a new window from its start, and ignores an answer from the window before', () => {
    const pacer = new RatePacer()
    pacer.sent()
    pacer.observe(headers(0), now)
    pacer.sent()
    // The next window: 12 spent in it by the time this answer came.
    pacer.observe(headers(28, now + 19_000), now + 9_500)
    expect(pacer.view).toMatchObject({ sharers: 12, remaining: 28, resetAt: now + 19_000 })
    pacer.observe(headers(0), now + 9_600)
    expect(pacer.view).toMatchObject({ remaining: 28, resetAt: now + 19_000 })
  })

  it('learns nothing of sharers from an answer to a request already counted', () => {
    const pacer = new RatePacer()
    pacer.sent()
    pacer.observe(headers(39), now)
    // Two at once (the runner and the diff): both answers, one interval.
    pacer.sent()
    pacer.sent()
    pacer.observe(headers(37), now + 100)
    pacer.observe(headers(38), now + 101) // crossed on the way
    expect(pacer.view?.sharers).toBe(1)
  })
})

/**
 * Runs sharing a fixed window as the action's runs do, in simulated time: each starts at a random
 * moment of the first three seconds (as steps of a fleet do), then asks for the site, the look,
 * the create and the session, checks the 3 s session every 2 s, and reads the runner and the diff
 * at once. A request takes 30 ms; a 429 waits for the reset and up to a second more, as the
 * requester's retry does. Every request goes through the run's own RatePacer.
 */
function simulateFleet(runs: number, limit: number, windowMs: number) {
  let seed = 42
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
  const latency = 30
  let windowStart = -Infinity
  let used = 0
  const hit = (t: number) => {
    if (t >= windowStart + windowMs) {
      windowStart = t
      used = 0
    }
    used++
    // As Netlify sends it: whole seconds.
    const resetAt = Math.ceil((windowStart + windowMs) / 1000) * 1000
    return { limit, remaining: Math.max(0, limit - used), resetAt, refused: used > limit }
  }
  type Run = { pacer: RatePacer; sent: number; refused: number; created: number; end: number }
  const fleet: Run[] = Array.from({ length: runs }, () => ({
    pacer: new RatePacer(),
    sent: 0,
    refused: 0,
    created: 0,
    end: 0
  }))
  const queue = fleet.map(run => ({ at: runs === 1 ? 0 : random() * 3_000, run, what: 'site' }))
  const next: Record<string, string> = { site: 'look', look: 'create', create: 'session' }
  while (queue.length > 0) {
    queue.sort((a, b) => a.at - b.at)
    const request = queue.shift()!
    const { at, run, what } = request
    const hold = run.pacer.delayMs(at)
    if (hold > 0) {
      queue.push({ ...request, at: at + hold })
      continue
    }
    run.pacer.sent()
    run.sent++
    const answer = hit(at)
    const answered = at + latency
    run.pacer.observe(answer, answered)
    if (answer.refused) {
      run.refused++
      queue.push({ ...request, at: Math.max(answered, answer.resetAt) + random() * 1_000 })
    } else if (next[what]) {
      if (what === 'create') run.created = at
      queue.push({ at: answered, run, what: next[what]! })
    } else if (what === 'session' || what === 'check') {
      if (at >= run.created + 3_000) {
        queue.push({ at: answered, run, what: 'runner' }, { at: answered, run, what: 'diff' })
      } else {
        queue.push({ at: answered + 2_000, run, what: 'check' })
      }
    } else {
      run.end = Math.max(run.end, answered)
    }
  }
  const sent = fleet.reduce((n, r) => n + r.sent, 0)
  const refused = fleet.reduce((n, r) => n + r.refused, 0)
  return {
    refusedShare: refused / sent,
    perRun: sent / runs,
    endMs: Math.max(...fleet.map(r => r.end))
  }
}

describe('a fleet of runs that each pace themselves', () => {
  it('stays under the limit: 20 runs at once, 40 requests per 10 s', () => {
    const { refusedShare, perRun, endMs } = simulateFleet(20, 40, 10_000)
    expect(refusedShare).toBeLessThanOrEqual(0.05)
    expect(perRun).toBeLessThanOrEqual(8)
    // 160 requests at 40 a window need four windows: pacing wastes little of them.
    expect(endMs).toBeLessThan(60_000)
  })

  it("stays under the limit: 50 runs at once, Netlify's 500 a minute", () => {
    const { refusedShare, endMs } = simulateFleet(50, 500, 60_000)
    expect(refusedShare).toBe(0)
    expect(endMs).toBeLessThan(60_000)
  })

  it('leaves a lone run as fast as it was', () => {
    // Site, look, create and session at once; checks at 2 s and 4 s; the runner and the diff.
    expect(simulateFleet(1, 40, 10_000)).toEqual({
      refusedShare: 0,
      perRun: 8,
      endMs: 4 * 30 + 2 * 2_030 + 30
    })
  })
})
