// Where a run's settlement is recorded: on the session itself, at the end of its title, which the
// API lets a caller PATCH. Every kind of run carries it the same way (with or without a thread,
// first session or follow-up), and a sweep reads it with the session it reads anyway. The mark
// says "the step that owed this session its delivery and its report is done with it": the step
// that waited, or the sweep that settled it for a step that did not. Anyone on the site's team can
// edit a title, but a forged mark can only make a sweep leave a run alone, which archiving it on
// the dashboard does too.
import type { NetlifyClient } from './netlify/client.js'
import type { AgentRunnerSession } from './netlify/types.js'
import type { Redact } from './redact.js'
import * as core from '@actions/core'

export const SETTLED_MARK = ' · settled by GitHub Actions'

export function isSettled(session: Pick<AgentRunnerSession, 'title'>): boolean {
  return (session.title ?? '').endsWith(SETTLED_MARK)
}

/** A title as the agent gave it: without the mark. */
export function unmarkedTitle(title: string | null | undefined): string {
  const text = title ?? ''
  return text.endsWith(SETTLED_MARK) ? text.slice(0, -SETTLED_MARK.length) : text
}

/**
 * Marks the session settled. Failing is a warning: the run is then left for a sweep to settle
 * again, which may deliver it a second time (a pull request is only updated; a commit is made
 * again), so the warning says so.
 */
export async function recordSettled(
  client: NetlifyClient,
  runnerId: string,
  session: Pick<AgentRunnerSession, 'id' | 'title'>,
  redact: Redact
): Promise<void> {
  if (isSettled(session)) return
  try {
    await client.updateSession(runnerId, session.id, {
      title: `${session.title ?? ''}${SETTLED_MARK}`
    })
  } catch (err) {
    core.warning(
      redact(
        `Could not mark session ${session.id} settled on Netlify (${(err as Error).message}); a \`command: sweep\` step may settle it again, and deliver it a second time.`
      )
    )
  }
}
