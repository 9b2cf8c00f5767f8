// The protected-paths check: before a pull request or commit, every file the delivery would carry
// (both names of a rename) is matched against `protected-paths`. A workflow file that an agent
// changed, on a branch of this same repository, runs with the repository's secrets; so by
// default such a delivery is refused, and with `on-protected-paths: warn` it is made and flagged.
import * as core from '@actions/core'
import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { NetlifyClient } from './netlify/client.js'
import type { Redact } from './redact.js'
import { changedPaths, diffStatOfFile } from './report/diffstat.js'
import { ClassifiedError } from './report/error-kind.js'
import { HOW_TO_ALLOW } from './report/protected-section.js'
import type { ProtectedFiles } from './report/run-report.js'
import type { Settings } from './settings/index.js'
import { printUntrusted } from './untrusted-log.js'

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

/** The delivery was refused: the changes touch protected files. */
export class ProtectedPathsError extends ClassifiedError {
  override readonly name = 'ProtectedPathsError'
  constructor(readonly protectedFiles: ProtectedFiles) {
    const n = protectedFiles.files.length
    super(
      'protected-paths',
      `Nothing was delivered: the changes touch ${plural(n, 'file', 'files')} of \`protected-paths\` (named in the log and the job summary), and \`on-protected-paths\` is \`refuse\`. A workflow file changed on a branch of this repository runs with its secrets. ${HOW_TO_ALLOW}`
    )
  }
}

/**
 * The guard's settings in a word: a hash of the patterns and what a match does. A detached run's
 * tag records it, so that the sweep that delivers it can tell its own guard is the same.
 */
export function guardOf(settings: Pick<Settings, 'protectedPaths' | 'onProtectedPaths'>): string {
  return createHash('sha256')
    .update(JSON.stringify([settings.protectedPaths, settings.onProtectedPaths]))
    .digest('hex')
    .slice(0, 12)
}

/**
 * Whether a path is protected: minimatch's matching (dot files included, case-sensitive, `/`
 * the only separator whatever the runner's system), and the last pattern that matches decides,
 * so `!x` after a pattern takes x out of it again. Loaded only when a delivery is checked.
 */
export async function protectedMatcher(patterns: string[]): Promise<(path: string) => boolean> {
  const { Minimatch } = await import('minimatch')
  const matchers = patterns
    .map(p => new Minimatch(p, { dot: true, platform: 'linux', flipNegate: true }))
    .filter(m => !m.comment && !m.empty)
  return path => {
    let hit = false
    for (const m of matchers) if (m.match(path)) hit = !m.negate
    return hit
  }
}

/** Control characters shown as escapes, so that one name is one line of the log. */
function visible(path: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  return /[\u0000-\u001f\u007f]/.test(path) ? JSON.stringify(path) : path
}

async function downloadRunnerDiff(
  client: NetlifyClient,
  runnerId: string,
  tempDir: string
): Promise<string | undefined> {
  const dir = join(tempDir, 'netlify-agent-runners', runnerId)
  mkdirSync(dir, { recursive: true })
  const file = join(dir, 'runner.diff')
  return (await client.downloadRunnerDiff(runnerId, file)) === null ? undefined : file
}

/**
 * Checks the files a delivery of the runner's changes carries: those of `diffFile` when it is at
 * hand, else of the runner's diff, downloaded. Undefined when the check is off
 * (`protected-paths: ''`); throws ProtectedPathsError when it refuses; else the files it flagged.
 * The names go to the log as foreign text.
 */
export async function checkProtectedPaths(
  settings: Pick<Settings, 'protectedPaths' | 'onProtectedPaths' | 'tempDir'>,
  deps: { client: NetlifyClient; redact: Redact },
  runnerId: string,
  diffFile?: string
): Promise<ProtectedFiles | undefined> {
  if (settings.protectedPaths.length === 0) return undefined
  const file = diffFile ?? (await downloadRunnerDiff(deps.client, runnerId, settings.tempDir))
  // The file is scanned as a stream: a 100 MB diff costs its names, not its size.
  const paths = file ? changedPaths((await diffStatOfFile(file)).files) : []
  const isProtected =
    paths.length > 0 ? await protectedMatcher(settings.protectedPaths) : () => false
  const files = paths.filter(isProtected)
  const verdict = { files, refused: files.length > 0 && settings.onProtectedPaths === 'refuse' }
  if (files.length === 0) {
    core.info(
      `None of the ${plural(paths.length, 'file', 'files')} the delivery carries is protected.`
    )
    return verdict
  }
  printUntrusted(
    deps.redact(
      [
        `The changes touch ${plural(files.length, 'protected file', 'protected files')} (\`protected-paths\`):`,
        ...files.map(path => `  ${visible(path)}`)
      ].join('\n')
    )
  )
  if (verdict.refused) throw new ProtectedPathsError(verdict)
  core.warning(
    `The changes touch ${plural(files.length, 'file', 'files')} of \`protected-paths\` (named in the log and the job summary); they are delivered anyway, as \`on-protected-paths: warn\` asks. Review them before merging: a workflow changed on a branch of this repository runs with its secrets.`
  )
  return verdict
}

export interface ProtectedVerdict {
  found: ProtectedFiles | undefined
  refusal?: ProtectedPathsError
}

/** The same, for a caller that goes on either way: the refusal, when there was one, is returned. */
export async function protectedPathsVerdict(
  ...args: Parameters<typeof checkProtectedPaths>
): Promise<ProtectedVerdict> {
  try {
    return { found: await checkProtectedPaths(...args) }
  } catch (err) {
    if (!(err instanceof ProtectedPathsError)) throw err
    return { found: err.protectedFiles, refusal: err }
  }
}
