// What a stop asked for in the thread writes on GitHub: the note on the status comment, and the
// reply. Made of logins, ids and states only, each checked, so nothing in it pings anyone.
import { describe, expect, it } from '@jest/globals'
import { renderStatusComment } from '../src/github/status-comment.js'
import { markerKey, parseMarker } from '../src/github/status-marker.js'
import {
  renderStopReply,
  stopNote,
  withStopRequest,
  type StopAnswer
} from '../src/github/stop-note.js'

const SEAL = { key: markerKey('nfp_stop_note_test'), repository: 'o/r', issueNumber: 7 }
const IDS = { runnerId: 'run1', sessionId: 'sess1' }
const LINKS = {
  runnerUrl: 'https://app.netlify.com/projects/site/agent-runs/run1',
  workflowRunUrl: 'https://github.com/o/r/actions/runs/1'
}

const working = renderStatusComment({
  phase: 'working',
  workflowRunUrl: LINKS.workflowRunUrl,
  followUp: false,
  prompt: 'Fix the footer',
  steps: [{ title: 'Reading the code' }],
  ...IDS,
  seal: SEAL
})

describe('the "stop requested" mark on the status comment', () => {
  it('puts the note under the heading, and names the stopper in the sealed marker', () => {
    const marked = withStopRequest(working, { ...IDS, stoppedBy: 'alice' }, SEAL)
    const [heading, note] = marked.split('\n\n')
    expect(heading).toBe('## ⏳ Netlify agent is working…')
    expect(note).toBe(stopNote('alice', 'requested'))
    expect(note).toContain('Stop requested by `alice`')
    expect(parseMarker(marked, SEAL)).toEqual({ ...IDS, stoppedBy: 'alice' })
    // Everything else reads as it did.
    const without = (body: string) => body.replace(`${note}\n\n`, '').replace(/<!--[^]*-->$/, '')
    expect(without(marked)).toBe(without(working))
  })

  it('marked again, it keeps one note per stop and one marker', () => {
    const once = withStopRequest(working, { ...IDS, stoppedBy: 'alice' }, SEAL)
    const twice = withStopRequest(once, { ...IDS, stoppedBy: 'bob' }, SEAL)
    expect(twice.match(/<!-- netlify-agent-runners-action:status/g)).toHaveLength(1)
    expect(parseMarker(twice, SEAL)?.stoppedBy).toBe('bob')
  })
})

describe('the reply', () => {
  const answers: StopAnswer[] = [
    { kind: 'stopped', ...IDS, state: 'cancelled', confirmed: true },
    { kind: 'stopped', ...IDS, state: 'running', confirmed: false },
    { kind: 'nothing-running', ...IDS, state: 'done' },
    { kind: 'no-runner', byBranch: true },
    { kind: 'failed', runnerId: 'run1' }
  ]

  it.each(answers)('$kind: pings nobody, and names the stopper in a code span', answer => {
    const reply = renderStopReply(answer, 'alice', LINKS)
    expect(reply).toMatch(/^## (⏹️|❌) /)
    expect(reply).not.toMatch(/@/)
    if (answer.kind !== 'no-runner' && answer.kind !== 'nothing-running') {
      expect(reply).toContain('`alice`')
    }
  })

  it('confirms the stop with the ids and the state, and links the run', () => {
    const reply = renderStopReply(answers[0]!, 'alice', LINKS)
    expect(reply).toBe(
      [
        '## ⏹️ Netlify agent run stopped',
        'Session `sess1` of agent runner `run1` was stopped, as `alice` asked; it is cancelled.',
        `[Open in Netlify](${LINKS.runnerUrl}) · [Workflow run](${LINKS.workflowRunUrl})`
      ].join('\n\n')
    )
  })

  it('shows nothing of unexpected shape: a login, an id or a state that could carry markup', () => {
    const odd: StopAnswer = {
      kind: 'stopped',
      runnerId: 'run1 <img src=x>',
      sessionId: '`x`',
      state: '<b>done</b>',
      confirmed: true
    }
    const reply = renderStopReply(odd, '@everyone', { ...LINKS, runnerUrl: 'javascript:alert(1)' })
    expect(reply).not.toMatch(/[<>@]|`x`|javascript/)
    expect(reply).toContain('someone')
  })
})
