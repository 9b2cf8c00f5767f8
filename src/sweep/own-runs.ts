// The runs a sweep may settle: sessions in the window whose prompt carries a tag this
// repository's workflows signed (../run-tag.ts). Netlify lists runners by their latest session,
// newest first, so a follow-up on an old runner counts, and the first runner whose latest session
// is older than the window ends the look. Each runner's recent sessions are read: a session that
// a later one followed before any sweep settled it is owed its report too.
import type { NetlifyClient } from '../netlify/client.js'
import type { AgentRunner, AgentRunnerSession, Site } from '../netlify/types.js'
import { readRunTag, type ReadTag } from '../run-tag.js'
import * as core from '@actions/core'

/** A list page holds at most 100; a sweep looks at no more than this many pages. */
const PER_PAGE = 100
const MAX_PAGES = 10
/** A runner's sessions read at once, newest first: more than a window holds in practice. */
const SESSIONS_READ = 10

export interface OwnRun {
  runner: AgentRunner
  session: AgentRunnerSession
  /** Whether the runner has sessions before this one. */
  followUp: boolean
  tag: ReadTag
  /** The runner's latest session, when it is a later one than this. */
  followedBy?: string
  /** A later attempt of the same step (its job run again) that started a run of its own. */
  laterAttempt?: number
  /** The runner whose session carried this same tag first: this one holds a copy of it. */
  copyOf?: string
}

export interface OwnRunsQuery {
  site: Site
  /** Epoch ms, on Netlify's clock: sessions created before are left out. */
  sinceMs: number
  key: Buffer
  repository: string
}

export interface Listing {
  runs: OwnRun[]
  /** Sessions whose tag names this repository but whose MAC did not verify with this token. */
  unverified: number
}

export async function listOwnRuns(client: NetlifyClient, query: OwnRunsQuery): Promise<Listing> {
  const { site } = query
  const runs: OwnRun[] = []
  let unverified = 0
  const namesRepository = `netlify-agent-runners-action ${query.repository.toLowerCase()} `
  pages: for (let page: number | undefined = 1; page !== undefined;) {
    if (page > MAX_PAGES) {
      core.warning(
        `The sweep looked at the ${PER_PAGE * MAX_PAGES} runners with the latest sessions only; a shorter \`sweep-hours\`, or a more frequent schedule, keeps it within that.`
      )
      break
    }
    const listed = await client.listRunners({
      account_id: site.account_id,
      site_id: site.id,
      per_page: PER_PAGE,
      page
    })
    for (const runner of listed.items) {
      const latestAt = Date.parse(runner.last_session_created_at ?? runner.created_at)
      if (latestAt < query.sinceMs) break pages
      const sessions = await client.listSessions(runner.id, {
        order_by: 'desc',
        per_page: SESSIONS_READ
      })
      const latest = sessions.items[0]
      sessions.items.forEach((session, i) => {
        if (Date.parse(session.created_at) < query.sinceMs) return
        const prompt = session.prompt ?? ''
        const tag = readRunTag(prompt, query.key, query.repository)
        if (!tag) {
          if (prompt.toLowerCase().includes(namesRepository)) unverified++
          return
        }
        const older = i < sessions.items.length - 1 || sessions.nextPage !== undefined
        runs.push({
          runner,
          session,
          followUp: older,
          tag,
          ...(latest && i > 0 ? { followedBy: latest.id } : {})
        })
      })
    }
    page = listed.nextPage
  }
  return { runs: markLaterAttempts(markCopies(runs)), unverified }
}

/** The same step of the same workflow run, in another attempt: its job run again. */
function stepKey(run: OwnRun): string {
  const { step } = run.tag
  return [step.repository.toLowerCase(), step.runId, step.job, step.step].join('\n')
}

/**
 * A run whose job was run again, and whose later attempt started a run of its own, is that
 * attempt's to deliver: it is marked. (Re-running other jobs raises the attempt too, but starts
 * nothing of this step's: a run without a later one is settled as usual.)
 */
function markLaterAttempts(runs: OwnRun[]): OwnRun[] {
  const latest = new Map<string, number>()
  for (const run of runs) {
    if (run.copyOf) continue
    const attempt = Number(run.tag.step.attempt)
    latest.set(stepKey(run), Math.max(latest.get(stepKey(run)) ?? 0, attempt))
  }
  return runs.map(run => {
    const later = latest.get(stepKey(run)) ?? 0
    return later > Number(run.tag.step.attempt) ? { ...run, laterAttempt: later } : run
  })
}

/**
 * A tag is written into one prompt: the same tag on a second session is a copy (a prompt pasted
 * on the dashboard). The session that carried it first is the run; the others are marked.
 */
function markCopies(runs: OwnRun[]): OwnRun[] {
  const first = new Map<string, OwnRun>()
  const byAge = [...runs].sort(
    (a, b) => Date.parse(a.session.created_at) - Date.parse(b.session.created_at)
  )
  for (const run of byAge) if (!first.has(run.tag.line)) first.set(run.tag.line, run)
  return runs.map(run => {
    const original = first.get(run.tag.line)
    return original && original !== run ? { ...run, copyOf: original.runner.id } : run
  })
}
