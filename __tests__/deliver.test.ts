import { describe, expect, it } from '@jest/globals'
import { checkCommitBranch, deliveryPollDelayMs } from '../src/deliver.js'

describe('delivery', () => {
  it('checks quickly at first, then every 5 s', () => {
    expect([0, 1, 2, 3, 4, 5, 20].map(deliveryPollDelayMs)).toEqual([
      500, 1000, 2000, 4000, 5000, 5000, 5000
    ])
  })

  it("refuses to commit onto the runner's own branch, and nothing else", () => {
    expect(() => checkCommitBranch('develop', 'develop')).toThrow(
      /Input `commit-to-branch` is "develop", the branch the agent's runner works from/
    )
    expect(() => checkCommitBranch('agent/x', 'develop')).not.toThrow()
    expect(() => checkCommitBranch(undefined, 'develop')).not.toThrow()
  })
})
