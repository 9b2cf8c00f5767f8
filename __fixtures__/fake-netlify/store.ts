// Runners and sessions, and the rules for changing them. Every method either applies a change
// or throws the ApiError the real API answers with; reads go through views.ts.
import type {
  CreateMode,
  SessionMode,
  SessionStep,
  UpdateSessionBody
} from '../../src/netlify/types.js'
import { ApiError } from './http-io.js'
import { derivedHex, newId, shortId } from './ids.js'
import { isActive, pullRequestPhase, commitPhase, sessionPhase } from './lifecycle.js'
import { FAKE_USER, type RunnerRecord, type SessionRecord } from './records.js'
import {
  optionalBoolean,
  optionalNumber,
  optionalString,
  optionalStrings,
  requiredString,
  type BodyObject
} from './request-body.js'
import type { Scenario } from './scenario.js'
import { runnerDiff, cumulativeDiff, type DiffContext } from './session-diffs.js'
import { isGitSite, productionBranch, repoUrl, type FakeSite } from './sites.js'
import { titleFromPrompt } from './views.js'

const CREATE_MODES: readonly CreateMode[] = ['normal', 'create', 'ask']

export interface StoreOptions {
  sites: FakeSite[]
  /** The scenario new sessions, pull requests and commits capture. */
  scenario: () => Scenario
  uploads: Map<string, Buffer>
}

interface NewSession {
  prompt: string
  agent: string | null
  model: string | null
  mode: SessionMode
  sourceSessionId?: string
  fileKeys?: string[]
}

export class FakeStore {
  private readonly sites: Map<string, FakeSite>
  private readonly runnersById = new Map<string, RunnerRecord>()
  private pullRequestCount = 0

  constructor(private readonly options: StoreOptions) {
    this.sites = new Map(options.sites.map(site => [site.id, site]))
  }

  diffContext(now = Date.now()): DiffContext {
    return { uploads: this.options.uploads, now }
  }

  allSites(): FakeSite[] {
    return [...this.sites.values()]
  }

  site(siteId: string | null): FakeSite {
    if (!siteId) throw new ApiError(400, 'site_id is required')
    const site =
      this.sites.get(siteId) ?? this.allSites().find(s => `${s.name}.netlify.app` === siteId)
    if (!site) throw new ApiError(404, 'Site not found')
    return site
  }

  allRunners(): RunnerRecord[] {
    return [...this.runnersById.values()]
  }

  runner(runnerId: string): RunnerRecord {
    const runner = this.runnersById.get(runnerId)
    if (!runner) throw new ApiError(404, 'Agent runner not found')
    return runner
  }

  session(runnerId: string, sessionId: string): SessionRecord {
    const session = this.runner(runnerId).sessions.find(s => s.id === sessionId)
    if (!session) throw new ApiError(404, 'Agent runner session not found')
    return session
  }

  createRunner(siteId: string | null, body: BodyObject): RunnerRecord {
    const site = this.site(siteId)
    const prompt = requiredString(body, 'prompt', 'Prompt is required')
    const deployId = optionalString(body, 'deploy_id')
    if (deployId?.startsWith('missing')) throw new ApiError(422, 'Deploy not found')
    const mode = optionalString(body, 'mode') ?? 'normal'
    if (!CREATE_MODES.includes(mode as CreateMode)) {
      throw new ApiError(400, `mode must be one of ${CREATE_MODES.join(', ')}`)
    }
    const now = Date.now()
    const runner: RunnerRecord = {
      id: newId(),
      site,
      createdAt: now,
      updatedAt: now,
      title: titleFromPrompt(prompt),
      branch: optionalString(body, 'branch') ?? productionBranch(site),
      parentId: optionalString(body, 'parent_agent_runner_id') ?? null,
      baseDeployId: deployId ?? null,
      user: FAKE_USER,
      archivedAt: null,
      sessions: [],
      pullRequests: [],
      commits: [],
      patch: {}
    }
    this.addSession(runner, {
      prompt,
      agent: optionalString(body, 'agent') ?? null,
      model: optionalString(body, 'model') ?? null,
      mode: mode as CreateMode,
      fileKeys: optionalStrings(body, 'file_keys')
    })
    this.runnersById.set(runner.id, runner)
    return runner
  }

  updateRunner(runnerId: string, body: BodyObject): RunnerRecord {
    const runner = this.runner(runnerId)
    const patch = {
      title: optionalString(body, 'title'),
      base_deploy_id: optionalString(body, 'base_deploy_id'),
      result_diff: optionalString(body, 'result_diff'),
      result_diff_binary: optionalBoolean(body, 'result_diff_binary'),
      result_diff_s3_key: optionalString(body, 'result_diff_s3_key'),
      sha: optionalString(body, 'sha')
    }
    runner.patch = { ...runner.patch, ...definedOnly(patch) }
    runner.updatedAt = Date.now()
    return runner
  }

  /** DELETE on a runner: cancels its active session, if any. */
  stopRunner(runnerId: string): void {
    const runner = this.runner(runnerId)
    runner.sessions.forEach(session => this.cancel(session))
  }

  archiveRunner(runnerId: string): void {
    const runner = this.runner(runnerId)
    if (runner.archivedAt !== null) throw new ApiError(422, 'Agent runner is already archived')
    runner.sessions.forEach(session => this.cancel(session))
    runner.archivedAt = Date.now()
    runner.updatedAt = runner.archivedAt
  }

  revertRunner(runnerId: string, body: BodyObject): RunnerRecord {
    const runner = this.runner(runnerId)
    const sessionId = requiredString(body, 'session_id')
    const target = this.session(runnerId, sessionId)
    this.assertNotArchived(runner)
    const index = runner.sessions.indexOf(target)
    if (index === 0) throw new ApiError(400, 'Cannot revert to the first session')
    if (target.discarded) throw new ApiError(400, 'Cannot revert to a discarded session')
    for (const later of runner.sessions.slice(index + 1)) {
      this.cancel(later)
      later.discarded = true
    }
    runner.updatedAt = Date.now()
    return runner
  }

  rebaseRunner(runnerId: string): SessionRecord {
    const runner = this.runner(runnerId)
    this.assertNotArchived(runner)
    if (isGitSite(runner.site)) {
      throw new ApiError(422, 'Rebase is only available for sites without a git repository')
    }
    this.assertIdle(runner)
    if (!this.hasDiff(runner)) throw new ApiError(400, 'No diff to rebase')
    if (this.options.scenario().rebaseUpToDate) {
      throw new ApiError(400, 'Agent runner is already on the latest production deploy')
    }
    const first = runner.sessions[0] as SessionRecord
    return this.addSession(runner, {
      prompt: 'Rebase onto the latest production deploy',
      agent: first.agent,
      model: first.model,
      mode: 'rebase'
    })
  }

  requestPullRequest(runnerId: string): RunnerRecord {
    const runner = this.runner(runnerId)
    this.assertNotArchived(runner)
    this.assertGit(runner)
    this.assertIdle(runner)
    if (!this.hasDiff(runner))
      throw new ApiError(400, 'No completed session with a diff to open a pull request from')
    const now = Date.now()
    const current = pullRequestPhase(runner.pullRequests, now)
    if (current.beingCreated) throw new ApiError(409, 'A pull request is already being created')
    const number = current.open?.number ?? ++this.pullRequestCount
    const scenario = this.options.scenario()
    runner.pullRequests.push({
      requestedAt: now,
      ms: scenario.prMs,
      error: scenario.prError,
      number,
      url: current.open?.url ?? `${repoUrl(runner.site)}/pull/${number}`,
      branch: current.open?.branch ?? `agent-${shortId(runner.id)}`
    })
    runner.updatedAt = now
    return runner
  }

  requestCommit(runnerId: string, body: BodyObject): RunnerRecord {
    const runner = this.runner(runnerId)
    const targetBranch = requiredString(body, 'target_branch')
    const protectedBranches = ['main', 'master', productionBranch(runner.site)]
    if (protectedBranches.includes(targetBranch)) {
      throw new ApiError(400, `Cannot commit directly to the production branch ${targetBranch}`)
    }
    this.assertNotArchived(runner)
    this.assertGit(runner)
    this.assertIdle(runner)
    if (!this.hasDiff(runner)) throw new ApiError(400, 'No completed session with a diff to commit')
    const now = Date.now()
    if (commitPhase(runner.commits, now).beingCreated) {
      throw new ApiError(409, 'A commit is already being created')
    }
    const scenario = this.options.scenario()
    runner.commits.push({
      requestedAt: now,
      ms: scenario.commitMs,
      error: scenario.commitError,
      targetBranch,
      sha: derivedHex(40, runner.id, targetBranch, String(runner.commits.length))
    })
    runner.updatedAt = now
    return runner
  }

  createSession(runnerId: string, body: BodyObject): SessionRecord {
    const runner = this.runner(runnerId)
    const prompt = requiredString(body, 'prompt', 'Prompt is required')
    this.assertNotArchived(runner)
    this.assertIdle(runner)
    const first = runner.sessions[0] as SessionRecord
    return this.addSession(runner, {
      prompt,
      agent: optionalString(body, 'agent') ?? first.agent,
      model: optionalString(body, 'model') ?? first.model,
      mode: 'normal',
      fileKeys: optionalStrings(body, 'file_keys')
    })
  }

  updateSession(runnerId: string, sessionId: string, body: BodyObject): SessionRecord {
    const session = this.session(runnerId, sessionId)
    const steps = body.steps
    if (steps !== undefined && !isStepList(steps)) {
      throw new ApiError(400, 'steps must be an array of {title, message} objects')
    }
    const patch: UpdateSessionBody = {
      title: optionalString(body, 'title'),
      steps,
      result: optionalString(body, 'result'),
      result_branch: optionalString(body, 'result_branch'),
      result_diff: optionalString(body, 'result_diff'),
      result_diff_binary: optionalBoolean(body, 'result_diff_binary'),
      result_diff_s3_key: optionalString(body, 'result_diff_s3_key'),
      cumulative_diff: optionalString(body, 'cumulative_diff'),
      cumulative_diff_binary: optionalBoolean(body, 'cumulative_diff_binary'),
      cumulative_diff_s3_key: optionalString(body, 'cumulative_diff_s3_key'),
      duration: optionalNumber(body, 'duration'),
      result_zip_file_name: optionalString(body, 'result_zip_file_name'),
      deploy_id: optionalString(body, 'deploy_id'),
      state: optionalString(body, 'state'),
      is_published: optionalBoolean(body, 'is_published'),
      has_netlify_form: optionalBoolean(body, 'has_netlify_form'),
      has_netlify_identity: optionalBoolean(body, 'has_netlify_identity'),
      diff_produced: optionalBoolean(body, 'diff_produced')
    }
    session.patch = { ...session.patch, ...definedOnly(patch) }
    session.patchedAt = Date.now()
    return session
  }

  stopSession(runnerId: string, sessionId: string): void {
    this.cancel(this.session(runnerId, sessionId))
  }

  redeploySession(runnerId: string, sessionId: string): SessionRecord {
    const runner = this.runner(runnerId)
    const source = this.session(runnerId, sessionId)
    this.assertNotArchived(runner)
    if (this.options.scenario().usageLimitReached) throw new ApiError(403, 'Usage limit reached')
    this.assertIdle(runner)
    const ctx = this.diffContext()
    if (sessionPhase(source, ctx.now).state !== 'DONE') {
      throw new ApiError(400, 'Source session must be completed to redeploy')
    }
    if (cumulativeDiff(runner, source, ctx) === null) {
      // A session that ran and found nothing to change differs from one that never had a diff.
      if (source.scenario.noChanges) throw new ApiError(422, 'Session has no changes to redeploy')
      throw new ApiError(400, 'Source session has no diff to redeploy')
    }
    return this.addSession(runner, {
      prompt: source.prompt,
      agent: source.agent,
      model: source.model,
      mode: 'redeploy',
      sourceSessionId: source.id
    })
  }

  private addSession(runner: RunnerRecord, spec: NewSession): SessionRecord {
    const session: SessionRecord = {
      id: newId(),
      runnerId: runner.id,
      createdAt: Date.now(),
      prompt: spec.prompt,
      agent: spec.agent,
      model: spec.model,
      mode: spec.mode,
      sourceSessionId: spec.sourceSessionId ?? null,
      scenario: { ...this.options.scenario() },
      fileKeys: spec.fileKeys ?? [],
      user: FAKE_USER,
      cancelledAt: null,
      discarded: false,
      patch: {},
      patchedAt: null
    }
    runner.sessions.push(session)
    runner.updatedAt = session.createdAt
    return session
  }

  private cancel(session: SessionRecord): void {
    const now = Date.now()
    if (!isActive(sessionPhase(session, now).state)) return
    session.cancelledAt = now
    delete session.patch.state
  }

  private hasDiff(runner: RunnerRecord): boolean {
    return runnerDiff(runner, this.diffContext()) !== null
  }

  private assertIdle(runner: RunnerRecord): void {
    const now = Date.now()
    if (runner.sessions.some(s => !s.discarded && isActive(sessionPhase(s, now).state))) {
      throw new ApiError(409, 'Agent runner already has an active session')
    }
  }

  private assertNotArchived(runner: RunnerRecord): void {
    if (runner.archivedAt !== null) throw new ApiError(422, 'Agent runner is archived')
  }

  private assertGit(runner: RunnerRecord): void {
    if (!isGitSite(runner.site)) throw new ApiError(422, 'Site is not linked to a git repository')
  }
}

function isStepList(value: unknown): value is SessionStep[] {
  return (
    Array.isArray(value) &&
    value.every(
      step =>
        typeof step === 'object' &&
        step !== null &&
        typeof (step as SessionStep).title === 'string' &&
        typeof (step as SessionStep).message === 'string'
    )
  )
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
