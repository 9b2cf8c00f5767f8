// `npm run bench`: measures the bundled action (dist/, on Node 24 when installed) against the fake
// Netlify API and writes bench/RESULTS.md. Not a test: the numbers are recorded, not asserted.
//   npm run bench            everything (about 8 minutes)
//   npm run bench -- --quick  fewer repetitions, no 60 s session, no 100 MB diffs, no fleets
//   npm run bench -- --diffs-only  the big-diff rows alone (about 2 minutes), not written to RESULTS.md
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
import { startFakeNetlify, type FakeNetlify } from '../__fixtures__/fake-netlify/index.js'
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
const USAGE_PRELOAD = join(ROOT, 'bench', 'usage.mjs')

/** What a process cost, read by usage.mjs as it exited. */
interface Usage {
  exitCode: number | null
  wallMs: number
  /** User and system CPU of the process itself (not the fake's, which runs in this one). */
  cpuMs: number
  peakRssMiB: number
}

interface Measured extends Usage {
  firstRequestMs: number | undefined
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

/** Runs Node 24 on `args` with usage.mjs preloaded, timing it and reading what it used. */
async function runNode(
  args: string[],
  env: Record<string, string>,
  usageFile: string
): Promise<Usage> {
  const started = Date.now()
  const child = spawn(ACTION_NODE, ['--import', USAGE_PRELOAD, ...args], {
    env: { ...env, BENCH_USAGE_FILE: usageFile },
    stdio: 'ignore'
  })
  const exitCode = await new Promise<number | null>(resolve =>
    child.on('close', code => resolve(code))
  )
  const wallMs = Date.now() - started
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as {
    maxRSS: number
    userCPUTime: number
    systemCPUTime: number
  }
  return {
    exitCode,
    wallMs,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    peakRssMiB: usage.maxRSS / 1024
  }
}

/**
 * Runs dist/main once as the runner would, timing it and reading what it used. `nodeArgs` go
 * before the script: only to show what a flag that the action does not get would change.
 */
async function measure(
  fake: FakeNetlify,
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
  options: { diffFiles?: boolean; nodeArgs?: string[] } = {}
): Promise<Measured> {
  const dir = makeStepDir()
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
  const usage = await runNode(
    [...(options.nodeArgs ?? []), join(ROOT, 'dist/main/index.js')],
    env,
    join(dir, 'usage.json')
  )
  const first = fake.requests[before]
  const outputs = parseFileCommands(readFileSync(files.output, 'utf8'))
  const result: Measured = {
    ...usage,
    firstRequestMs: first ? first.at - started : undefined,
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

/** How a diff's bytes are split into files. */
interface DiffShape {
  name: string
  /** The fake's `diffFiles` for a diff of `bytes`: null splits it into files of at most ~1 MB. */
  files: (bytes: number) => number | null
}

const SHAPES: DiffShape[] = [
  { name: 'few large', files: () => null },
  // ~2 kB a file, as when an agent touches a whole folder or adds a lock file: 500 files a MB.
  { name: 'many small', files: bytes => Math.round(bytes / 2_000) }
]

/** The medians of a few runs of one command, and the highest peak RSS: the machine is noisy. */
interface Typical {
  runs: number
  wallMs: number
  cpuMs: number
  peakRssMiB: number
  highestRssMiB: number
}

function typical(samples: Usage[]): Typical {
  if (samples.some(s => s.exitCode !== 0)) throw new Error('a measured run failed')
  return {
    runs: samples.length,
    wallMs: median(samples.map(s => s.wallMs)),
    cpuMs: median(samples.map(s => s.cpuMs)),
    peakRssMiB: median(samples.map(s => s.peakRssMiB)),
    highestRssMiB: Math.max(...samples.map(s => s.peakRssMiB))
  }
}

type StatusRuns = Typical & { summaryBytes: number }

/** `command: status` on a runner whose only session is done: one download, diffstat, summary. */
async function statusRuns(
  fake: FakeNetlify,
  runnerId: string,
  runs: number,
  nodeArgs: string[] = []
): Promise<StatusRuns> {
  const samples: Measured[] = []
  for (let i = 0; i < runs; i++) {
    const run = await measure(
      fake,
      { command: 'status', 'agent-runner-id': runnerId },
      {},
      { nodeArgs }
    )
    if (run.outputs.outcome !== 'success') throw new Error(`status of ${runnerId} did not succeed`)
    samples.push(run)
  }
  return { ...typical(samples), summaryBytes: Math.max(...samples.map(s => s.summaryBytes)) }
}

/** One size and shape of diff, as the end of a run and as `status` runs see it. */
interface DiffRow {
  shape: DiffShape
  mb: number
  files: number
  runnerId: string
  resultUrl: string
  /** The run that made the runner; its session is done at the first check. */
  run: Measured
  /** The diff requests that run sent. */
  downloads: number
  status: StatusRuns
  curlMs: number
}

async function diffRow(
  fake: FakeNetlify,
  shape: DiffShape,
  mb: number,
  runs: number,
  tmp: string
): Promise<DiffRow> {
  const bytes = mb * 1_000_000
  const scenario = { sessionMs: 0, steps: 0, diffBytes: bytes, diffFiles: shape.files(bytes) }
  fake.setScenario(scenario)
  const before = fake.requests.length
  const run = await measure(
    fake,
    { prompt: `diff ${mb} MB, ${shape.name}` },
    {},
    { diffFiles: true }
  )
  if (run.exitCode !== 0) throw new Error(`the ${mb} MB run (${shape.name}) failed`)
  const runnerId = run.outputs['agent-runner-id']!
  const diffPath = `/api/v1/agent_runners/${runnerId}/sessions/${run.outputs['session-id']}/diff`
  const downloads = fake.requests.slice(before).filter(r => r.path.startsWith(diffPath)).length
  const status = await statusRuns(fake, runnerId, runs)
  const resultUrl = `${fake.url}${diffPath}/result`
  const curls: number[] = []
  for (let i = 0; i < 3; i++) curls.push(await curlMs(resultUrl, join(tmp, 'result.diff')))
  const files = Number(run.outputs['files-changed'])
  return { shape, mb, files, runnerId, resultUrl, run, downloads, status, curlMs: median(curls) }
}

/** `status` of a done session that made no changes: what the per-MB figures are counted above. */
async function noDiff(fake: FakeNetlify, runs: number): Promise<StatusRuns> {
  fake.setScenario({ sessionMs: 0, steps: 0, noChanges: true })
  const run = await measure(fake, { prompt: 'no diff' })
  fake.setScenario({ noChanges: false })
  if (run.exitCode !== 0) throw new Error('the run without a diff failed')
  return statusRuns(fake, run.outputs['agent-runner-id']!, runs)
}

/** What a row costs beyond `status` without a diff, per MB and per 1,000 files. */
function costAbove(row: DiffRow, base: Typical): { ms: number; perMb: number; perKFiles: number } {
  const ms = row.status.cpuMs - base.cpuMs
  return { ms, perMb: ms / row.mb, perKFiles: ms / (row.files / 1000) }
}

/** Per 1,000 files only where files are many: a few large files' cost is their bytes'. */
function perKFiles(row: DiffRow, base: Typical): string {
  return row.files >= 500 ? `${fmt(costAbove(row, base).perKFiles)} ms` : '—'
}

/**
 * Linear: each step up in size (and so in files) multiplies the cost above a run without a diff
 * by no more than 1.5 × the step. A cost that grows with lines × summary, or files², fails it.
 */
function linearity(rows: DiffRow[], base: Typical): { ok: boolean; figure: string } {
  let ok = true
  const figures = SHAPES.map(shape => {
    const of = rows.filter(r => r.shape === shape)
    const steps = of.slice(1).map((row, i) => {
      const growth = costAbove(row, base).ms / Math.max(1, costAbove(of[i]!, base).ms)
      ok &&= growth <= 1.5 * (row.mb / of[i]!.mb)
      return `×${fmt(growth, 1)} for ×${row.mb / of[i]!.mb}`
    })
    const costs = of.map(r => `${fmt(costAbove(r, base).ms)}`).join(', ')
    return `${shape.name}: ${costs} ms at ${of.map(r => r.mb).join(', ')} MB (${steps.join(', ')})`
  })
  return { ok, figure: `CPU above \`status\` without a diff, ${figures.join('; ')}` }
}

interface MemoryFloor {
  idle: Typical
  bare: Typical
  smallYoung: StatusRuns
}

/**
 * Where the biggest row's memory goes: Node 24 doing nothing, a bare script that only saves the
 * same diff (`http.get` piped to a file), and the action under a V8 flag that it does not get.
 */
async function memoryFloor(fake: FakeNetlify, row: DiffRow, tmp: string): Promise<MemoryFloor> {
  const env = { PATH: process.env.PATH ?? '', BENCH_TOKEN: TOKEN }
  const thrice = async (args: string[]): Promise<Typical> => {
    const samples: Usage[] = []
    for (let i = 0; i < 3; i++) samples.push(await runNode(args, env, join(tmp, 'usage.json')))
    return typical(samples)
  }
  return {
    idle: await thrice(['-e', '']),
    bare: await thrice([
      join(ROOT, 'bench', 'bare-download.mjs'),
      row.resultUrl,
      join(tmp, 'bare.diff')
    ]),
    smallYoung: await statusRuns(fake, row.runnerId, 3, ['--max-semi-space-size=1'])
  }
}

const MEMORY_NOTE = [
  "Sampled by hand, from another process (the action's `VmRSS` every 10 ms, beside the size of its diff file; a sampler inside the process makes garbage and changes when V8 collects), the run has two peaks. While the diff downloads, RSS climbs from 65 MiB to 108 to 135 MiB, though the heap stays under 20 MiB: every socket read is a new 64 KiB `Buffer`, which `stream.pipeline` writes to the file with backpressure and drops, but V8 frees only at its next scavenge, and a download makes too little JS garbage to call one often: 25 to 50 MiB of written chunks wait for it, and the allocator keeps that memory once it is freed. Then the diffstat reads the file through one 256 KiB buffer, but keeps a record and a name for each of the 50,000 files (the old generation grows to 12 MB); as they survive, V8 grows its young generation from 8 to 32 MB, and RSS rises by 26 to 30 MiB more, to the peak. The diffstat of the same file alone (from `src/`, on Node 24) grows RSS by 36 to 40 MiB; with `--max-semi-space-size=1`, by 17. The summary after it is written section by section and adds little. The 100 MB row of few large files climbs to 137 MiB while downloading and 12 MiB more after.",
  '',
  "Tried, for the download: it already streams to disk with backpressure (`stream.pipeline` from `http.get` to `fs.createWriteStream`; no http-client or undici on that path, nothing reads the body into one buffer). A smaller highWaterMark (4 KiB, on the request or on the file) changes nothing, since the chunks are the socket's reads, not the streams' buffers; 1 MiB on the file reads faster and peaks higher (135 MiB bare). Over TLS (16 KiB records) a bare download peaks about as high (100 MiB). What brings it down is collecting sooner: `--max-semi-space-size=1` (above) or `gc()` every 8 MB (88 MiB bare), V8 flags that a user's runner does not pass; setting them from inside the action (`v8.setFlagsFromString` after start-up) is undefined behaviour by Node's documentation, and a download in a child process or a worker would only move the memory out of the measured process. Even with the flag the whole run is above 100 MiB, and without it the download alone is: the target is missed. Not tried: a compact diffstat (names and counts in arrays rather than 50,000 records), which would lower the second peak only.",
  ''
].join('\n')

async function bigDiffs(
  fake: FakeNetlify,
  sizesMb: number[],
  runsAt: (mb: number) => number
): Promise<{ text: string; targets: string[] }> {
  const load = loadavg()[0]!
  const tmp = mkdtempSync(join(tmpdir(), 'bench-curl-'))
  const baseRuns = runsAt(sizesMb[0]!)
  const base = await noDiff(fake, baseRuns)
  const rows: DiffRow[] = []
  for (const shape of SHAPES) {
    for (const mb of sizesMb) rows.push(await diffRow(fake, shape, mb, runsAt(mb), tmp))
  }
  const biggest = rows.find(r => r.shape.name === 'many small' && r.mb === 100)
  const floor = biggest && (await memoryFloor(fake, biggest, tmp))
  rmSync(tmp, { recursive: true, force: true })

  const size = (r: DiffRow) =>
    `${r.mb} MB, ${r.files.toLocaleString('en')} ${r.files === 1 ? 'file' : 'files'}`
  const ms = (n: number) => `${fmt(n)} ms`
  const rss = (t: Typical) => `${fmt(t.peakRssMiB, 1)} MiB (${fmt(t.highestRssMiB, 1)})`
  const endOfRun = rows.map(r => {
    const target = 2 * r.curlMs + 300
    const ok = r.run.wallMs <= target && r.run.peakRssMiB < 120 && r.run.summaryBytes < 1024 * 1024
    return `| ${size(r)} | ${ms(r.run.wallMs)} | ${ms(r.curlMs)} | ${ms(target)} | ${fmt(r.run.peakRssMiB, 1)} MiB | ${fmt(r.run.summaryBytes / 1024)} KiB | ${verdict(ok)} |`
  })
  const firstSession = rows.map(r => {
    const files = r.run.diffFiles
    const held = files !== undefined && files.same && files.result >= r.mb * 1_000_000
    return `| ${size(r)} | ${r.downloads} | ${fmt((files?.result ?? 0) / 1e6, 1)} MB | ${fmt((files?.cumulative ?? 0) / 1e6, 1)} MB | ${files?.same ? 'yes' : 'no'} | ${verdict(r.downloads === 1 && held)} |`
  })
  const status = rows.map(r => {
    const cost = costAbove(r, base)
    return `| ${size(r)} | ${r.status.runs} | ${ms(r.status.wallMs)} | ${ms(r.status.cpuMs)} | ${ms(cost.perMb)} | ${perKFiles(r, base)} | ${rss(r.status)} | ${ms(r.curlMs)} | ${fmt(r.status.summaryBytes / 1024)} KiB |`
  })

  const targets: string[] = []
  const small = rows.find(r => r.shape.name === 'many small' && r.mb === 1)
  if (small) {
    const cpu = small.status.cpuMs
    targets.push(
      `| summary of a 1 MB, 500-file diff (whole \`status\` run) | ≤ 0.3 s of CPU (user + sys) | ${fmt(cpu / 1000, 2)} s (${size(small)}; median of ${small.status.runs} runs) | ${verdict(cpu <= 300)} |`
    )
  }
  if (biggest) {
    const target = 1.5 * biggest.curlMs + 500
    const { wallMs, peakRssMiB, runs } = biggest.status
    targets.push(
      `| 100 MB, 50,000-file diff, a first session: whole run | ≤ 1.5 × curl + 0.5 s | ${fmt(wallMs / 1000, 2)} s against ${fmt(target / 1000, 2)} s (curl ${fmt(biggest.curlMs / 1000, 2)} s; ${size(biggest)}; \`status\`, median of ${runs} runs) | ${verdict(wallMs <= target)} |`,
      `| the same: peak RSS | ≤ 100 MiB | ${fmt(peakRssMiB, 1)} MiB (median of ${runs} runs; highest ${fmt(biggest.status.highestRssMiB, 1)}); a bare \`http.get\` to a file: ${fmt(floor!.bare.peakRssMiB, 1)} MiB | ${verdict(peakRssMiB <= 100)} |`
    )
  }
  const linear = linearity(rows, base)
  targets.push(
    `| cost against diff size and file count | linear, shown by 1, 10 and 100 MB rows of few large and many small files | ${linear.figure} | ${verdict(linear.ok)} |`
  )
  const once = rows.filter(r => r.downloads === 1 && r.run.diffFiles?.same).length
  targets.push(
    `| a first session's diffs | one download; \`diff-file\` and \`cumulative-diff-file\` both still hold the bytes | ${once} of ${rows.length} runs | ${verdict(once === rows.length)} |`
  )

  const text = [
    `### Big diffs: a \`status\` run (1-min load average ${fmt(load, 1)} when these began, ${fmt(loadavg()[0], 1)} when they ended)`,
    '',
    `Each row is \`command: status\` on a runner whose only session is done, so its cumulative diff is its result diff: one download (copied for \`cumulative-diff-file\`), the diffstat, the summary. Medians of the runs shown; peak RSS is the median, then the highest. CPU is the action's own process (user + sys); the fake generates each diff as it streams, on one thread of the benchmark process, and \`curl -o\` fetches the same result diff from it (median of 3): for many small files that generation sets curl's pace (several times longer than for few large files of the same size), so the whole-run figure there is measured against the fake's speed, and the CPU column is the action's own cost. Per MB and per 1,000 files: CPU above \`status\` of a session with no changes (${ms(base.cpuMs)}, ${fmt(base.peakRssMiB, 1)} MiB, median of ${base.runs}). Few large files are the fake's ~1 MB files; many small are ~2 kB each.`,
    '',
    '| diff | runs | whole run | CPU | CPU per MB | CPU per 1,000 files | peak RSS | curl -o | summary |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...status,
    '',
    ...(floor
      ? [
          `### Where the memory of the 100 MB, 50,000-file row goes (median of 3, highest in brackets)`,
          '',
          '| process | peak RSS | whole run |',
          '|---|--:|--:|',
          `| the action, \`status\` (above) | ${rss(biggest!.status)} | ${ms(biggest!.status.wallMs)} |`,
          `| the same with \`--max-semi-space-size=1\` (a V8 flag the action does not get) | ${rss(floor.smallYoung)} | ${ms(floor.smallYoung.wallMs)} |`,
          `| a bare Node 24 script: \`http.get\` piped to a file with \`stream.pipeline\` (bench/bare-download.mjs) | ${rss(floor.bare)} | ${ms(floor.bare.wallMs)} |`,
          `| Node 24 doing nothing (\`node -e ''\`) | ${rss(floor.idle)} | ${ms(floor.idle.wallMs)} |`,
          '',
          MEMORY_NOTE
        ]
      : []),
    '### Big diffs: the end of a run (the runs that made the runners above; earlier targets)',
    '',
    'The session is done at the first check; the run then downloads the diff, as `status` does.',
    '',
    '| diff | action, whole run | curl -o | target (2 × curl + 300 ms) | peak RSS (target < 120 MiB) | summary (target < 1 MiB) | |',
    '|---|--:|--:|--:|--:|--:|---|',
    ...endOfRun,
    '',
    "### A first session's diffs (the same runs)",
    '',
    'Target: one download, and `diff-file` and `cumulative-diff-file` both hold the bytes (the result diff and the diff up to this session are the same for a first session). Before, both were downloaded.',
    '',
    '| diff | diff requests | diff-file | cumulative-diff-file | same bytes | |',
    '|---|--:|--:|--:|---|---|',
    ...firstSession,
    ''
  ].join('\n')
  return { text, targets }
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
async function load(fake: FakeNetlify, fleet: Fleet): Promise<{ text: string; target: string }> {
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
  const met = succeeded === runs && created === runs && perRun <= 12 && share <= 0.05
  const target = `| fleet of ${runs}, ${perMinute} requests a minute (${limit} per ${windowMs / 1000} s window) | all succeed, exactly ${runs} runners, ≤ 12 Netlify requests a run, ≤ 5 % answered 429 | ${succeeded} of ${runs} succeeded, ${created} runners, ${fmt(perRun, 1)} requests a run, ${fmt(share * 100, 1)} % answered 429 | ${verdict(met)} |`
  const text = [
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
  return { text, target }
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
async function loads(): Promise<{ sections: string[]; targets: string[] }> {
  const sections: string[] = [LEAN]
  const targets: string[] = []
  for (const fleet of FLEETS) {
    const fresh = await startFakeNetlify(FAKE_OPTIONS)
    try {
      const { text, target } = await load(fresh, fleet)
      sections.push(text)
      targets.push(target)
    } finally {
      await fresh.close()
    }
  }
  return { sections, targets }
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
  // The lean issue's target rows, gathered from the sections that measure them.
  const targets: string[] = []
  const diffs = async (sizesMb: number[]): Promise<string> => {
    // The 1 MB rows carry the CPU target: more runs for their medians.
    const runsAt = (mb: number): number =>
      mb >= 100 ? 3 : mb >= 10 ? (quick ? 3 : 5) : quick ? 5 : 9
    const { text, targets: rows } = await bigDiffs(fake, sizesMb, runsAt)
    targets.push(...rows)
    return text
  }
  const fleets = async (): Promise<string[]> => {
    const { sections, targets: rows } = await loads()
    targets.push(...rows)
    return sections
  }
  const sections = diffsOnly
    ? [await diffs([1, 10, 100])]
    : loadOnly
      ? await fleets()
      : eventsOnly
        ? [await eventStart(fake, 9)]
        : [
            await coldStart(fake, quick ? 5 : 15),
            await eventStart(fake, quick ? 3 : 9),
            await polling(fake, quick ? [5_000] : [5_000, 60_000]),
            await diffs(quick ? [1, 10] : [1, 10, 100]),
            ...(quick ? [] : await fleets())
          ]
  const header = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench${quick ? ' -- --quick' : ''}\` on ${new Date().toISOString().slice(0, 10)}: the bundled action (\`dist/main\`) on Node ${nodeVersion}, against the fake Netlify API on 127.0.0.1; ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30)} GiB. Shared machines are noisy: read these as orders of magnitude, and rerun before drawing fine conclusions. Peak RSS is each process's own high-water mark (\`VmHWM\`, bench/usage.mjs): getrusage's \`maxRSS\`, used before, also counts the benchmark process that spawned it, which put every run after a 100 MB diff at 118 MiB or more, the benchmark's own size by then. Load average (1, 5, 15 min) when it began: ${loadBefore.map(n => n.toFixed(1)).join(', ')}; when it ended: ${loadavg()
      .map(n => n.toFixed(1))
      .join(', ')}.`,
    ''
  ]
  const leanTargets = targets.length
    ? [
        "## The lean issue's targets",
        '',
        'Each figure is from the sections below, which say how it was measured.',
        '',
        '| figure | target | measured | |',
        '|---|---|---|---|',
        ...targets,
        ''
      ]
    : []
  const text = [...header, ...leanTargets, ...sections].join('\n')
  if (!diffsOnly && !loadOnly && !eventsOnly) writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), text)
  console.log(text)
} finally {
  await fake.close()
}
