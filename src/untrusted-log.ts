// Text the action did not write (the agent's result and steps, titles, texts from issues) goes to
// the log between stop-commands markers: the runner trims leading whitespace and carries out any
// `::name::` or `##[name]` line it sees, so such text could otherwise mask the log, forge
// annotations or save state. This is the one place that writes a workflow command by hand:
// @actions/core has no call for stop-commands.
import { randomBytes } from 'node:crypto'
import { EOL } from 'node:os'

/**
 * The log viewer folds or colours any shown line that starts with `##[group]`, `##[error]` and the
 * like, commands or not: an invisible space before it keeps the line plain, and it reads the same.
 */
const VIEWER_MARK = /^(\s*)##\[/

/** Prints `text` to the log, where the runner shows it and carries none of it out. */
export function printUntrusted(
  text: string,
  write: (out: string) => unknown = out => process.stdout.write(out)
): void {
  // A fresh 128-bit token a block: the text can neither guess it nor reuse one from an earlier block.
  const token = randomBytes(16).toString('hex')
  // The runner starts a line at a lone \r as well, so every kind of break is one line break here.
  const lines = text.split(/\r\n|\r|\n/).map(line => line.replace(VIEWER_MARK, '$1\u200b##['))
  write(`::stop-commands::${token}${EOL}${lines.join(EOL)}${EOL}::${token}::${EOL}`)
}
