import { describe, expect, it } from '@jest/globals'
import type { Permission } from '../src/github/client.js'
import { mayStartRuns } from '../src/github/permissions.js'

const settings = { allowedUsers: ['carol'], allowedBots: ['renovate'], repository: 'octo/site' }
/** The repository's roles, as the collaborator permission API would answer. */
const roles = (table: Record<string, Permission>) => ({
  permission: async (login: string): Promise<Permission> => table[login] ?? 'none'
})
const github = roles({ alice: 'write', mia: 'maintain', ada: 'admin', tom: 'triage', rob: 'read' })

describe('who may start a run', () => {
  it.each(['alice', 'mia', 'ada'])('%s, with write access or more, may', async login => {
    expect(await mayStartRuns({ login, isBot: false }, settings, github)).toEqual({ allowed: true })
  })

  it.each(['tom', 'rob', 'stranger'])('%s, with less, may not, and is told why', async login => {
    const verdict = await mayStartRuns({ login, isBot: false }, settings, github)
    expect(verdict).toEqual({
      allowed: false,
      reason: expect.stringMatching(
        new RegExp(`^${login} has \\w+ access to octo/site; starting an agent run takes write`)
      )
    })
  })

  it('someone in allowed-users may, without asking GitHub', async () => {
    const asked: string[] = []
    const verdict = await mayStartRuns({ login: 'Carol', isBot: false }, settings, {
      permission: async login => {
        asked.push(login)
        return 'none'
      }
    })
    expect(verdict).toEqual({ allowed: true })
    expect(asked).toEqual([])
  })

  it('a bot may only when named in allowed-bots, whatever its access', async () => {
    const admin = roles({ 'renovate[bot]': 'admin', 'dependabot[bot]': 'admin' })
    expect(await mayStartRuns({ login: 'renovate[bot]', isBot: true }, settings, admin)).toEqual({
      allowed: true
    })
    expect(
      await mayStartRuns({ login: 'dependabot[bot]', isBot: true }, settings, admin)
    ).toMatchObject({ allowed: false, reason: expect.stringContaining('`allowed-bots`') })
  })
})
