import { describe, expect, it, jest } from '@jest/globals'
import type { Comment, GitHubClient } from '../src/github/client.js'
import { markerKey, parseMarker } from '../src/github/status-marker.js'
import { withStopRequest } from '../src/github/stop-note.js'
import { StatusReporter, UPDATE_EVERY_MS } from '../src/github/status-reporter.js'
import type { AgentRunnerSession } from '../src/netlify/types.js'

const SEAL = { key: markerKey('nfp_reporter_test'), repository: 'o/r', issueNumber: 12 }

/** An in-memory thread: what the reporter wrote, in order. */
function thread() {
  const comments: Comment[] = []
  const writes: string[] = []
  const github: GitHubClient = {
    identity: async () => undefined,
    permission: async () => 'write',
    issueComments: async () => comments.map(c => ({ ...c })),
    comment: async id => ({ ...comments[id - 1]! }),
    createComment: async (issueNumber, body) => {
      const comment = {
        id: comments.length + 1,
        issueNumber,
        body,
        authorLogin: 'bot',
        authorIsBot: true,
        createdAt: ''
      }
      comments.push(comment)
      writes.push(`create ${comments.length}`)
      return { ...comment }
    },
    updateComment: async (id, body) => {
      comments[id - 1]!.body = body
      writes.push(`update ${id}`)
    },
    react: async () => 1,
    reactions: async () => [],
    unreact: async () => undefined,
    pullRequest: async () => ({ number: 1, headRef: 'x', headRepo: 'o/r', baseRef: 'main' }),
    rendered: async () => ({ body: '', html: '' }),
    workflowRunAttempt: async () => undefined
  }
  return { github, comments, writes }
}

const session = (steps: number): AgentRunnerSession =>
  ({
    id: 'sess1',
    agent_runner_id: 'run1',
    state: 'RUNNING',
    steps: Array.from({ length: steps }, (_, i) => ({ title: `Step ${i + 1}`, message: '' })),
    agent_config: { agent: 'claude', model: null }
  }) as unknown as AgentRunnerSession

function reporterOn(t: ReturnType<typeof thread>, now: () => number = () => 0): StatusReporter {
  return new StatusReporter({
    github: t.github,
    issueNumber: 12,
    workflowRunUrl: 'https://github.com/o/r/actions/runs/1',
    prompt: 'Fix it',
    followUp: false,
    redact: text => text,
    now,
    isOwn: c => c.authorIsBot,
    comments: () => t.github.issueComments(12),
    seal: SEAL
  })
}

describe('the status comment', () => {
  it('is written once at the start, then at most every 30 s as steps appear', async () => {
    const t = thread()
    let now = 0
    const reporter = reporterOn(t, () => now)
    await reporter.started({ runnerId: 'run1', session: session(0), runnerUrl: 'https://x' })
    reporter.progress(session(1))
    now += UPDATE_EVERY_MS - 1
    reporter.progress(session(2))
    now += 1
    reporter.progress(session(2))
    reporter.progress(session(2))
    await new Promise(resolve => setTimeout(resolve, 10))
    expect(t.writes).toEqual(['create 1', 'update 1'])
    expect(t.comments[0]!.body).toContain('Step 2')
    expect(parseMarker(t.comments[0]!.body, SEAL)).toEqual({ runnerId: 'run1', sessionId: 'sess1' })
  })

  it('a re-run of the same step updates the comment it left, not a second one', async () => {
    const t = thread()
    const make = () => reporterOn(t)
    await make().started({ runnerId: 'run1', session: session(0), runnerUrl: 'https://x' })
    await make().started({ runnerId: 'run1', session: session(1), runnerUrl: 'https://x' })
    expect(t.writes).toEqual(['create 1', 'update 1'])
  })

  it('a GitHub failure is a warning; the run goes on', async () => {
    const t = thread()
    t.github.createComment = async () => {
      throw new Error('Resource not accessible by integration')
    }
    const reporter = reporterOn(t)
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
    try {
      await expect(
        reporter.started({ runnerId: 'run1', session: session(0), runnerUrl: 'https://x' })
      ).resolves.toBeUndefined()
      expect(stdout.mock.calls.map(([text]) => String(text))).toEqual([
        expect.stringMatching(
          /^::warning::Could not write the status comment on #12: Resource not accessible by integration\. The run goes on/
        )
      ])
    } finally {
      stdout.mockRestore()
    }
  })

  it('a session seen ended is not written as working: its last word comes next', async () => {
    const t = thread()
    let now = 0
    const reporter = reporterOn(t, () => now)
    await reporter.started({ runnerId: 'run1', session: session(0), runnerUrl: 'https://x' })
    now += UPDATE_EVERY_MS
    reporter.progress({ ...session(3), state: 'CANCELLED' })
    await new Promise(resolve => setTimeout(resolve, 10))
    expect(t.writes).toEqual(['create 1'])
  })

  it('reads back who stopped the session from the thread, and keeps it for the last word', async () => {
    const t = thread()
    const reporter = reporterOn(t)
    await reporter.started({ runnerId: 'run1', session: session(1), runnerUrl: 'https://x' })
    expect(await reporter.stoppedBy()).toBeUndefined()
    const ids = { runnerId: 'run1', sessionId: 'sess1', stoppedBy: 'alice' }
    t.comments[0]!.body = withStopRequest(t.comments[0]!.body, ids, SEAL)
    expect(await reporter.stoppedBy()).toBe('alice')

    await reporter.failed('stopped', 'cancelled')
    expect(t.comments[0]!.body).toContain('## ⏹️ Netlify agent run stopped')
    expect(t.comments[0]!.body).toContain('Stopped by `alice`')
    expect(parseMarker(t.comments[0]!.body, SEAL)).toEqual(ids)
  })

  it("a stop note on another session's comment, or on someone else's, is not believed", async () => {
    const t = thread()
    const reporter = reporterOn(t)
    await reporter.started({ runnerId: 'run1', session: session(1), runnerUrl: 'https://x' })
    const body = t.comments[0]!.body
    t.comments[0]!.body = withStopRequest(
      body,
      { runnerId: 'run1', sessionId: 'sess0', stoppedBy: 'alice' },
      SEAL
    )
    expect(await reporter.stoppedBy()).toBeUndefined()
    t.comments[0]!.body = withStopRequest(
      body,
      { runnerId: 'run1', sessionId: 'sess1', stoppedBy: 'alice' },
      SEAL
    )
    t.comments[0]!.authorIsBot = false
    expect(await reporter.stoppedBy()).toBeUndefined()
  })
})
