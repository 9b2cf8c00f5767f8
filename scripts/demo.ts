// `npm run demo`: runs the bundled action (dist/) as the Actions runner would, main step then post
// step, against the fake Netlify API, and prints the log as GitHub shows it, the outputs, and the
// job summary as Markdown and as a web page. With NETLIFY_AUTH_TOKEN and NETLIFY_SITE_ID set, it
// runs against the real API instead (and starts a real, paid run).
//   npm run demo -- [--unfold] [--debug] [--session-ms 8000] ["Your prompt"]
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import {
  startAction,
  type ActionOptions,
  type ActionResult
} from '../__fixtures__/actions-runner.js'
import { startFakeNetlify, type FakeNetlify } from '../__fixtures__/fake-netlify/index.js'
import { LineSplitter, LogView } from './demo/log-view.js'
import { summaryPage } from './demo/summary-page.js'

const USAGE = `Usage: npm run demo -- [--unfold] [--debug] [--session-ms 8000] ["Your prompt"]
  --unfold       show the lines inside each log group instead of folding them
  --debug        run with step debug on (RUNNER_DEBUG=1), as "Re-run with debug logging" does
  --session-ms   how long the fake agent works (default 8000)`

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    unfold: { type: 'boolean' },
    debug: { type: 'boolean' },
    'session-ms': { type: 'string', default: '8000' },
    help: { type: 'boolean' }
  }
})
if (values.help) {
  console.log(USAGE)
  process.exit(0)
}
const sessionMs = Number(values['session-ms'])
if (!Number.isInteger(sessionMs) || sessionMs < 0) {
  console.error(`--session-ms must be a whole number of milliseconds\n${USAGE}`)
  process.exit(2)
}

const prompt = positionals.join(' ') || 'Add a dark mode toggle to the header'
const realToken = process.env.NETLIFY_AUTH_TOKEN
const realSite = process.env.NETLIFY_SITE_ID
const color = process.stdout.isTTY === true

function heading(text: string): void {
  console.log(`\n── ${text} ${'─'.repeat(Math.max(0, 72 - text.length))}`)
}

let fake: FakeNetlify | undefined
let inputs: Record<string, string>
if (realToken && realSite) {
  console.log(`Demo against the real Netlify API, site ${realSite}. This starts a real, paid run.`)
  inputs = { 'netlify-auth-token': realToken, 'site-id': realSite, prompt }
} else {
  fake = await startFakeNetlify({
    token: 'nfp_demo_token_5f2c9a',
    sites: [{ id: 'demo-site', name: 'acme-outfitters', account_id: 'demo-account' }],
    scenario: { sessionMs, steps: 5, diffStyle: 'web' }
  })
  console.log(
    `Fake Netlify API listening on ${fake.url} (set NETLIFY_AUTH_TOKEN and NETLIFY_SITE_ID to use the real one)`
  )
  inputs = { 'netlify-auth-token': fake.token, 'site-id': 'demo-site', 'api-url': fake.url, prompt }
}
const env: Record<string, string> = values.debug ? { RUNNER_DEBUG: '1' } : {}

/** Runs one step, printing its output live through the log view (which keeps the job's masks). */
async function step(view: LogView, options: ActionOptions): Promise<ActionResult> {
  const started = startAction(options)
  let printed = 0
  for (const stream of [started.child.stdout, started.child.stderr]) {
    const splitter = new LineSplitter()
    const print = (lines: string[]) => {
      for (const line of lines.flatMap(l => view.line(l))) {
        console.log(line)
        printed++
      }
    }
    stream?.on('data', (chunk: Buffer) => print(splitter.push(chunk.toString())))
    stream?.on('end', () => print(splitter.end()))
  }
  const result = await started.done
  if (printed === 0) console.log('(nothing shown)')
  view.endStep()
  return result
}

const view = new LogView({ unfold: values.unfold, debug: values.debug, color })
heading(
  `Run the agent: the step's log, as GitHub shows it${values.unfold ? '' : ' (groups folded)'}`
)
const main = await step(view, { inputs, env })
heading('Post Run the agent: the post step')
const post = await step(view, { inputs, env, entry: 'post', dir: main.dir })
await fake?.close()

heading('Outputs')
const width = Math.max(...Object.keys(main.outputs).map(k => k.length))
for (const [name, value] of Object.entries(main.outputs)) {
  // Paths whole, to open them; long texts (the result, the runners) cut to one line.
  const line = value.replace(/\n/g, ' ')
  const shown = line.length > 100 && !line.startsWith('/') ? `${line.slice(0, 100)}…` : line
  console.log(`${name.padEnd(width)}  ${shown}`)
}

heading('Job summary')
const markdownPath = join(main.dir, 'summary.md')
const htmlPath = join(main.dir, 'summary.html')
writeFileSync(htmlPath, summaryPage(main.summary, `Job summary: ${prompt}`))
console.log(`Markdown (what the step wrote): ${markdownPath}`)
console.log(`Web page (open it in a browser): ${pathToFileURL(htmlPath).href}`)
console.log(`\nExit codes: main ${main.exitCode}, post ${post.exitCode}`)
process.exitCode = main.exitCode === 0 && post.exitCode === 0 ? 0 : 1
