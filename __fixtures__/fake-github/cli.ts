// Runs the fake GitHub API in the foreground, for trying the action's event paths by hand:
//   npm run fake-github -- --port 4011 --owner octo --repo site --permission alice=write \
//     --issue '12:Header "Docs" link points to the old docs'
// Prints the ready line on stdout, one line per request on stderr, and stops on SIGINT/SIGTERM.
import { fakeCli, parseFlags, requestLine, runCli, serveUntilSignalled } from '../fake-cli.js'
import { startFakeGitHub } from './server.js'
import type { SeedIssue, SeedPull } from './store.js'
import type { RoleName } from './types.js'

const USAGE = `Usage: npm run fake-github -- [--port 0] [--token T] [--owner O] [--repo R]
  [--bot-login github-actions[bot]] [--default-branch main] [--private] [--read-only-token]
  [--permission LOGIN=admin|maintain|write|triage|read|none]... [--issue NUMBER:TITLE]...
  [--pull NUMBER:HEAD-BRANCH]...`

const ROLES: readonly RoleName[] = ['admin', 'maintain', 'write', 'triage', 'read', 'none']
const cli = fakeCli(USAGE)

/** `12:Some title` -> [12, 'Some title']. */
function numbered(value: string, flag: string): [number, string] {
  const match = /^(\d+):(.+)$/.exec(value)
  if (!match) return cli.fail(`${flag} takes NUMBER:TEXT, got "${value}"`)
  return [Number(match[1]), match[2] as string]
}

function permission(value: string): [string, RoleName] {
  const [login, role] = value.split('=')
  if (!login || !ROLES.includes(role as RoleName)) {
    return cli.fail(`--permission takes LOGIN=${ROLES.join('|')}, got "${value}"`)
  }
  return [login, role as RoleName]
}

runCli(async () => {
  const values = parseFlags(USAGE, {
    port: { type: 'string', default: '0' },
    token: { type: 'string' },
    owner: { type: 'string' },
    repo: { type: 'string' },
    'bot-login': { type: 'string' },
    'default-branch': { type: 'string' },
    private: { type: 'boolean' },
    'read-only-token': { type: 'boolean' },
    permission: { type: 'string', multiple: true },
    issue: { type: 'string', multiple: true },
    pull: { type: 'string', multiple: true }
  })

  const issues: SeedIssue[] = (values.issue ?? []).map(value => {
    const [number, title] = numbered(value, '--issue')
    return { number, title }
  })
  const pulls: SeedPull[] = (values.pull ?? []).map(value => {
    const [number, head] = numbered(value, '--pull')
    return { number, head, title: `Changes from ${head}` }
  })
  const fake = await startFakeGitHub({
    port: cli.integer(values.port, '--port'),
    token: values.token,
    owner: values.owner,
    repo: values.repo,
    botLogin: values['bot-login'],
    defaultBranch: values['default-branch'],
    private: values.private,
    tokenAccess: values['read-only-token'] ? 'read' : 'write',
    permissions: Object.fromEntries((values.permission ?? []).map(permission)),
    issues,
    pulls,
    onRequest: request => process.stderr.write(requestLine(request))
  })
  serveUntilSignalled(
    fake,
    `Fake GitHub API listening on ${fake.url} (${fake.owner}/${fake.repo}, token ${fake.token})`
  )
})
