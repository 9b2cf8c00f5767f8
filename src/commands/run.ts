// The `run` command: attach files, start a runner (or a follow-up session) exactly once, then
// follow it to its end (./follow.ts): wait, fetch the diffs, deliver, report.
import * as core from '@actions/core'
import {
  removeUploads,
  resolveAttachments,
  uploadAttachments,
  type Attachment
} from '../attachments.js'
import type { CreateRunnerBody, CreateSessionBody, Site } from '../netlify/types.js'
import type { RunReport } from '../report/run-report.js'
import { checkCommitBranch } from '../deliver.js'
import { guardOf } from '../protected-paths.js'
import type { Settings } from '../settings/index.js'
import { saveRunSettled, saveStartedRunner, saveStartedSession } from '../state.js'
import { deliveryOf, runTag, tagKey, taggedPrompt, type RunDebt } from '../run-tag.js'
import {
  answerWasLost,
  findRunnerByPrompt,
  findSessionByPrompt,
  startedSince,
  startFollowUp,
  startRunner,
  type StartedRun
} from '../start.js'
import { setSkipOutputs } from '../report/outputs.js'
import { renderCommandSummary, publishSummary } from '../report/summary.js'
import { printUntrusted } from '../untrusted-log.js'
import { openRunner, type CommandDeps, type CommandResult, type KnownReads } from './context.js'
import {
  CANCELLED_OBSERVER_MS,
  followSession,
  OBSERVER_MS,
  withTimeout
} from '../follow-session.js'

/** A start cut short by cancellation is looked for at once, and again this much later. */
const INTERRUPTED_LOOK_AGAIN_MS = 2_000

/** What this step owes its run, as the tag records it for a later sweep. */
export function debtOf(settings: Settings): RunDebt {
  return {
    detached: !settings.wait,
    delivery: deliveryOf(settings),
    timeoutMinutes: settings.timeoutMs / 60_000,
    onTimeout: settings.onTimeout,
    thread: settings.thread,
    guard: guardOf(settings)
  }
}

/** The prompt as sent: with this step's tag, when run by a workflow. */
function promptFor(settings: Settings, request: Record<string, unknown>): string {
  const step = settings.workflowStep
  const tag =
    step &&
    runTag(step, { site: settings.siteId, ...request }, debtOf(settings), tagKey(settings.token))
  return taggedPrompt(settings.prompt, tag)
}

/** What the step will send to start: a new runner, or a follow-up session on one. */
type StartPlan =
  | { kind: 'runner'; body: CreateRunnerBody }
  | { kind: 'follow-up'; runnerId: string; body: CreateSessionBody }

function planStart(settings: Settings): StartPlan {
  if (settings.agentRunnerId) {
    const request = {
      agent: settings.agent,
      model: settings.model,
      dev_server_image: settings.devServerImage
    }
    const prompt = promptFor(settings, { runner: settings.agentRunnerId, ...request })
    return { kind: 'follow-up', runnerId: settings.agentRunnerId, body: { prompt, ...request } }
  }
  const request = {
    agent: settings.agent,
    model: settings.model,
    mode: settings.mode,
    branch: settings.branch,
    deploy_id: settings.deployId,
    parent_agent_runner_id: settings.parentAgentRunnerId,
    dev_server_image: settings.devServerImage
  }
  return { kind: 'runner', body: { prompt: promptFor(settings, request), ...request } }
}

async function start(
  site: Site,
  plan: StartPlan,
  settings: Settings,
  deps: CommandDeps,
  fileKeys: () => Promise<string[]>
): Promise<StartedRun> {
  const startDeps = {
    fileKeys,
    client: deps.client,
    now: deps.now,
    sleep: (ms: number) => deps.sleep(ms, deps.cancelled),
    onRunner: (runnerId: string) => saveStartedRunner({ runnerId, apiUrl: settings.apiUrl }),
    tagged: settings.workflowStep !== undefined
  }
  const started =
    plan.kind === 'follow-up'
      ? await startFollowUp(plan.runnerId, plan.body, startDeps)
      : await startRunner(site, plan.body, startDeps)
  saveStartedSession(started.session.id)
  return started
}

/**
 * Cancellation cut the start short, but Netlify may have started the run all the same: look for
 * it with the client that outlives cancellation, and stop it. Says which happened.
 */
async function stopInterruptedStart(
  site: Site,
  plan: StartPlan,
  startedAt: number,
  settings: Settings,
  deps: CommandDeps
): Promise<string> {
  const client = deps.stopClient
  const sinceS = startedSince(startedAt)
  try {
    if (plan.kind === 'runner') {
      const look = async () =>
        (await findRunnerByPrompt(client, site, plan.body.prompt, sinceS, 100))?.runnerId
      // A request cut off on this side may still be carried out a moment later on Netlify's.
      const runnerId = (await look()) ?? (await deps.sleep(INTERRUPTED_LOOK_AGAIN_MS).then(look))
      if (runnerId === undefined) return 'it had not started'
      saveStartedRunner({ runnerId, apiUrl: settings.apiUrl })
      await client.stopRunner(runnerId)
      saveRunSettled()
      return `it had started (agent runner ${runnerId}), and was stopped`
    }
    const look = () => findSessionByPrompt(client, plan.runnerId, plan.body.prompt, sinceS)
    const session = (await look()) ?? (await deps.sleep(INTERRUPTED_LOOK_AGAIN_MS).then(look))
    if (session === undefined) return 'the follow-up session had not started'
    saveStartedRunner({ runnerId: plan.runnerId, apiUrl: settings.apiUrl })
    saveStartedSession(session.id)
    await client.stopSession(plan.runnerId, session.id)
    saveRunSettled()
    return `the follow-up session had started (${session.id}), and was stopped`
  } catch (err) {
    return `whether it had started could not be checked (${(err as Error).message}): look on the Netlify dashboard`
  }
}

export async function runCommand(settings: Settings, deps: CommandDeps): Promise<CommandResult> {
  // Files are found and checked before any request, to GitHub or to Netlify.
  const attachments = await resolveAttachments(settings.files, settings.workspace)
  if (settings.github.gatedEvent === undefined) return startAndFollow(settings, deps, attachments)

  core.startGroup(`Reading the ${settings.github.gatedEvent} event`)
  // Loaded only on these events; Octokit only once the event asks for a run (./github/client.ts).
  const { planEventRun } = await import('../github/trigger.js')
  const plan = await planEventRun(settings, deps.client, deps.redact, deps.now).finally(() =>
    core.endGroup()
  )
  if (plan.kind === 'skip') return reportSkipped(deps.redact(plan.reason), settings)
  if (plan.kind === 'stop') {
    const { stopFromThread } = await import('../github/thread-stop.js')
    return stopFromThread(plan.stop, deps)
  }
  const { observer } = plan
  try {
    return await startAndFollow(plan.settings, { ...deps, observer }, attachments, plan.read)
  } catch (err) {
    if (observer) {
      const message = deps.redact(err instanceof Error ? err.message : String(err))
      const cancelled = deps.cancelled.aborted
      // After a cancellation the runner allows seconds: the comment gets what is left of them.
      await withTimeout(
        observer.failed(message, cancelled ? 'cancelled' : 'failure'),
        cancelled ? CANCELLED_OBSERVER_MS : OBSERVER_MS
      )
    }
    throw err
  }
}

/** An event that did not ask for a run: said, with no request to Netlify, and the step passes. */
async function reportSkipped(reason: string, settings: Settings): Promise<CommandResult> {
  // The reason may quote the event (a label's name).
  printUntrusted(`Skipped: ${reason}`)
  setSkipOutputs(reason)
  if (settings.jobSummary) {
    // Shown safe, like agent text: it may name what the event brought (a label, a user).
    const { agentBlocks } = await import('../markdown/agent-text.js')
    await publishSummary([
      renderCommandSummary({
        heading: '⏭️ Netlify agent run skipped',
        links: [],
        rows: [],
        body: `${agentBlocks(reason)}\n`
      })
    ])
  }
  return { outcome: 'skipped', failure: undefined }
}

async function startAndFollow(
  settings: Settings,
  deps: CommandDeps,
  attachments: Attachment[],
  known: KnownReads = {}
): Promise<RunReport> {
  const { client } = deps
  core.startGroup(settings.agentRunnerId ? 'Starting a follow-up session' : 'Starting an agent run')
  let site: Site
  let started: StartedRun
  try {
    let base: string | null | undefined
    if (settings.agentRunnerId) {
      const opened = await openRunner(settings, client, settings.agentRunnerId, known)
      site = opened.site
      base = opened.runner.branch
    } else {
      // The event's plan may have read the site already.
      site = known.site ?? (await client.getSite(settings.siteId ?? ''))
      base = settings.branch ?? site.build_settings?.repo_branch
    }
    core.info(`Site: ${site.name} (${site.id})`)
    checkCommitBranch(settings.commitToBranch, base)
    const plan = planStart(settings)
    const startedAt = deps.now()
    const uploads = attachmentUploader(site, attachments, deps)
    try {
      started = await start(site, plan, settings, deps, uploads.keys)
    } catch (err) {
      await uploads.discardUnless(err)
      if (!deps.cancelled.aborted) throw err
      const what = await stopInterruptedStart(site, plan, startedAt, settings, deps)
      throw new Error(`The workflow was cancelled while the run was starting; ${what}.`, {
        cause: err
      })
    }
  } finally {
    core.endGroup()
  }
  return followSession(settings, deps, {
    site,
    runnerId: started.runnerId,
    session: started.session,
    prompt: settings.prompt,
    followUp: settings.agentRunnerId !== undefined,
    tagged: settings.workflowStep !== undefined
  })
}

/**
 * Uploads the attachments the first time the start asks for their keys (not at all when the
 * step adopts a run it started before), and removes them when the start certainly failed.
 */
function attachmentUploader(site: Site, files: Attachment[], deps: CommandDeps) {
  let uploaded: Promise<string[]> | undefined
  return {
    keys: (): Promise<string[]> =>
      (uploaded ??= uploadAttachments(deps.client, deps.stopClient, site.account_id, files)),
    async discardUnless(err: unknown): Promise<void> {
      if (uploaded === undefined || answerWasLost(err)) return
      const keys = await uploaded.catch(() => [])
      if (keys.length > 0) await removeUploads(deps.stopClient, site.account_id, keys)
    }
  }
}
