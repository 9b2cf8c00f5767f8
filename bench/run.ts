// `npm run bench`: measures the bundled action (dist/, on Node 24 when installed) against the fake
// Netlify API and writes bench/RESULTS.md. Not a test: the numbers are recorded, not asserted.
//   npm run bench            everything (about 6 minutes)
//   npm run bench -- --quick  fewer repetitions, no 60 s session, no 100 MB diff
//   npm run bench -- --diffs-only  the big-diff rows alone, not written to RESULTS.md
//   npm run bench -- --load-only   the load test alone (about 3 minutes), not written either
//   npm run bench -- --events-only the label and skipped-event starts alone, not written either
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
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
  extraEnv: Record<string, string> = {}
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
  const result: Measured = {
    wallMs,
    firstRequestMs: first ? first.at - started : undefined,
    peakRssMiB: Number(readFileSync(rssFile, 'utf8')) / 1024,
    exitCode,
    summaryBytes: statSync(files.summary).size,
    outputs: parseFileCommands(readFileSync(files.output, 'utf8'))
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
  const tmp = mkdtempSync(join(tmpdir(), 'bench-curl-'))
  for (const mb of sizesMb) {
    const scenario: Partial<Scenario> = { sessionMs: 0, steps: 0, diffBytes: mb * 1_000_000 }
    fake.setScenario(scenario)
    const run = await measure(fake, { prompt: `diff ${mb} MB` })
    if (run.exitCode !== 0) throw new Error(`the ${mb} MB run failed`)
    const runnerId = run.outputs['agent-runner-id']!
    const sessionId = run.outputs['session-id']!
    const base = `${fake.url}/api/v1/agent_runners/${runnerId}/sessions/${sessionId}/diff`
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
    'The run downloads the result diff and the cumulative diff at once (each at least the size shown), reads the result diff for the diffstat and the summary, and writes the summary. `curl -o` fetches the result diff alone from the same fake. The fake generates diffs on the fly on one thread of the benchmark process, so the action (two diffs) waits on it about twice as long as curl (one). Peak RSS above the 56 MiB of a cold start is mostly Node 24 `http` buffer churn: a bare `http.get` piped to a file, in an empty script, peaks at about 106 MiB for 100 MB.',
    '',
    '| result diff | action, whole run | curl -o | target (2 × curl + 300 ms) | action peak RSS (target < 120 MiB) | summary (target < 1 MiB) | |',
    '|---|--:|--:|--:|--:|--:|---|',
    ...rows,
    ''
  ].join('\n')
}

/** Many runs sharing one token against a rate limit: all must succeed, each run created once. */
async function load(fake: FakeNetlify, runs: number, limit: number): Promise<string> {
  fake.setScenario({
    sessionMs: 5_000,
    steps: 2,
    diffBytes: 2_000,
    rateLimit: { limit, windowMs: 60_000 }
  })
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
  return [
    `### Load: ${runs} runs at once, one token, ${limit} requests a minute`,
    '',
    `Each run is a 5 s session. The fake answers 429 (with \`Retry-After\` and \`X-RateLimit-*\`) beyond ${limit} requests in its 60 s window.`,
    '',
    '| measure | result | target | |',
    '|---|--:|--:|---|',
    `| runs that succeeded | ${succeeded} of ${runs} | all | ${verdict(succeeded === runs)} |`,
    `| runners created | ${created} | exactly ${runs} | ${verdict(created === runs)} |`,
    `| create requests sent (429s included) | ${creates.length} | | |`,
    `| API requests in all | ${requests.length} | | |`,
    `| of which answered 429 | ${limited} | | |`,
    `| wall time | ${fmt(wallS)} s | | |`,
    ''
  ].join('\n')
}

const fake = await startFakeNetlify({
  token: TOKEN,
  sites: [{ id: SITE, name: 'bench-site', account_id: 'bench-account' }]
})
try {
  const nodeVersion = execFileSync(ACTION_NODE, ['--version']).toString().trim()
  console.log(`Benchmarking dist/ on Node ${nodeVersion}${quick ? ' (quick)' : ''}…`)
  const sections = diffsOnly
    ? [await bigDiffs(fake, [1, 10, 100])]
    : loadOnly
      ? [await load(fake, 50, 200)]
      : eventsOnly
        ? [await eventStart(fake, 9)]
        : [
            await coldStart(fake, quick ? 5 : 15),
            await eventStart(fake, quick ? 3 : 9),
            await polling(fake, quick ? [5_000] : [5_000, 60_000]),
            await bigDiffs(fake, quick ? [1, 10] : [1, 10, 100]),
            ...(quick ? [] : [await load(fake, 50, 200)])
          ]
  const header = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench${quick ? ' -- --quick' : ''}\` on ${new Date().toISOString().slice(0, 10)}: the bundled action (\`dist/main\`) on Node ${nodeVersion}, against the fake Netlify API on 127.0.0.1; ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30)} GiB. Shared machines are noisy: read these as orders of magnitude, and rerun before drawing fine conclusions.`,
    ''
  ]
  const text = [...header, ...sections].join('\n')
  if (!diffsOnly && !loadOnly && !eventsOnly) writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), text)
  console.log(text)
} finally {
  await fake.close()
}
