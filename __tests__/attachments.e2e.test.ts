// Attachments end to end: `files` through dist/main, uploaded to the fake's presigned URLs, and
// nothing left behind when something goes wrong.
import { describe, expect, it } from '@jest/globals'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { makeStepDir, runAction } from '../__fixtures__/actions-runner.js'
import { useFakeNetlify } from '../__fixtures__/use-fake-netlify.js'

const TOKEN = 'nfp_attach_secret_token'
const SITE = 'site-attach'
const fake = useFakeNetlify({
  token: TOKEN,
  sites: [{ id: SITE, name: 'attach-site', account_id: 'acct-att' }],
  scenario: { sessionMs: 0, steps: 1 }
})

/** A step directory whose workspace holds `files` (name → content). */
function workspaceWith(files: Record<string, string | Buffer>): string {
  const dir = makeStepDir()
  const workspace = join(dir, 'workspace')
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(workspace, name, '..'), { recursive: true })
    writeFileSync(join(workspace, name), content)
  }
  return dir
}

function inputs(files: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'netlify-auth-token': TOKEN,
    'site-id': SITE,
    'api-url': fake().url,
    prompt: 'Use the attached mockup',
    files,
    ...extra
  }
}

const uploadUrlPosts = () => fake().requests.filter(r => r.path.endsWith('/upload_url'))

describe('files', () => {
  it('uploads each matched file and attaches the keys to the new runner', async () => {
    const dir = workspaceWith({
      'design/mockup.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
      'design/notes.md': '# Notes\n',
      'design/skip.md': 'not this one'
    })
    const run = await runAction({
      dir,
      inputs: inputs('design/*.png\ndesign/*.md\n!design/skip.md')
    })
    expect(run.exitCode).toBe(0)
    const session = fake().sessions(run.outputs['agent-runner-id']!)[0]!
    expect(session.attached_file_keys).toHaveLength(2)
    const stored = session.attached_file_keys.map(key => fake().uploads.get(key))
    expect(stored.map(b => b?.toString('utf8'))).toEqual(
      expect.arrayContaining([
        '# Notes\n',
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]).toString()
      ])
    )
    const bodies = uploadUrlPosts()
      .slice(-2)
      .map(r => r.body as Record<string, string>)
    expect(bodies).toEqual(
      expect.arrayContaining([
        { account_id: 'acct-att', filename: 'mockup.png', content_type: 'image/png' },
        { account_id: 'acct-att', filename: 'notes.md', content_type: 'text/markdown' }
      ])
    )
    expect(run.log).toContain('Attached design/mockup.png')
  })

  it('masks the presigned URLs before anything could print them', async () => {
    const dir = workspaceWith({ 'a.txt': 'hello' })
    const run = await runAction({ dir, inputs: inputs('a.txt') })
    expect(run.exitCode).toBe(0)
    const masks = run.log.split('\n').filter(l => l.startsWith('::add-mask::'))
    expect(masks.some(l => l.includes('/__s3/'))).toBe(true)
    const unmasked = run.log.split('\n').filter(l => !l.startsWith('::add-mask::'))
    expect(unmasked.some(l => l.includes('X-Amz-Signature'))).toBe(false)
  })

  it('a follow-up session gets its files too', async () => {
    const first = await runAction({ inputs: inputs('', { files: '' }) })
    const dir = workspaceWith({ 'log.txt': 'error at line 3' })
    const run = await runAction({
      dir,
      inputs: inputs('log.txt', { 'agent-runner-id': first.outputs['agent-runner-id']! })
    })
    expect(run.exitCode).toBe(0)
    const sessions = fake().sessions(first.outputs['agent-runner-id']!)
    expect(sessions[1]!.attached_file_keys).toHaveLength(1)
  })

  it('an upload that fails midway removes what was uploaded, and starts nothing', async () => {
    const dir = workspaceWith({ 'one.txt': '1', 'two.txt': '2', 'three.txt': '3' })
    fake().injectFault({ method: 'PUT', path: /\/__s3\/.*two\.txt$/, status: 500, times: 20 })
    const runnersBefore = fake().runners().length
    const uploadsBefore = fake().uploads.size
    const run = await runAction({ dir, inputs: inputs('*.txt') })
    expect(run.exitCode).toBe(1)
    expect(run.log).toMatch(
      /::error::Uploading two\.txt failed: .*The 2 files already uploaded were removed\./
    )
    expect(fake().uploads.size).toBe(uploadsBefore)
    expect(fake().runners()).toHaveLength(runnersBefore)
    expect(fake().requests.some(r => r.path.endsWith('/delete_url'))).toBe(true)
  })
})

describe('files are checked before anything is sent', () => {
  it.each([
    [
      'a pattern that matches nothing',
      { 'a.txt': 'x' },
      'missing/*.pdf',
      /"missing\/\*\.pdf" matches no file/
    ],
    [
      'a disallowed type',
      { 'tool.exe': 'MZ' },
      'tool.exe',
      /tool\.exe is of a type Netlify does not accept/
    ],
    [
      'a file over 10 MiB',
      { 'big.txt': Buffer.alloc(10 * 1024 * 1024 + 1, 97) },
      'big.txt',
      /big\.txt is 10\.0 MiB; Netlify takes at most 10 MiB a file/
    ],
    [
      'more than 20 files',
      Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`f${i}.txt`, String(i)])),
      '*.txt',
      /matches 21 files; Netlify takes at most 20/
    ]
  ])('%s', async (_name, files, pattern, message) => {
    const dir = workspaceWith(files as Record<string, string | Buffer>)
    const before = fake().requests.length
    const run = await runAction({ dir, inputs: inputs(pattern) })
    expect(run.exitCode).toBe(1)
    const errors = run.log.split('\n').filter(l => l.startsWith('::error::'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(message)
    expect(fake().requests.length).toBe(before)
  })

  it('files are refused for commands that start nothing', async () => {
    const before = fake().requests.length
    const run = await runAction({
      inputs: {
        'netlify-auth-token': TOKEN,
        'api-url': fake().url,
        command: 'status',
        'agent-runner-id': 'r1',
        files: 'a.txt'
      }
    })
    expect(run.exitCode).toBe(1)
    expect(run.log).toMatch(/Input `files` does not apply to `command: status`/)
    expect(fake().requests.length).toBe(before)
  })
})
