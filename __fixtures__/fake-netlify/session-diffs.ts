// Which diff each session and runner has. A session's own ("result") diff exists once it is
// DONE with changes; the cumulative diff adds up the diffs of the non-discarded sessions so far.
// Diffs set through PATCH (as text or as an uploaded S3 key) replace the generated ones.
import { literalDiffFiles, planDiff, type DiffFile } from './diffs.js'
import { shortId } from './ids.js'
import { sessionPhase } from './lifecycle.js'
import type { RunnerRecord, SessionRecord } from './records.js'
import { webChange } from './web-diffs.js'

export interface DiffContext {
  uploads: Map<string, Buffer>
  now: number
}

type Diff = DiffFile[] | null

export function resultDiff(session: SessionRecord, ctx: DiffContext): Diff {
  const supplied = suppliedDiff(session.patch.result_diff, session.patch.result_diff_s3_key, ctx)
  if (supplied !== undefined) return supplied
  if (sessionPhase(session, ctx.now).state !== 'DONE') return null
  // Redeploy and rebase sessions re-apply earlier diffs; ask sessions only answer.
  if (session.mode === 'redeploy' || session.mode === 'rebase' || session.mode === 'ask')
    return null
  if (session.scenario.noChanges) return null
  if (session.scenario.diffStyle === 'web') return literalDiffFiles(webChange(session.prompt).diff)
  return nonEmpty(
    planDiff({
      seed: session.id,
      dir: `agent-changes/${shortId(session.id)}`,
      heading: session.prompt.split('\n')[0] ?? '',
      bytes: session.scenario.diffBytes,
      files: session.scenario.diffFiles,
      binary: session.scenario.binaryDiff,
      paths: session.scenario.diffPaths
    })
  )
}

export function cumulativeDiff(
  runner: RunnerRecord,
  session: SessionRecord,
  ctx: DiffContext
): Diff {
  const supplied = suppliedDiff(
    session.patch.cumulative_diff,
    session.patch.cumulative_diff_s3_key,
    ctx
  )
  if (supplied !== undefined) return supplied
  if (sessionPhase(session, ctx.now).state !== 'DONE') return null
  const upTo = runner.sessions.slice(0, runner.sessions.indexOf(session) + 1)
  const counted = upTo.filter(s => s === session || !s.discarded)
  return nonEmpty(counted.flatMap(s => resultDiff(s, ctx) ?? []))
}

/** The runner's diff: its latest completed session's cumulative diff, unless one was PATCHed. */
export function runnerDiff(runner: RunnerRecord, ctx: DiffContext): Diff {
  const supplied = suppliedDiff(runner.patch.result_diff, runner.patch.result_diff_s3_key, ctx)
  if (supplied !== undefined) return supplied
  const done = runner.sessions.filter(
    s => !s.discarded && sessionPhase(s, ctx.now).state === 'DONE'
  )
  const latest = done.at(-1)
  return latest ? cumulativeDiff(runner, latest, ctx) : null
}

/** undefined when nothing was supplied, so the caller falls back to the generated diff. */
function suppliedDiff(
  text: string | undefined,
  s3Key: string | undefined,
  ctx: DiffContext
): Diff | undefined {
  if (text !== undefined) return nonEmpty(literalDiffFiles(text))
  if (s3Key !== undefined) {
    const upload = ctx.uploads.get(s3Key)
    return upload ? nonEmpty(literalDiffFiles(upload.toString('utf8'))) : null
  }
  return undefined
}

function nonEmpty(files: DiffFile[]): Diff {
  return files.length > 0 ? files : null
}
