// The runner's protocol, spoken directly: log commands on stdout (`::error::`, `::group::`,
// `::add-mask::`) and file commands for outputs, state and the job summary (GITHUB_OUTPUT,
// GITHUB_STATE, GITHUB_STEP_SUMMARY). @actions/core does the same, but importing it loads undici
// and adds about 75 ms to every start (bench/RESULTS.md); this is the part the action uses.
import { randomUUID } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { EOL } from 'node:os'

/** Escapes a command's message the way the runner unescapes it. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function command(name: string, message: string): void {
  process.stdout.write(`::${name}::${escapeData(message)}${EOL}`)
}

export function info(message: string): void {
  process.stdout.write(`${message}${EOL}`)
}

export function warning(message: string): void {
  command('warning', message)
}

export function error(message: string): void {
  command('error', message)
}

/** Marks the step failed (exit code 1) with one error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}

export function startGroup(name: string): void {
  command('group', name)
}

export function endGroup(): void {
  process.stdout.write(`::endgroup::${EOL}`)
}

/** Asks the runner to hide a value in every later line of the log. */
export function setSecret(secret: string): void {
  command('add-mask', secret)
}

/** `name<<delimiter` blocks: values may hold newlines, and no value can forge another entry. */
export function fileCommandEntry(
  name: string,
  value: string,
  delimiter = `ghadelimiter_${randomUUID()}`
): string {
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`The value of ${name} contains the file-command delimiter; it was not written.`)
  }
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`
}

function fileCommand(
  variable: 'GITHUB_OUTPUT' | 'GITHUB_STATE',
  name: string,
  value: string
): void {
  const file = process.env[variable]
  if (file) appendFileSync(file, fileCommandEntry(name, value), 'utf8')
  // Outside a runner (a local try), print what would have been recorded.
  else info(`${variable === 'GITHUB_OUTPUT' ? 'output' : 'state'} ${name}=${value}`)
}

export function setOutput(name: string, value: string): void {
  fileCommand('GITHUB_OUTPUT', name, value)
}

export function saveState(name: string, value: string): void {
  fileCommand('GITHUB_STATE', name, value)
}

/** What main saved under `name`; the runner hands it to the post step as STATE_<name>. */
export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? ''
}

/** Appends Markdown to the job summary; false when the runner gave no summary file. */
export function appendSummary(markdown: string): boolean {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (!file) return false
  appendFileSync(file, markdown, 'utf8')
  return true
}
