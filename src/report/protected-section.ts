// The job summary's section on protected files: which files of the changes matched
// `protected-paths`, and whether the delivery was refused for them or made with a warning. The
// names are foreign text: each is a code span that no name can close (../markdown/literal.ts).
import type { ProtectedFiles } from './run-report.js'
import { codeCell } from '../markdown/literal.js'

/** What to do to deliver such changes after all; said wherever a refusal is. */
export const HOW_TO_ALLOW =
  'To deliver them anyway, set `on-protected-paths: warn`, or change `protected-paths`.'

const ROWS = 100
/** A name longer than this is cut in the middle: both ends say which file it is. */
const NAME_LIMIT = 500

/** A name as a table cell; a long one is cut in the middle, so both ends say which file it is. */
export function nameCell(text: string): string {
  return codeCell(text.length > NAME_LIMIT ? `${text.slice(0, 200)}…${text.slice(-200)}` : text)
}

export function protectedFilesSection(found: ProtectedFiles | undefined): string {
  if (!found || found.files.length === 0) return ''
  const n = found.files.length
  const these = n === 1 ? 'This file matches' : `These ${n} files match`
  const alert = found.refused
    ? `> [!CAUTION]\n> ${these} \`protected-paths\`, so nothing was delivered. ${HOW_TO_ALLOW}\n`
    : `> [!WARNING]\n> ${these} \`protected-paths\`. They were delivered, as \`on-protected-paths: warn\` asks: review them before merging, since a workflow changed on a branch of this repository runs with its secrets.\n`
  let out = `### 🛡️ Protected files\n\n${alert}\n| File |\n|---|\n`
  for (const path of found.files.slice(0, ROWS)) out += `| ${nameCell(path)} |\n`
  if (n > ROWS) out += `\n_…and ${n - ROWS} more, in the \`protected-files\` output._\n`
  return out + '\n'
}
