// script/release, run on a throwaway clone of this repository with a bare repository as its
// remote: what it would run in a dry run, what a real release leaves on the remote, and each
// refusal. DIST_BUILD stands in for `npm run build` (a minute and a half here, and CI's check-dist
// job proves the real one), so the dist/ check's own logic is what these tests exercise.
import { afterEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../__fixtures__/actions-runner.js'

const RELEASE = join(ROOT, 'script/release')

// A git of its own: no global or system settings (signing, hooks) reach the clone.
const GIT_ENV = {
  PATH: process.env.PATH ?? '',
  HOME: tmpdir(),
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Release Test',
  GIT_AUTHOR_EMAIL: 'release@example.test',
  GIT_COMMITTER_NAME: 'Release Test',
  GIT_COMMITTER_EMAIL: 'release@example.test'
}

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`)
  return result.stdout.trim()
}

interface Repo {
  dir: string
  remote: string
  head: () => string
}

const CHANGELOG = (versions: string[]): string =>
  [
    '# Changelog',
    '',
    '## [Unreleased]',
    '',
    ...versions.flatMap(v => [`## [${v}] - 2026-12-01`, '', `- What ${v} brings.`, '']),
    ...versions.map(
      v => `[${v}]: https://github.com/netlify/agent-runners-action/releases/tag/v${v}`
    )
  ].join('\n') + '\n'

/** A clone at `version`, with CHANGELOG entries for `entries`, `tags` on its first commit. */
function repo(options: { version: string; entries: string[]; tags?: string[] }): Repo {
  const base = mkdtempSync(join(tmpdir(), 'release-test-'))
  made.push(base)
  const dir = join(base, 'clone')
  const remote = join(base, 'remote.git')
  git(base, 'clone', '-q', ROOT, dir)
  git(base, 'init', '-q', '--bare', remote)
  git(dir, 'remote', 'set-url', 'origin', remote)
  const inherited = git(dir, 'tag', '--list')
  if (inherited) git(dir, 'tag', '-d', ...inherited.split('\n'))
  for (const tag of options.tags ?? []) git(dir, 'tag', '-a', tag, '-m', tag)
  for (const file of ['package.json', 'package-lock.json']) {
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>
    json.version = options.version
    writeFileSync(join(dir, file), `${JSON.stringify(json, null, 2)}\n`)
  }
  writeFileSync(join(dir, 'CHANGELOG.md'), CHANGELOG(options.entries))
  git(dir, 'add', '--all')
  git(dir, 'commit', '-q', '--allow-empty', '-m', `Release ${options.version}`)
  if (options.tags?.length)
    git(dir, 'push', '-q', 'origin', ...options.tags.map(t => `refs/tags/${t}`))
  return { dir, remote, head: () => git(dir, 'rev-parse', 'HEAD') }
}

function release(repo: Repo, args: string[], build = 'true') {
  const result = spawnSync('bash', [RELEASE, ...args], {
    cwd: repo.dir,
    env: { ...GIT_ENV, DIST_BUILD: build },
    encoding: 'utf8'
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** The remote's tags, each with the commit it points to. */
function remoteTags(repo: Repo): Record<string, string> {
  const lines = git(
    repo.remote,
    'for-each-ref',
    '--format=%(refname:short) %(*objectname)',
    'refs/tags'
  )
  return Object.fromEntries(lines ? lines.split('\n').map(line => line.split(' ')) : [])
}

function printedCommands(stdout: string): string[] {
  return stdout.split('\n').filter(line => line.startsWith('would run: '))
}

describe('script/release', () => {
  it('in a dry run, checks everything, then prints the commands that tag and push, and runs none', () => {
    const clone = repo({ version: '0.2.0', entries: ['0.2.0', '0.1.0'], tags: ['v0.1.0', 'v0'] })
    const tagsBefore = git(clone.dir, 'tag', '--list')
    const run = release(clone, ['--dry-run'])
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const sha = clone.head()
    expect(printedCommands(run.stdout)).toEqual([
      `would run: git tag --annotate v0.2.0 --message v0.2.0 ${sha}`,
      `would run: git tag --force --annotate v0 --message v0:\\ v0.2.0 ${sha}`,
      'would run: git push origin refs/tags/v0.2.0',
      'would run: git push --force origin refs/tags/v0'
    ])
    expect(run.stdout).toContain('Latest release: v0.1.0.')
    expect(run.stdout).toContain('- What 0.2.0 brings.')
    expect(run.stdout).not.toContain('What 0.1.0 brings')
    expect(git(clone.dir, 'tag', '--list')).toBe(tagsBefore)
    expect(Object.keys(remoteTags(clone)).sort()).toEqual(['v0', 'v0.1.0'])
    expect(git(clone.dir, 'status', '--porcelain')).toBe('')
  })

  it('tags the commit, moves the major tag to it and pushes both', () => {
    const clone = repo({ version: '0.2.0', entries: ['0.2.0', '0.1.0'], tags: ['v0.1.0', 'v0'] })
    const before = remoteTags(clone)
    const run = release(clone, [])
    expect(run.stderr.split('\n').filter(line => /error|fatal/i.test(line))).toEqual([])
    expect(run.status).toBe(0)
    const sha = clone.head()
    expect(remoteTags(clone)).toEqual({ 'v0.1.0': before['v0.1.0'], 'v0.2.0': sha, v0: sha })
    expect(before.v0).not.toBe(sha)
  })

  it('makes the first release and its major tag', () => {
    const clone = repo({ version: '1.0.0', entries: ['1.0.0'] })
    expect(release(clone, []).status).toBe(0)
    expect(remoteTags(clone)).toEqual({ 'v1.0.0': clone.head(), v1: clone.head() })
  })

  it('refuses a version that has no CHANGELOG entry', () => {
    const clone = repo({ version: '0.2.0', entries: ['0.1.0'], tags: ['v0.1.0'] })
    const run = release(clone, ['--dry-run'])
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('CHANGELOG.md has no entry for 0.2.0.')
    expect(printedCommands(run.stdout)).toEqual([])
  })

  it('refuses a working tree with changes, naming them', () => {
    const clone = repo({ version: '0.2.0', entries: ['0.2.0'] })
    writeFileSync(join(clone.dir, 'src/untracked-idea.ts'), 'export {}\n')
    const run = release(clone, ['--dry-run'])
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('?? src/untracked-idea.ts')
    expect(run.stderr).toContain('the working tree has changes')
    expect(printedCommands(run.stdout)).toEqual([])
  })

  it('refuses a version that is not newer than the latest release', () => {
    const clone = repo({ version: '0.1.5', entries: ['0.1.5'], tags: ['v0.1.10'] })
    const run = release(clone, ['--dry-run'])
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('0.1.5 is not newer than the latest release, v0.1.10.')
  })

  it('refuses a version that is tagged already', () => {
    const clone = repo({ version: '0.1.0', entries: ['0.1.0'], tags: ['v0.1.0'] })
    const run = release(clone, ['--dry-run'])
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('v0.1.0 exists already.')
  })

  it('refuses a dist/ that differs from a rebuild, and leaves dist/ as committed', () => {
    const clone = repo({ version: '0.2.0', entries: ['0.2.0'] })
    const run = release(
      clone,
      ['--dry-run'],
      'echo stale >> dist/main/index.js && touch dist/new.js'
    )
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('?? dist/new.js')
    expect(run.stderr).toContain('dist/ is out of date')
    expect(printedCommands(run.stdout)).toEqual([])
    expect(git(clone.dir, 'status', '--porcelain')).toBe('')
  })

  it('refuses a package-lock.json whose version differs from package.json', () => {
    const clone = repo({ version: '0.2.0', entries: ['0.2.0'] })
    const lockPath = join(clone.dir, 'package-lock.json')
    const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as Record<string, unknown>
    writeFileSync(lockPath, `${JSON.stringify({ ...lock, version: '0.1.0' }, null, 2)}\n`)
    git(clone.dir, 'commit', '-qam', 'Forget the lock file')
    const run = release(clone, ['--dry-run'])
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('package-lock.json says 0.1.0, package.json 0.2.0.')
  })
})
