// `npm run bench`: measures the bundled action (dist/, on Node 24 when installed) against the fake
// Netlify API and writes bench/RESULTS.md. Not a test: the numbers are recorded, not asserted.
//   npm run bench            everything (about 6 minutes)
//   npm run bench -- --quick  fewer repetitions, no 60 s session, no 100 MB diff
//   npm run bench -- --diffs-only  the big-diff rows alone, not written to RESULTS.md
//   npm run bench -- --load-only   the fleets alone (about 4 minutes), not written either
//   npm run bench -- --events-only the label and skipped-event starts alone, not written either
import { execFileSync, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import {
  ACTION_NODE,
  makeStepDir,
  parseFileCommands,
  readActionYml,
  ROOT
} from '../__fixtures__/actions-runner.js'
import {
  startFakeNetlify,
  type FakeNetlify,
  type Scenario
} from '../__fixtures__/fake-netlify/index.js'
import { startFakeGitHub } from '../__fixtures__/fake-github/index.js'
import { simulateSchedule } from '../src/wait.js'

const quick = process.argv.includes('--quick')
/** Only the big-diff rows, printed and not written to RESULTS.md: for trying a change. */
const diffsOnly = process.argv.includes('--diffs-only')
/** Only the load test, printed and not written to RESULTS.md. */
const loadOnly = process.argv.includes('--load-only')
/** Only the event paths, printed and not written to RESULTS.md. */
const eventsOnly = process.argv.includes('--events-only')
const TOKEN = 'bench-token'
const SITE = 'bench-site'
const RSS_PRELOAD = join(ROOT, 'bench', 'max-rss.mjs')

interface Measured {
  wallMs: number
  firstRequestMs: number | undefined
  peakRssMiB: number
  exitCode: number | null
  summaryBytes: number
  outputs: Record<string, string>
  /** The sizes of diff-file and cumulative-diff-file, and whether they hold the same bytes. */
  diffFiles: { result: number; cumulative: number; same: boolean } | undefined
}

/** What the step's diff outputs hold, read before its directory goes. */
function diffFilesOf(outputs: Record<string, string>): Measured['diffFiles'] {
  const result = outputs['diff-file']
  const cumulative = outputs['cumulative-diff-file']
  if (!result || !cumulative) return undefined
  const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')
  return {
    result: statSync(result).size,
    cumulative: statSync(cumulative).size,
    same: hash(result) === hash(cumulative)
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
const fmt = (n: number | undefined, digits = 0): string =>
  n === undefined ? 'n/a' : n.toFixed(digits)
const verdict = (ok: boolean): string => (ok ? 'met' : '**missed**')

/** Runs dist/main once as the runner would, timing it and reading its peak RSS. */
async function measure(
  fake: FakeNetlify,
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
  options: { diffFiles?: boolean } = {}
): Promise<Measured> {
  const dir = makeStepDir()
  const rssFile = join(dir, 'max-rss')
  const files = {
    output: join(dir, 'output.txt'),
    state: join(dir, 'state.txt'),
    summary: join(dir, 'summary.md')
  }
  for (const file of Object.values(files)) writeFileSync(file, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    RUNNER_TEMP: join(dir, 'runner-temp'),
    GITHUB_WORKSPACE: join(dir, 'workspace'),
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    BENCH_MAX_RSS_FILE: rssFile,
    // As on a runner: the step tags what it starts, and looks for an earlier start first.
    GITHUB_REPOSITORY: 'bench/site',
    GITHUB_RUN_ID: String(Math.floor(Math.random() * 1e9)),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'bench',
    GITHUB_ACTION: 'agent'
  }
  for (const [name, spec] of Object.entries(readActionYml().inputs)) {
    if (spec.default !== undefined) env[`INPUT_${name.toUpperCase()}`] = String(spec.default)
  }
  const all = { 'netlify-auth-token': TOKEN, 'site-id': SITE, 'api-url': fake.url, ...inputs }
  for (const [name, value] of Object.entries(all)) env[`INPUT_${name.toUpperCase()}`] = value
  Object.assign(env, extraEnv)

  const before = fake.requests.length
  const started = Date.now()
  const child = spawn(ACTION_NODE, ['--import', RSS_PRELOAD, join(ROOT, 'dist/main/index.js')], {
    env,
    stdio: 'ignore'
  })
  const exitCode = await new Promise<number | null>(resolve =>
    child.on('close', code => resolve(code))
  )
  const wallMs = Date.now() - started
  const first = fake.requests[before]
  const outputs = parseFileCommands(readFileSync(files.output, 'utf8'))
  const result: Measured = {
    wallMs,
    firstRequestMs: first ? first.at - started : undefined,
    peakRssMiB: Number(readFileSync(rssFile, 'utf8')) / 1024,
    exitCode,
    summaryBytes: statSync(files.summary).size,
    outputs,
    diffFiles: options.diffFiles ? diffFilesOf(outputs) : undefined
  }
  rmSync(dir, { recursive: true, force: true })
  return result
}

async function coldStart(fake: FakeNetlify, runs: number): Promise<string> {
  fake.setScenario({ sessionMs: 600_000 })
  const samples: Measured[] = []
  await measure(fake, { prompt: 'warm-up', wait: 'false' })
  for (let i = 0; i < runs; i++)
    samples.push(await measure(fake, { prompt: `cold ${i}`, wait: 'false' }))
  if (samples.some(s => s.exitCode !== 0)) throw new Error('a cold-start run failed')
  const first = median(samples.map(s => s.firstRequestMs ?? NaN))
  const wall = median(samples.map(s => s.wallMs))
  const rss = median(samples.map(s => s.peakRssMiB))
  return [
    `### Cold start (\`wait: false\`, median of ${runs} runs)`,
    '',
    '| measure | result | target | |',
    '|---|--:|--:|---|',
    `| process start to first API request | ${fmt(first)} ms | 150 ms | ${verdict(first <= 150)} |`,
    `| whole run (start, create, outputs, summary, exit) | ${fmt(wall)} ms | 300 ms | ${verdict(wall <= 300)} |`,
    `| peak RSS | ${fmt(rss, 1)} MiB | 80 MiB | ${verdict(rss < 80)} |`,
    ''
  ].join('\n')
}

/**
 * The label and comment paths load @actions/github and ask GitHub who the actor is before the run
 * starts: measured against the fake GitHub API, beside an event that is skipped.
 */
async function eventStart(fake: FakeNetlify, runs: number): Promise<string> {
  fake.setScenario({ sessionMs: 600_000 })
  const events = join(ROOT, '__fixtures__', 'events')
  // The issue as the label event carries it: an issue edited since would not start a run.
  const payload = JSON.parse(readFileSync(join(events, 'issues-labeled.json'), 'utf8')) as {
    issue: { body: string }
  }
  const gh = await startFakeGitHub({
    token: 'bench-gh-token',
    owner: 'octo',
    repo: 'site',
    permissions: { alice: 'write' },
    issues: [{ number: 12, title: 'Bench issue', user: 'bob', body: payload.issue.body }]
  })
  const env = (file: string): Record<string, string> => ({
    GITHUB_EVENT_NAME: 'issues',
    GITHUB_EVENT_PATH: join(events, file),
    GITHUB_API_URL: gh.url,
    GITHUB_REPOSITORY: 'octo/site',
    'INPUT_GITHUB-TOKEN': 'bench-gh-token'
  })
  try {
    const labeled: Measured[] = []
    const skipped: Measured[] = []
    await measure(fake, { prompt: '', wait: 'false' }, env('issues-labeled.json'))
    for (let i = 0; i < runs; i++) {
      labeled.push(await measure(fake, { prompt: '', wait: 'false' }, env('issues-labeled.json')))
      skipped.push(await measure(fake, { prompt: '' }, env('issues-labeled-bug.json')))
    }
    if ([...labeled, ...skipped].some(s => s.exitCode !== 0)) {
      throw new Error('an event run failed')
    }
    const first = median(labeled.map(s => s.firstRequestMs ?? NaN))
    const skip = median(skipped.map(s => s.wallMs))
    const rss = median(labeled.map(s => s.peakRssMiB))
    return [
      `### Event paths (\`issues\` \`labeled\`, against the fake GitHub API too; median of ${runs} runs)`,
      '',
      "A labeled issue loads @actions/github (about 1 MB of Octokit, only when an event asks for a run), reads the issue as GitHub shows it (`body_html`, walked with parse5, loaded then), checks the actor's permission and reads the thread before its first request to Netlify; an event that asks for nothing reads the payload and exits without loading it.",
      '',
      '| measure | result | target | |',
      '|---|--:|--:|---|',
      `| labeled: process start to first Netlify request | ${fmt(first)} ms | | |`,
      `| labeled: peak RSS | ${fmt(rss, 1)} MiB | 80 MiB | ${verdict(rss < 80)} |`,
      `| skipped (another label): whole run | ${fmt(skip)} ms | 300 ms | ${verdict(skip <= 300)} |`,
      ''
    ].join('\n')
  } finally {
    await gh.close()
  }
}

async function polling(fake: FakeNetlify, realLengths: number[]): Promise<string> {
  const rows: string[] = []
  const pollInterval = 20_000
  const row = (
    label: string,
    length: number,
    polls: number,
    lagMs: number,
    how: string
  ): string => {
    const lagTarget = Math.min(Math.max(2_000, length * 0.1), pollInterval)
    const pollTarget = length <= 10 * 60_000 ? 60 : 130
    return `| ${label} | ${how} | ${polls} | ${fmt(lagMs / 1000, 1)} s | ≤ ${fmt(lagTarget / 1000, 1)} s, ≤ ${pollTarget} checks | ${verdict(lagMs <= lagTarget && polls <= pollTarget)} |`
  }
  for (const length of realLengths) {
    fake.setScenario({ sessionMs: length, steps: 5 })
    const run = await measure(fake, { prompt: `poll ${length}` })
    const runnerId = run.outputs['agent-runner-id']!
    const sessionId = run.outputs['session-id']!
    const session = fake.sessions(runnerId)[0]!
    const endsAt = Date.parse(session.created_at) + length
    const checks = fake.requests.filter(
      r =>
        r.method === 'GET' && r.path === `/api/v1/agent_runners/${runnerId}/sessions/${sessionId}`
    )
    const noticed = checks.find(r => r.at >= endsAt)
    rows.push(
      row(
        `${length / 1000} s`,
        length,
        checks.length,
        (noticed?.at ?? NaN) - endsAt,
        'run for real'
      )
    )
  }
  for (const minutes of [10, 30]) {
    const { polls, lagMs } = simulateSchedule(minutes * 60_000, pollInterval)
    rows.push(row(`${minutes} min`, minutes * 60_000, polls, lagMs, 'from the schedule'))
  }
  return [
    '### Polling (`poll-interval: 20`)',
    '',
    "Status checks run for real are the session's GETs: the first check is the start's own read of the session, which is not asked again.",
    '',
    '| session | how | status checks | lag after the end | target | |',
    '|---|---|--:|--:|---|---|',
    ...rows,
    ''
  ].join('\n')
}

/** Times `curl -o` on a URL; async, since the fake answering it lives in this process. */
async function curlMs(url: string, out: string): Promise<number> {
  const started = process.hrtime.bigint()
  const curl = spawn('curl', ['-sS', '-o', out, '-H', `Authorization: Bearer ${TOKEN}`, url], {
    stdio: 'inherit'
  })
  const code = await new Promise<number | null>(resolve => curl.on('close', resolve))
  if (code !== 0) throw new Error(`curl exited with ${code}`)
  return Number(process.hrtime.bigint() - started) / 1e6
}

async function bigDiffs(fake: FakeNetlify, sizesMb: number[]): Promise<string> {
  const rows: string[] = []
  const firstSession: string[] = []
  const tmp = mkdtempSync(join(tmpdir(), 'bench-curl-'))
  for (const mb of sizesMb) {
    const scenario: Partial<Scenario> = { sessionMs: 0, steps: 0, diffBytes: mb * 1_000_000 }
    fake.setScenario(scenario)
    const before = fake.requests.length
    const run = await measure(fake, { prompt: `diff ${mb} MB` }, {}, { diffFiles: true })
    if (run.exitCode !== 0) throw new Error(`the ${mb} MB run failed`)
    const runnerId = run.outputs['agent-runner-id']!
    const sessionId = run.outputs['session-id']!
    const base = `${fake.url}/api/v1/agent_runners/${runnerId}/sessions/${sessionId}/diff`
    const downloads = fake.requests
      .slice(before)
      .filter(r =>
        r.path.startsWith(`/api/v1/agent_runners/${runnerId}/sessions/${sessionId}/diff`)
      ).length
    const files = run.diffFiles
    const held = files !== undefined && files.same && files.result >= mb * 1_000_000
    firstSession.push(
      `| ${mb} MB | ${downloads} | ${fmt((files?.result ?? 0) / 1e6, 1)} MB | ${fmt((files?.cumulative ?? 0) / 1e6, 1)} MB | ${files?.same ? 'yes' : 'no'} | ${verdict(downloads === 1 && held)} |`
    )
    const curls: number[] = []
    for (let i = 0; i < 3; i++) curls.push(await curlMs(`${base}/result`, join(tmp, 'result.diff')))
    const curl = median(curls)
    const target = 2 * curl + 300
    const rssOk = run.peakRssMiB < 120
    rows.push(
      `| ${mb} MB | ${fmt(run.wallMs)} ms | ${fmt(curl)} ms | ${fmt(target)} ms | ${fmt(run.peakRssMiB, 1)} MiB | ${fmt(run.summaryBytes / 1024)} KiB | ${verdict(run.wallMs <= target && rssOk && run.summaryBytes < 1024 * 1024)} |`
    )
  }
  rmSync(tmp, { recursive: true, force: true })
  return [
    '### Big diffs (whole run; the session is done at the first check)',
    '',
    "Each run is a runner's first session, whose cumulative diff is its result diff: the run downloads it once (at least the size shown) and copies it, reads it for the diffstat and the summary, and writes the summary. `curl -o` fetches the result diff from the same fake, which generates diffs on the fly on one thread of the benchmark process. Peak RSS above the 56 MiB of a cold start is mostly Node 24 `http` buffer churn: a bare `http.get` piped to a file, in an empty script, peaks at about 106 MiB for 100 MB.",
    '',
    '| result diff | action, whole run | curl -o | target (2 × curl + 300 ms) | action peak RSS (target < 120 MiB) | summary (target < 1 MiB) | |',
    '|---|--:|--:|--:|--:|--:|---|',
    ...rows,
    '',
    "### A first session's diffs (the same runs)",
    '',
    'Target: one download, and `diff-file` and `cumulative-diff-file` both hold the bytes (the result diff and the diff up to this session are the same for a first session). Before, both were downloaded.',
    '',
    '| result diff | diff requests | diff-file | cumulative-diff-file | same bytes | |',
    '|---|--:|--:|--:|---|---|',
    ...firstSession,
    ''
  ].join('\n')
}

/** A fleet: runs at once on one token under a fixed-window rate limit, as the "lean" issue measures it. */
interface Fleet {
  runs: number
  /** Requests allowed per window, and the window. */
  limit: number
  windowMs: number
  sessionMs: number
  /** The same fleet measured on this machine before the action paced itself, for comparison. */
  before: string
}

/** What a fleet's requests were, by endpoint, for seeing where a run's requests go. */
function requestKinds(requests: FakeNetlify['requests']): string {
  const kinds = new Map<string, number>()
  for (const r of requests) {
    const kind = `${r.method} ${r.path
      .replace(/^\/api\/v1/, '')
      .replace(/\/agent_runners\/[^/]+/, '/agent_runners/{id}')
      .replace(/\/sessions\/[^/]+/, '/sessions/{id}')
      .replace(/\/sites\/[^/]+/, '/sites/{id}')}`
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
  }
  return [...kinds.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `\`${kind}\` ${n}`)
    .join(', ')
}

/** Many runs sharing one token against a rate limit: all must succeed, each run created once. */
async function load(fake: FakeNetlify, fleet: Fleet): Promise<string> {
  const { runs, limit, windowMs, sessionMs } = fleet
  fake.setScenario({ sessionMs, steps: 2, diffBytes: 2_000, rateLimit: { limit, windowMs } })
  const requestsBefore = fake.requests.length
  const runnersBefore = fake.runners().length
  const started = Date.now()
  const results = await Promise.all(
    Array.from({ length: runs }, (_, i) => measure(fake, { prompt: `load ${i}` }))
  )
  const wallS = (Date.now() - started) / 1000
  fake.setScenario({ rateLimit: null })
  const requests = fake.requests.slice(requestsBefore).filter(r => r.path.startsWith('/api/v1/'))
  const limited = requests.filter(r => r.status === 429).length
  const succeeded = results.filter(r => r.exitCode === 0 && r.outputs.outcome === 'success').length
  const created = fake.runners().length - runnersBefore
  const creates = requests.filter(r => r.method === 'POST' && r.path === '/api/v1/agent_runners')
  const perRun = requests.length / runs
  const share = requests.length ? limited / requests.length : 0
  const perMinute = Math.round((limit * 60_000) / windowMs)
  return [
    `### Load: ${runs} runs at once, one token, ${perMinute} requests a minute (${limit} per ${windowMs / 1000} s window)`,
    '',
    `Each run is a ${sessionMs / 1000} s session, started on its own process as a workflow step would be. The fake answers 429 (with \`Retry-After\` and \`X-RateLimit-*\`) beyond ${limit} requests in its fixed ${windowMs / 1000} s window.`,
    '',
    '| measure | result | target | |',
    '|---|--:|--:|---|',
    `| runs that succeeded | ${succeeded} of ${runs} | all | ${verdict(succeeded === runs)} |`,
    `| runners created | ${created} | exactly ${runs} | ${verdict(created === runs)} |`,
    `| Netlify requests a run (429s and retries included) | ${fmt(perRun, 1)} | ≤ 12 | ${verdict(perRun <= 12)} |`,
    `| answered 429 | ${fmt(share * 100, 1)} % (${limited} of ${requests.length}) | ≤ 5 % | ${verdict(share <= 0.05)} |`,
    `| create requests sent (429s included) | ${creates.length} | | |`,
    `| a run, start to end: median, slowest | ${fmt(median(results.map(r => r.wallMs)) / 1000)} s, ${fmt(Math.max(...results.map(r => r.wallMs)) / 1000)} s | | |`,
    `| wall time | ${fmt(wallS)} s | | |`,
    '',
    `Before: ${fleet.before}. Requests by endpoint: ${requestKinds(requests)}.`,
    ''
  ].join('\n')
}

/** The issue's fleets: 240 a minute as 40 per 10 s; Netlify's own 500 a minute, per minute and per 10 s. */
const FLEETS: Fleet[] = [
  {
    runs: 20,
    limit: 40,
    windowMs: 10_000,
    sessionMs: 3_000,
    before: '16.6 requests a run, 24.3 % answered 429 (81 of 333), 68 s'
  },
  {
    runs: 50,
    limit: 500,
    windowMs: 60_000,
    sessionMs: 3_000,
    before: '14.6 requests a run, 6.4 % answered 429 (47 of 729), 80 s'
  },
  {
    runs: 50,
    limit: 83,
    windowMs: 10_000,
    sessionMs: 3_000,
    before: '18.6 requests a run, 28.9 % answered 429 (269 of 931), 86 s'
  }
]

const LEAN = [
  '### Many runs sharing one token',
  '',
  "Each step is its own process, so the rate-limit headers are all the runs share. Each run's requester estimates how many runs spend the window from how fast `X-RateLimit-Remaining` falls beyond its own requests (a first answer guesses from what the window spent before it), and spaces its requests so that together they spread what is left until `X-RateLimit-Reset` (`src/netlify/rate-pacing.ts`); a run whose share covers two starts is not slowed. A run also asks for less: one diff for a first session, the start's session read as the first check, no runner read after a delivery, and a look for an earlier start that asks only for runners created before the process began (the first answer's `Date`), so runs started alongside are not read one by one.",
  '',
  "Tried on the way, in a simulation of these fleets and then here: spreading the share as measured (10 to 13 % answered 429: runs deciding at other moments plan the same requests), projecting the others' rate forward (fewer 429s, but a 50-run fleet under 500 a minute then waited whole windows), and testing the first guess after 2 s whatever the window (a lone run after a busy step is quick, but a fleet of 50 under 83 per 10 s rose to about 8 %); the guess is now tested only while half the window is left.",
  ''
].join('\n')

/** Each fleet on a fresh fake: runners from before would lengthen the look for an earlier start. */
async function loads(): Promise<string[]> {
  const sections: string[] = [LEAN]
  for (const fleet of FLEETS) {
    const fresh = await startFakeNetlify(FAKE_OPTIONS)
    try {
      sections.push(await load(fresh, fleet))
    } finally {
      await fresh.close()
    }
  }
  return sections
}

const FAKE_OPTIONS = {
  token: TOKEN,
  sites: [{ id: SITE, name: 'bench-site', account_id: 'bench-account' }]
}
const fake = await startFakeNetlify(FAKE_OPTIONS)
try {
  const nodeVersion = execFileSync(ACTION_NODE, ['--version']).toString().trim()
  console.log(`Benchmarking dist/ on Node ${nodeVersion}${quick ? ' (quick)' : ''}…`)
  const loadBefore = loadavg()
  const sections = diffsOnly
    ? [await bigDiffs(fake, [1, 10, 100])]
    : loadOnly
      ? await loads()
      : eventsOnly
        ? [await eventStart(fake, 9)]
        : [
            await coldStart(fake, quick ? 5 : 15),
            await eventStart(fake, quick ? 3 : 9),
            await polling(fake, quick ? [5_000] : [5_000, 60_000]),
            await bigDiffs(fake, quick ? [1, 10] : [1, 10, 100]),
            ...(quick ? [] : await loads())
          ]
  const header = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench${quick ? ' -- --quick' : ''}\` on ${new Date().toISOString().slice(0, 10)}: the bundled action (\`dist/main\`) on Node ${nodeVersion}, against the fake Netlify API on 127.0.0.1; ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30)} GiB. Shared machines are noisy: read these as orders of magnitude, and rerun before drawing fine conclusions. Load average (1, 5, 15 min) when it began: ${loadBefore.map(n => n.toFixed(1)).join(', ')}; when it ended: ${loadavg()
      .map(n => n.toFixed(1))
      .join(', ')}.`,
    ''
  ]
  const text = [...header, ...sections].join('\n')
  if (!diffsOnly && !loadOnly && !eventsOnly) writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), text)
  console.log(text)
} finally {
  await fake.close()
}
