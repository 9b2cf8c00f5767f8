// A step's output as GitHub's log viewer shows it, one line at a time (so the demo can print it
// live): workflow commands are carried out instead of shown, `::group::` folds its lines under one
// `▸ title` line (unless unfolded), masked values read ***, annotations read `Warning: …`, and
// everything between `::stop-commands::T` and `::T::` is plain text, its markers hidden. It follows
// the runner's rules (actions/runner, ActionCommandManager.cs): a command counts after leading
// whitespace, names are case-insensitive, and only registered commands are commands.
import { styleText } from 'node:util'

const ANNOTATIONS: Record<string, [label: string, color: 'yellow' | 'red' | 'cyan']> = {
  warning: ['Warning', 'yellow'],
  error: ['Error', 'red'],
  notice: ['Notice', 'cyan']
}
// Carried out without a trace in the log (echo off, the runner's default).
const SILENT = new Set([
  'set-output',
  'save-state',
  'set-env',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'echo'
])

export interface LogViewOptions {
  /** Show a group's lines under its title instead of folding them. */
  unfold?: boolean
  /** Show `::debug::` lines, as a re-run with debug logging does. */
  debug?: boolean
  /** ANSI colours (the demo passes whether its stdout is a terminal). */
  color?: boolean
}

interface Command {
  name: string
  data: string
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

/** `::name props::data` after leading whitespace; the name is lower-cased. */
function parseCommand(line: string): Command | undefined {
  const message = line.trimStart()
  if (!message.startsWith('::')) return undefined
  const end = message.indexOf('::', 2)
  if (end < 0) return undefined
  const name = (message.slice(2, end).split(' ')[0] ?? '').toLowerCase()
  return { name, data: unescapeData(message.slice(end + 2)) }
}

export class LogView {
  private readonly masks: string[] = []
  private stopToken: string | undefined
  private inGroup = false

  constructor(private readonly options: LogViewOptions = {}) {}

  /** What the viewer shows for one line the step printed (without its line break): 0 or more lines. */
  line(text: string): string[] {
    const command = parseCommand(text)
    if (this.stopToken !== undefined) {
      if (command?.name === this.stopToken) {
        this.stopToken = undefined
        return []
      }
      return this.show(text)
    }
    if (!command || !this.isCommand(command.name)) return this.show(text)
    return this.carryOut(command)
  }

  /** A new step: its own groups and stop-commands, the job's masks. */
  endStep(): void {
    this.inGroup = false
    this.stopToken = undefined
  }

  private isCommand(name: string): boolean {
    return (
      name in ANNOTATIONS ||
      SILENT.has(name) ||
      ['add-mask', 'stop-commands', 'group', 'endgroup', 'debug'].includes(name)
    )
  }

  private carryOut({ name, data }: Command): string[] {
    switch (name) {
      case 'add-mask':
        if (data.trim() !== '') this.masks.push(data)
        // Longest first, so a secret that contains another is masked whole.
        this.masks.sort((a, b) => b.length - a.length)
        return []
      case 'stop-commands':
        // An empty token never resumes, as in the runner.
        this.stopToken = data.toLowerCase()
        return []
      case 'group':
        // Groups do not nest in the viewer: a group opened inside another starts a fold of its own.
        this.inGroup = true
        return [this.paint(`${this.options.unfold ? '▾' : '▸'} ${this.mask(data)}`, 'bold')]
      case 'endgroup':
        this.inGroup = false
        return []
      case 'debug':
        return this.options.debug ? this.show(this.paint(`Debug: ${data}`, 'magenta')) : []
      default: {
        const annotation = ANNOTATIONS[name]
        if (!annotation) return []
        const [label, color] = annotation
        return this.show(`${this.paint(`${label}:`, color)} ${data}`)
      }
    }
  }

  private show(text: string): string[] {
    if (this.inGroup && !this.options.unfold) return []
    const lines = this.mask(text).split(/\r\n|\r|\n/)
    return this.inGroup ? lines.map(line => `  ${line}`) : lines
  }

  private mask(text: string): string {
    return this.masks.reduce((out, secret) => out.split(secret).join('***'), text)
  }

  private paint(text: string, format: Parameters<typeof styleText>[0]): string {
    return this.options.color ? styleText(format, text, { validateStream: false }) : text
  }
}

/** Cuts a stream of chunks into lines as the runner reads them (\n, \r\n or a lone \r). */
export class LineSplitter {
  private pending = ''

  /** The complete lines in `chunk` and what came before it. */
  push(chunk: string): string[] {
    const text = this.pending + chunk
    const lines = text.split(/\r\n|\n|\r(?!$)/)
    this.pending = lines.pop() ?? ''
    return lines
  }

  /** What is left at the end of the stream, as a last line. */
  end(): string[] {
    const rest = this.pending
    this.pending = ''
    return rest === '' ? [] : [rest.replace(/\r$/, '')]
  }
}
