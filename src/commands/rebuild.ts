// `rebase` and `redeploy`: sessions Netlify derives from a runner's existing changes, with no new
// prompt. A rebase re-applies the changes onto the current production deploy (sites without git);
// a redeploy rebuilds a done session's preview. Each is started exactly once and then followed to
// its end like `run`: waited for, reported, and delivered when asked.
import * as core from '@actions/core'
import { explainRefusal } from '../netlify/errors.js'
import { ClassifiedError } from '../report/error-kind.js'
import { normalizeState } from '../netlify/lifecycle.js'
import type { AgentRunnerSession, Site } from '../netlify/types.js'
import type { Settings } from '../settings/index.js'
import { saveStartedRunner, saveStartedSession } from '../state.js'
import { startDerivedSession, type StartedRun } from '../start.js'
import { checkCommitBranch } from '../deliver.js'
import { openRunner, type CommandDeps, type CommandResult } from './context.js'
import { followSession } from '../follow-session.js'

/** The session to redeploy: `session-id`, else the runner's newest done one. */
async function sourceSession(
  settings: Settings,
  deps: CommandDeps,
  runnerId: string
): Promise<AgentRunnerSession> {
  if (settings.sessionId) return deps.client.getSession(runnerId, settings.sessionId)
  const { items } = await deps.client.listSessions(runnerId, { order_by: 'desc', per_page: 100 })
  const done = items.find(s => normalizeState(s.state) === 'done' && !s.is_discarded)
  if (!done) {
    throw new ClassifiedError(
      'not-found',
      `Agent runner ${runnerId} has no done session to redeploy; name one with \`session-id\`.`
    )
  }
  return done
}

export async function rebuildCommand(
  settings: Settings,
  deps: CommandDeps
): Promise<CommandResult> {
  const { client } = deps
  const runnerId = settings.agentRunnerId ?? ''
  const rebase = settings.command === 'rebase'
  core.startGroup(
    rebase ? `Rebasing agent runner ${runnerId}` : `Redeploying a session of ${runnerId}`
  )
  let started: StartedRun
  let site: Site
  let description: string
  try {
    const opened = await openRunner(settings, client, runnerId)
    site = opened.site
    checkCommitBranch(settings.commitToBranch, opened.runner.branch)
    const startDeps = {
      client,
      now: deps.now,
      sleep: (ms: number) => deps.sleep(ms, deps.cancelled),
      onRunner: (id: string) => saveStartedRunner({ runnerId: id, apiUrl: settings.apiUrl }),
      tagged: false
    }
    if (rebase) {
      description = 'Rebase onto the current production deploy'
      started = await startDerivedSession(
        runnerId,
        'the rebase',
        () =>
          client.rebaseRunner(runnerId).catch(err => {
            throw explainRefusal(err, {
              400: `Netlify has nothing to rebase for agent runner ${runnerId}: it has no changes, or it is already on the latest production deploy.`,
              409: `Agent runner ${runnerId} has a session running: wait for it to end, or stop it, before rebasing.`,
              422: `Rebase is only for sites without a Git repository, and this site has one: follow up on the runner (\`agent-runner-id\` with a prompt) or open a pull request instead.`
            })
          }),
        s => s.mode === 'rebase',
        startDeps
      )
    } else {
      const source = await sourceSession(settings, deps, runnerId)
      description = `Redeploy of session ${source.id}`
      core.info(`Redeploying session ${source.id}.`)
      started = await startDerivedSession(
        runnerId,
        'the redeploy',
        () =>
          client.redeploySession(runnerId, source.id).catch(err => {
            throw explainRefusal(err, {
              400: `Session ${source.id} cannot be redeployed: it must be done and have changes.`,
              403: 'Netlify refused the redeploy: the account has reached its usage limit (Team settings > Billing).',
              409: `Agent runner ${runnerId} has a session running: wait for it to end, or stop it, before redeploying.`,
              422: `Session ${source.id} has no changes to redeploy.`
            })
          }),
        s => s.mode === 'redeploy' && s.source_session_id === source.id,
        startDeps
      )
    }
    saveStartedSession(started.session.id)
  } finally {
    core.endGroup()
  }
  return followSession(settings, deps, {
    site,
    runnerId,
    session: started.session,
    prompt: description,
    followUp: true,
    tagged: false
  })
}
