// `npm run demo`: runs the bundled action (dist/) exactly as the Actions runner would, against the
// fake Netlify API, and shows the log, the outputs and where the rendered job summary is.
// With NETLIFY_AUTH_TOKEN and NETLIFY_SITE_ID set, it runs against the real API instead.
//   npm run demo -- "Your prompt here"
import { runAction } from '../__fixtures__/actions-runner.js'
import { startFakeNetlify, type FakeNetlify } from '../__fixtures__/fake-netlify/index.js'

const prompt = process.argv.slice(2).join(' ') || 'Add a dark mode toggle to the header'
const realToken = process.env.NETLIFY_AUTH_TOKEN
const realSite = process.env.NETLIFY_SITE_ID

let fake: FakeNetlify | undefined
let inputs: Record<string, string>
if (realToken && realSite) {
  console.log(
    `Demo against the real Netlify API, site ${realSite}. This starts a real, paid run.\n`
  )
  inputs = { 'netlify-auth-token': realToken, 'site-id': realSite, prompt }
} else {
  fake = await startFakeNetlify({
    token: 'demo-token',
    sites: [{ id: 'demo-site', name: 'demo-site', account_id: 'demo-account' }],
    scenario: { sessionMs: 8_000, steps: 4, diffBytes: 3_000 }
  })
  console.log(
    `Fake Netlify API listening on ${fake.url} (set NETLIFY_AUTH_TOKEN and NETLIFY_SITE_ID to use the real one)\n`
  )
  inputs = {
    'netlify-auth-token': 'demo-token',
    'site-id': 'demo-site',
    'api-url': fake.url,
    prompt
  }
}

console.log("--- the step's log ---")
const run = await runAction({ inputs, echo: true })
await fake?.close()

console.log('\n--- outputs ---')
const width = Math.max(...Object.keys(run.outputs).map(k => k.length))
for (const [name, value] of Object.entries(run.outputs)) {
  const shown =
    value.length > 100 ? `${value.slice(0, 100).replace(/\n/g, ' ')}…` : value.replace(/\n/g, ' ')
  console.log(`${name.padEnd(width)}  ${shown}`)
}
console.log(`\nExit code: ${run.exitCode}`)
console.log(`Job summary (Markdown, as GitHub renders it): ${run.dir}/summary.md`)
process.exitCode = run.exitCode ?? 1
