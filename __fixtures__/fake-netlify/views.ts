// The API's JSON for runners and sessions, computed from records as of `ctx.now`.
import type {
  AgentRunner,
  AgentRunnerSession,
  AgentRunnerUser,
  SessionStep
} from '../../src/netlify/types.js'
import { derivedHex, shortId } from './ids.js'
import {
  commitPhase,
  isActive,
  pullRequestPhase,
  sessionPhase,
  type SessionPhase
} from './lifecycle.js'
import type { RunnerRecord, SessionRecord } from './records.js'
import { cumulativeDiff, resultDiff, runnerDiff, type DiffContext } from './session-diffs.js'
import { isGitSite } from './sites.js'
import { webChange } from './web-diffs.js'

const STEP_TITLES = [
  'Exploring the codebase',
  'Planning the change',
  'Editing files',
  'Running the build',
  'Checking the deploy preview'
]

export function cased<T extends string>(state: T, lowercase: boolean): T | Lowercase<T> {
  return lowercase ? (state.toLowerCase() as Lowercase<T>) : state
}

function iso(ms: number): string {
  return new Date(ms).toISOString()
}

function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : iso(ms)
}

/** The prompt's first line, shortened the way a generated title would be. */
export function titleFromPrompt(prompt: string): string {
  const line = (prompt.trim().split('\n')[0] ?? '').trim()
  return line.length > 80 ? `${line.slice(0, 77)}...` : line
}

function generatedSteps(session: SessionRecord, visible: number): SessionStep[] {
  const { steps: total, stepTitle, stepMessage } = session.scenario
  if (session.scenario.diffStyle === 'web') {
    const { steps } = webChange(session.prompt)
    return Array.from({ length: visible }, (_, i) => steps[i % steps.length] as SessionStep)
  }
  return Array.from({ length: visible }, (_, i) => ({
    title: stepTitle ?? STEP_TITLES[i % STEP_TITLES.length] ?? 'Working',
    message: stepMessage ?? `Step ${i + 1} of ${total} for "${titleFromPrompt(session.prompt)}".`
  }))
}

function generatedResult(
  session: SessionRecord,
  phase: SessionPhase,
  hasDiff: boolean
): string | null {
  const { scenario } = session
  const task = titleFromPrompt(session.prompt)
  if (phase.state === 'ERROR') {
    return (
      scenario.result ??
      `The agent failed while working on "${task}": the build exited with code 1.`
    )
  }
  if (phase.state !== 'DONE') return null
  if (scenario.result !== null) return scenario.result
  if (hasDiff && scenario.diffStyle === 'web') return webChange(session.prompt).result
  return hasDiff
    ? `Done: **${task}**.\n\nI made the requested changes and checked that the site still builds.`
    : `Done: **${task}**.\n\nNo code changes were needed.`
}

export function renderSession(
  runner: RunnerRecord,
  session: SessionRecord,
  ctx: DiffContext
): AgentRunnerSession {
  const phase = sessionPhase(session, ctx.now)
  const { patch } = session
  const done = phase.state === 'DONE'
  const terminal = !isActive(phase.state)
  const hasResultDiff = resultDiff(session, ctx) !== null
  const deployId = patch.deploy_id ?? (done ? derivedHex(24, session.id, 'deploy') : null)
  return {
    id: session.id,
    agent_runner_id: session.runnerId,
    dev_server_id: derivedHex(24, session.id, 'dev-server'),
    state: cased(phase.state, session.scenario.lowercaseStates),
    created_at: iso(session.createdAt),
    updated_at: iso(phase.updatedAt),
    done_at: isoOrNull(phase.doneAt),
    title:
      patch.title ?? (terminal ? (session.scenario.title ?? titleFromPrompt(session.prompt)) : ''),
    prompt: session.prompt,
    agent_config: { agent: session.agent, model: session.model },
    result: patch.result ?? generatedResult(session, phase, hasResultDiff),
    duration:
      patch.duration ??
      (phase.doneAt === null ? null : Math.ceil((phase.doneAt - session.createdAt) / 1000)),
    steps: patch.steps ?? generatedSteps(session, phase.visibleSteps),
    commit_sha: done && isGitSite(runner.site) ? derivedHex(40, session.id, 'commit') : null,
    deploy_id: deployId,
    deploy_url: deployId ? `https://${deployId}--${runner.site.name}.netlify.app` : null,
    result_zip_file_name: patch.result_zip_file_name ?? null,
    attached_file_keys: [...session.fileKeys],
    is_published: patch.is_published ?? false,
    is_discarded: session.discarded,
    has_result_diff: hasResultDiff,
    has_cumulative_diff: cumulativeDiff(runner, session, ctx) !== null,
    mode: session.mode,
    source_session_id: session.sourceSessionId,
    user: session.user
  }
}

export function latestSession(runner: RunnerRecord): SessionRecord {
  const visible = runner.sessions.filter(s => !s.discarded)
  // A runner always keeps its first session: revert refuses it and discards only later ones.
  return visible.at(-1) ?? (runner.sessions[0] as SessionRecord)
}

export function renderRunner(runner: RunnerRecord, ctx: DiffContext): AgentRunner {
  const latest = latestSession(runner)
  const phase = sessionPhase(latest, ctx.now)
  const session = renderSession(runner, latest, ctx)
  const lowercase = latest.scenario.lowercaseStates
  const active = isActive(phase.state)
  const hasDiff = runnerDiff(runner, ctx) !== null
  const pr = pullRequestPhase(runner.pullRequests, ctx.now)
  const commit = commitPhase(runner.commits, ctx.now)
  const visible = runner.sessions.filter(s => !s.discarded)
  const patchedBranch = visible
    .map(s => s.patch.result_branch)
    .filter(Boolean)
    .at(-1)
  return {
    id: runner.id,
    site_id: runner.site.id,
    parent_agent_runner_id: runner.parentId,
    state: runner.archivedAt !== null ? cased('ARCHIVED', lowercase) : session.state,
    created_at: iso(runner.createdAt),
    updated_at: iso(Math.max(runner.updatedAt, phase.updatedAt, pr.updatedAt, commit.updatedAt)),
    done_at: isoOrNull(phase.doneAt),
    title: runner.patch.title ?? latest.scenario.title ?? runner.title,
    branch: runner.branch,
    result_branch:
      patchedBranch ?? (isGitSite(runner.site) && hasDiff ? `agent-${shortId(runner.id)}` : null),
    pr_url: pr.open?.url ?? null,
    pr_branch: pr.open?.branch ?? null,
    pr_state: pr.open ? cased('OPEN', lowercase) : null,
    pr_number: pr.open?.number ?? null,
    pr_is_being_created: pr.beingCreated,
    pr_error: pr.error,
    current_task: active ? (session.steps.at(-1)?.title ?? 'Preparing the environment') : null,
    sha: runner.patch.sha ?? (isGitSite(runner.site) ? derivedHex(40, runner.id, 'base') : null),
    merge_commit_sha: commit.sha,
    merge_commit_error: commit.error,
    merge_commit_is_being_created: commit.beingCreated,
    base_deploy_id: runner.patch.base_deploy_id ?? runner.baseDeployId,
    last_session_created_at: iso(latest.createdAt),
    has_result_diff: hasDiff,
    user: runner.user,
    contributors: uniqueUsers(visible.map(s => s.user)),
    active_session_created_at: active ? iso(latest.createdAt) : null,
    attached_file_keys: [...new Set(visible.flatMap(s => s.fileKeys))],
    latest_session_deploy_id: session.deploy_id,
    latest_session_deploy_url: session.deploy_url,
    latest_session_state: session.state
  }
}

function uniqueUsers(users: AgentRunnerUser[]): AgentRunnerUser[] {
  return [...new Map(users.map(user => [user.id, user])).values()]
}
