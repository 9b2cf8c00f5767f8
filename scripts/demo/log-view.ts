// A step's output as GitHub shows it, one line at a time (so the demo can print it live), in the
// two stages GitHub has. The runner carries out workflow commands, parsed by the rules in
// __fixtures__/runner-commands.ts: masks, stop-commands, and `##[group]`, `##[warning]` lines in
// place of groups and annotations. The log viewer then folds each `##[group]` to one `▸ title`
// line (unless unfolded) and shows `##[warning]x` as `Warning: x`, whoever wrote the line.
// `::stop-commands::` markers are hidden; what lies between them is plain text.
import { styleText } from 'node:util'
import {
  parseLegacy,
  parseV2,
  REGISTERED_COMMANDS,
  type ParsedCommand
} from '../../__fixtures__/runner-commands.js'

type Color = Parameters<typeof styleText>[0]

/** What the viewer makes of a line that starts `##[name]`. */
const VIEWER_PREFIXES: Record<string, [label: string, color: Color]> = {
  warning: ['Warning:', 'yellow'],
  error: ['Error:', 'red'],
  notice: ['Notice:', 'cyan'],
  debug: ['Debug:', 'magenta']
}

export interface LogViewOptions {
  /** Show a group's lines under its title instead of folding them. */
  unfold?: boolean
  /** Step debug is on (RUNNER_DEBUG): the runner shows `::debug::` lines. */
  debug?: boolean
  /** ANSI colours (the demo passes whether its stdout is a terminal). */
  color?: boolean
}

export class LogView {
  private readonly registered = new Set<string>(REGISTERED_COMMANDS)
  private readonly masks: string[] = []
  private stopToken: string | undefined
  private inGroup = false

  constructor(private readonly options: LogViewOptions = {}) {}

  /** What GitHub shows for one line the step printed (without its line break): 0 or more lines. */
  line(text: string): string[] {
    const command = parseV2(text, this.registered) ?? parseLegacy(text, this.registered)
    if (this.stopToken !== undefined) {
      // An empty token never resumes, as in the runner.
      if (this.stopToken === '' || command?.name !== this.stopToken) return this.view(text)
      this.registered.delete(this.stopToken)
      this.stopToken = undefined
      return []
    }
    return command ? this.carryOut(command) : this.view(text)
  }

  /** A new step: groups and stop-commands are its own, masks are the job's. */
  endStep(): void {
    if (this.stopToken !== undefined) this.registered.delete(this.stopToken)
    this.stopToken = undefined
    this.inGroup = false
  }

  /** The runner's side: a command's effect, and the line it writes to the log instead, if any. */
  private carryOut({ name, data }: ParsedCommand): string[] {
    switch (name) {
      case 'add-mask':
        if (data.trim() !== '') this.masks.push(data)
        // Longest first, so a secret that contains another is masked whole.
        this.masks.sort((a, b) => b.length - a.length)
        return []
      case 'stop-commands':
        this.stopToken = data.toLowerCase()
        this.registered.add(this.stopToken)
        return []
      case 'debug':
        return this.options.debug ? this.view(`##[debug]${data}`) : []
      case 'group':
      case 'endgroup':
      case 'warning':
      case 'error':
      case 'notice':
        return this.view(`##[${name}]${data}`)
      default:
        return []
    }
  }

  /** The viewer's side, for one line the log holds. */
  private view(text: string): string[] {
    const masked = this.masks.reduce((out, secret) => out.split(secret).join('***'), text)
    const marked = /^\s*##\[(\w+)\](.*)$/s.exec(masked)
    const name = marked?.[1]?.toLowerCase()
    const rest = marked?.[2] ?? ''
    if (name === 'group') {
      // Groups do not nest in the viewer: a group opened inside another starts a fold of its own.
      this.inGroup = true
      return [this.paint(`${this.options.unfold ? '▾' : '▸'} ${rest}`, 'bold')]
    }
    if (name === 'endgroup') {
      this.inGroup = false
      return []
    }
    if (this.inGroup && !this.options.unfold) return []
    const prefix = name === undefined ? undefined : VIEWER_PREFIXES[name]
    const shown = prefix ? `${this.paint(prefix[0], prefix[1])} ${rest}` : masked
    return shown.split(/\r\n|\r|\n/).map(line => (this.inGroup ? `  ${line}` : line))
  }

  private paint(text: string, format: Color): string {
    return this.options.color ? styleText(format, text, { validateStream: false }) : text
  }
}

/** Cuts a stream of chunks into lines as the runner reads them (\n, \r\n or a lone \r). */
export class LineSplitter {
  private pending = ''

  /** The complete lines in `chunk` and what came before it. */
  push(chunk: string): string[] {
    // A \r at the very end may be the first half of a \r\n: wait for the next chunk.
    const lines = (this.pending + chunk).split(/\r\n|\n|\r(?!$)/)
    this.pending = lines.pop() ?? ''
    return lines
  }

  /** What is left at the end of the stream, as a last line. */
  end(): string[] {
    const rest = this.pending.replace(/\r$/, '')
    this.pending = ''
    return rest === '' ? [] : [rest]
  }
}
