// The README's input and output tables, made from action.yml, so that the two cannot drift.
// `npm run docs` rewrites them in place; __tests__/docs.test.ts fails when they are out of date.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'

interface ActionYml {
  inputs: Record<string, { description: string; default?: string }>
  outputs: Record<string, { description: string }>
}

const cell = (text: string): string =>
  text
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim()

/** A default as code; one of several lines (a list of patterns) is a line of the cell each. */
export function defaultCell(value: string | undefined): string {
  if (value === undefined || value.trim() === '') return ''
  return value
    .trim()
    .split('\n')
    .map(line => `\`${line.trim()}\``)
    .join('<br>')
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i]!.length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
  return [line(header), line(widths.map(w => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

/** The two tables, as Markdown. */
export function readmeTables(actionYml: string): { inputs: string; outputs: string } {
  const action = parse(actionYml) as ActionYml
  const inputs = Object.entries(action.inputs).map(([name, spec]) => [
    `\`${name}\``,
    defaultCell(spec.default),
    cell(spec.description)
  ])
  const outputs = Object.entries(action.outputs).map(([name, spec]) => [
    `\`${name}\``,
    cell(spec.description)
  ])
  return {
    inputs: table(['input', 'default', 'meaning'], inputs),
    outputs: table(['output', 'meaning'], outputs)
  }
}

const MARK = (name: string, end: boolean) =>
  `<!-- ${name} table: made from action.yml by npm run docs${end ? '; end' : ''} -->`

/** The README with its tables replaced by those made from action.yml. */
export function withTables(readme: string, actionYml: string): string {
  const tables = readmeTables(actionYml)
  let out = readme
  for (const name of ['inputs', 'outputs'] as const) {
    const start = MARK(name, false)
    const end = MARK(name, true)
    const from = out.indexOf(start)
    const to = out.indexOf(end)
    if (from === -1 || to === -1) throw new Error(`README.md lacks the ${name} table markers`)
    out = `${out.slice(0, from + start.length)}\n\n${tables[name]}\n\n${out.slice(to)}`
  }
  return out
}

if (process.argv[1]?.endsWith('readme-tables.ts')) {
  const root = join(import.meta.dirname, '..')
  const readmePath = join(root, 'README.md')
  const next = withTables(
    readFileSync(readmePath, 'utf8'),
    readFileSync(join(root, 'action.yml'), 'utf8')
  )
  writeFileSync(readmePath, next)
}
