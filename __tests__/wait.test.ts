import { describe, expect, it } from '@jest/globals'
import {
  MIN_POLL_MS,
  pauseReason,
  newSteps,
  pollDelayMs,
  simulateSchedule,
  waitForSession
} from '../src/wait.js'
import type { AgentRunnerSession } from '../src/netlify/types.js'

describe('the polling schedule', () => {
  it('is quick at first, then slows as the run ages, never past poll-interval', () => {
    expect(pollDelayMs(0, 20_000)).toBe(MIN_POLL_MS)
    expect(pollDelayMs(10_000, 20_000)).toBe(MIN_POLL_MS)
    expect(pollDelayMs(60_000, 20_000)).toBe(6_000)
    expect(pollDelayMs(600_000, 20_000)).toBe(20_000)
    expect(pollDelayMs(600_000, 5_000)).toBe(5_000)
    expect(pollDelayMs(0, 1_000)).toBe(MIN_POLL_MS)
  })

  it('says why each pause is as long as it is, for step debug', () => {
    expect(pauseReason(1_000, 2_000, 2_000, 2_000, 20_000, undefined)).toMatch(/young \(1.0 s\)/)
    expect(pauseReason(60_000, 6_000, 6_000, 6_000, 20_000, undefined)).toMatch(/a tenth/)
    expect(pauseReason(600_000, 20_000, 20_000, 20_000, 20_000, undefined)).toMatch(/poll-interval/)
    expect(pauseReason(60_000, 6_000, 6_000, 1_000, 20_000, undefined)).toMatch(/timeout-minutes/)
    const pace = { limit: 100, remaining: 5, resetAt: 30_000, sharers: 4, observedAt: 0 }
    expect(pauseReason(60_000, 6_000, 30_000, 30_000, 20_000, pace)).toMatch(
      /rate limit runs low \(5 of 100 requests left until the reset, shared by about 4 runs\)/
    )
  })

  it.each([
    [5_000, 60],
    [60_000, 60],
    [10 * 60_000, 60],
    [30 * 60_000, 130]
  ])(
    'a %i ms session: lag within max(2 s, 10%%), never over poll-interval, at most %i checks',
    (length, most) => {
      const { polls, lagMs } = simulateSchedule(length, 20_000)
      expect(lagMs).toBeLessThanOrEqual(Math.max(2_000, length * 0.1))
      expect(lagMs).toBeLessThanOrEqual(20_000)
      expect(polls).toBeLessThanOrEqual(most)
    }
  )
})

describe('steps appear once each', () => {
  it('shows only the steps past those already shown', () => {
    const steps = [1, 2, 3].map(n => ({ title: `t${n}`, message: '' }))
    expect(newSteps(steps, 0)).toHaveLength(3)
    expect(newSteps(steps, 2)).toEqual([{ title: 't3', message: '' }])
    expect(newSteps(null, 0)).toEqual([])
  })
})

describe('the waiting loop', () => {
  const session = (state: string, steps: number): AgentRunnerSession =>
    ({
      id: 's',
      state,
      steps: Array.from({ length: steps }, (_, i) => ({ title: `step ${i + 1}`, message: '' }))
    }) as unknown as AgentRunnerSession

  it('polls until a terminal state, printing each step once, sleeping by the schedule', async () => {
    const answers = [
      session('NEW', 0),
      session('RUNNING', 1),
      session('RUNNING', 3),
      session('done', 4)
    ]
    let clock = 0
    const sleeps: number[] = []
    const printed: string[] = []
    const result = await waitForSession({
      client: { getSession: async () => answers.shift()! },
      runnerId: 'r',
      sessionId: 's',
      deadline: 1_000_000,
      maxIntervalMs: 20_000,
      onStep: (step, i) => printed.push(`${i}:${step.title}`),
      now: () => clock,
      sleep: async ms => {
        sleeps.push(ms)
        clock += ms
      }
    })
    expect(result.kind).toBe('finished')
    expect(result.polls).toBe(4)
    expect(printed).toEqual(['0:step 1', '1:step 2', '2:step 3', '3:step 4'])
    expect(sleeps).toEqual([2000, 2000, 2000])
  })

  it("takes the start's own reading of the session as its first check, without asking again", async () => {
    const answers = [session('RUNNING', 2), session('done', 3)]
    let clock = 0
    const asked: number[] = []
    const printed: string[] = []
    const result = await waitForSession({
      client: {
        getSession: async () => {
          asked.push(clock)
          return answers.shift()!
        }
      },
      runnerId: 'r',
      sessionId: 's',
      initial: session('NEW', 1),
      deadline: 1_000_000,
      maxIntervalMs: 20_000,
      onStep: (step, i) => printed.push(`${i}:${step.title}`),
      now: () => clock,
      sleep: async ms => {
        clock += ms
      }
    })
    expect(result).toMatchObject({ kind: 'finished', polls: 3 })
    // The first request is the second check, at the schedule's first pause.
    expect(asked).toEqual([2_000, 4_000])
    expect(printed).toEqual(['0:step 1', '1:step 2', '2:step 3'])
  })

  it('ends at once when the session had ended by the start, asking nothing', async () => {
    let asked = 0
    const result = await waitForSession({
      client: {
        getSession: async () => {
          asked++
          return session('done', 0)
        }
      },
      runnerId: 'r',
      sessionId: 's',
      initial: session('DONE', 2),
      deadline: 1_000_000,
      maxIntervalMs: 20_000,
      onStep: () => undefined,
      sleep: async () => undefined
    })
    expect(result).toMatchObject({ kind: 'finished', polls: 1 })
    expect(asked).toBe(0)
  })

  it('stretches its pauses when the rate limit runs low', async () => {
    const answers = [session('RUNNING', 0), session('RUNNING', 0), session('done', 0)]
    let clock = 0
    const sleeps: number[] = []
    await waitForSession({
      client: { getSession: async () => answers.shift()! },
      runnerId: 'r',
      sessionId: 's',
      deadline: 1_000_000,
      maxIntervalMs: 20_000,
      onStep: () => undefined,
      // Nothing left until the reset, 30 s from whenever it is asked.
      pacing: () => ({
        limit: 500,
        remaining: 0,
        resetAt: clock + 30_000,
        sharers: 1,
        observedAt: clock
      }),
      now: () => clock,
      sleep: async ms => {
        sleeps.push(ms)
        clock += ms
      }
    })
    expect(sleeps).toEqual([30_000, 30_000])
  })

  it('gives up at the deadline, after one last look', async () => {
    let clock = 0
    const result = await waitForSession({
      client: { getSession: async () => session('RUNNING', 0) },
      runnerId: 'r',
      sessionId: 's',
      deadline: 5_000,
      maxIntervalMs: 20_000,
      onStep: () => undefined,
      now: () => clock,
      sleep: async ms => {
        clock += ms
      }
    })
    expect(result.kind).toBe('timed-out')
    expect(clock).toBe(5_000)
  })
})
