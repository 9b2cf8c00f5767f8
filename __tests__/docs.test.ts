// README, docs and action.yml always agree: every input and output in one is in the other, with
// the same default, and docs/commands.md shows every command. (The links between the pages are
// ./docs-links.test.ts.)
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readActionYml, ROOT } from '../__fixtures__/actions-runner.js'
import { withTables } from '../scripts/readme-tables.js'
import { COMMANDS } from '../src/settings/index.js'

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
const commandsPage = readFileSync(join(ROOT, 'docs', 'commands.md'), 'utf8')

/** The rows of the README table under a `## heading`: first cell (unquoted) -> second cell. */
function tableUnder(heading: string): Map<string, string> {
  const section = readme.split(`\n## ${heading}\n`)[1]?.split('\n## ')[0] ?? ''
  const rows = new Map<string, string>()
  for (const line of section.split('\n')) {
    const cells = line.split('|').map(c => c.trim())
    const name = cells[1]?.match(/^`([^`]+)`$/)?.[1]
    // A default of several lines shows one line of code each, separated by <br>.
    const value = (cells[2] ?? '')
      .split('<br>')
      .map(part => part.replace(/^`|`$/g, ''))
      .join('\n')
    if (name) rows.set(name, value)
  }
  return rows
}

describe('README and action.yml', () => {
  const action = readActionYml()

  it('list the same inputs, with the same defaults', () => {
    const table = tableUnder('Inputs')
    expect([...table.keys()].sort()).toEqual(Object.keys(action.inputs).sort())
    for (const [name, spec] of Object.entries(action.inputs)) {
      expect([name, table.get(name)]).toEqual([
        name,
        spec.default === undefined ? '' : String(spec.default).trim()
      ])
    }
  })

  it('show the tables npm run docs makes from action.yml, word for word', async () => {
    const { format, resolveConfig } = await import('prettier')
    const path = join(ROOT, 'README.md')
    const made = await format(withTables(readme, readFileSync(join(ROOT, 'action.yml'), 'utf8')), {
      ...(await resolveConfig(path)),
      filepath: path
    })
    expect(readme).toBe(made)
  })

  it('list the same outputs', () => {
    expect([...tableUnder('Outputs').keys()].sort()).toEqual(Object.keys(action.outputs).sort())
  })

  it('give every boolean input a default (core.getBooleanInput throws on an empty value)', () => {
    for (const name of [
      'wait',
      'fail-on-error',
      'job-summary',
      'cumulative',
      'pull-request',
      'status-comment'
    ]) {
      expect([name, action.inputs[name]?.default]).toEqual([
        name,
        expect.stringMatching(/^(true|false)$/)
      ])
    }
  })

  it('show an example step for every command, in docs/commands.md', () => {
    const missing = COMMANDS.filter(
      c => c !== 'run' && !commandsPage.includes(`    command: ${c}\n`)
    )
    expect(missing).toEqual([])
  })

  it('run the main and post bundles on node24', () => {
    const yml = readFileSync(join(ROOT, 'action.yml'), 'utf8')
    expect(yml).toMatch(
      /using: node24\n\s+main: dist\/main\/index\.js\n\s+post: dist\/post\/index\.js/
    )
  })
})
