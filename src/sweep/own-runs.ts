// The runs a sweep may settle: the site's runners with a session in the window whose latest
// session carries a tag this repository's workflows signed (../run-tag.ts). Netlify lists runners
// by their latest session, newest first, so a follow-up on an old runner counts, and the first
// runner older than the window ends the look.
import type { NetlifyClient } from '../netlify/client.js'
import type { AgentRunner, AgentRunnerSession, Site } from '../netlify/types.js'
import { readRunTag, type ReadTag } from '../run-tag.js'
import * as core from '@actions/core'

/** A list page holds at most 100; a sweep looks at no more than this many pages. */
const PER_PAGE = 100
const MAX_PAGES = 10

export interface OwnRun {
  runner: AgentRunner
  /** The runner's latest session: the one whose settlement is owed. */
  session: AgentRunnerSession
  /** Whether the runner has sessions before this one. */
  followUp: boolean
  tag: ReadTag
}

export interface OwnRunsQuery {
  site: Site
  /** Epoch ms, on Netlify's clock: runners whose latest session is older are left out. */
  sinceMs: number
  key: Buffer
  repository: string
}

/** The runs, one at a time: each is settled before the next is read. */
export async function* ownRuns(client: NetlifyClient, query: OwnRunsQuery): AsyncGenerator<OwnRun> {
  const { site } = query
  for (let page: number | undefined = 1; page !== undefined;) {
    if (page > MAX_PAGES) {
      core.warning(
        `The sweep looked at the ${PER_PAGE * MAX_PAGES} runners with the latest sessions only; a shorter \`sweep-hours\`, or a more frequent schedule, keeps it within that.`
      )
      return
    }
    const listed = await client.listRunners({
      account_id: site.account_id,
      site_id: site.id,
      per_page: PER_PAGE,
      page
    })
    for (const runner of listed.items) {
      const latestAt = Date.parse(runner.last_session_created_at ?? runner.created_at)
      if (latestAt < query.sinceMs) return
      const sessions = await client.listSessions(runner.id, { order_by: 'desc', per_page: 1 })
      const session = sessions.items[0]
      const tag = session && readRunTag(session.prompt ?? '', query.key, query.repository)
      if (session && tag) {
        yield { runner, session, followUp: sessions.nextPage !== undefined, tag }
      }
    }
    page = listed.nextPage
  }
}
