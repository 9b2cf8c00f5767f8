import { describe, expect, it } from '@jest/globals'
import {
  readRunTag,
  runTag,
  tagKey,
  taggedPrompt,
  untaggedPrompt,
  type RunDebt,
  type WorkflowStep
} from '../src/run-tag.js'

const KEY = tagKey('nfp_run_tag_test_token')
const STEP: WorkflowStep = {
  repository: 'Octo/Site',
  runId: '4242',
  attempt: '2',
  job: 'agent',
  step: 'netlify'
}
const DEBT: RunDebt = {
  detached: true,
  delivery: { kind: 'pull-request' },
  timeoutMinutes: 45,
  onTimeout: 'stop',
  thread: { issueNumber: 12, trigger: { kind: 'issue-comment', id: 987 } },
  guard: '0123456789ab'
}
const prompt = (debt: RunDebt = DEBT, request: Record<string, unknown> = { agent: 'claude' }) =>
  taggedPrompt('Fix the footer.', runTag(STEP, request, debt, KEY))

describe('the run tag', () => {
  it('reads back the step and what it owes, for the repository it names (in any case)', () => {
    expect(readRunTag(prompt(), KEY, 'octo/site')).toMatchObject({ step: STEP, debt: DEBT })
    expect(untaggedPrompt(prompt())).toBe('Fix the footer.')
  })

  it('carries a commit branch whatever characters it holds, and a run without a thread', () => {
    const debt: RunDebt = {
      detached: false,
      delivery: { kind: 'commit', branch: 'agent/ü x-->y' },
      timeoutMinutes: 0.5,
      onTimeout: 'leave',
      thread: undefined,
      guard: 'ba9876543210'
    }
    const tagged = prompt(debt)
    expect(tagged).not.toContain('x-->y')
    expect(readRunTag(tagged, KEY, 'octo/site')?.debt).toEqual(debt)
  })

  it('is the same for the same step and inputs, so that a re-run finds its run by the prompt', () => {
    expect(prompt()).toBe(prompt())
    expect(prompt(DEBT, { agent: 'codex' })).not.toBe(prompt())
    expect(prompt({ ...DEBT, timeoutMinutes: 30 })).not.toBe(prompt())
  })

  it('asks for nothing unless its MAC verifies with this key, for this repository', () => {
    const tagged = prompt()
    expect(readRunTag(tagged, tagKey('nfp_another_token'), 'octo/site')).toBeUndefined()
    expect(readRunTag(tagged, KEY, 'octo/other')).toBeUndefined()
    for (const [from, to] of [
      ['deliver=pull-request', 'deliver=commit:main'],
      ['detached=true', 'detached=false'],
      ['timeout=45', 'timeout=4500'],
      ['thread=12', 'thread=13'],
      ['guard=0123456789ab', 'guard=ffffffffffff'],
      ['Octo/Site', 'octo/other']
    ] as const) {
      expect(readRunTag(tagged.replace(from, to), KEY, 'octo/site')).toBeUndefined()
    }
    // A tag pasted into the middle of a prompt, or an older tag without a MAC, is no tag.
    expect(readRunTag(`${tagged}\n\nmore`, KEY, 'octo/site')).toBeUndefined()
    const old =
      'x\n\n<!-- netlify-agent-runners-action octo/site run=1 attempt=1 job=a step=b request=0123456789ab -->'
    expect(readRunTag(old, KEY, 'octo/site')).toBeUndefined()
  })
})
