// Who may spend the repository's credits from a label or a comment, or stop a run from a comment:
// people with write, maintain or admin access, those named in `allowed-users`, and bots only when
// named in `allowed-bots`.
import type { GitHubSettings } from '../settings/index.js'
import type { GitHubClient, Permission } from './client.js'
import type { Actor } from './event.js'

export type Verdict = { allowed: true } | { allowed: false; reason: string }

const MAY_START: Permission[] = ['admin', 'maintain', 'write']

export async function mayStartRuns(
  actor: Actor,
  settings: Pick<GitHubSettings, 'allowedUsers' | 'allowedBots' | 'repository'>,
  github: Pick<GitHubClient, 'permission'>,
  asked: 'start' | 'stop' = 'start'
): Promise<Verdict> {
  const login = actor.login.toLowerCase()
  if (actor.isBot) {
    return settings.allowedBots.includes(login.replace(/\[bot\]$/, ''))
      ? { allowed: true }
      : {
          allowed: false,
          reason: `${actor.login} is a bot, and bots ${asked} agent runs only when named in \`allowed-bots\`.`
        }
  }
  if (settings.allowedUsers.includes(login)) return { allowed: true }
  const permission = await github.permission(actor.login)
  if (MAY_START.includes(permission)) return { allowed: true }
  return {
    allowed: false,
    reason: `${actor.login} has ${permission} access to ${settings.repository}; ${asked === 'start' ? 'starting' : 'stopping'} an agent run takes write, maintain or admin access, or a place in \`allowed-users\`.`
  }
}
