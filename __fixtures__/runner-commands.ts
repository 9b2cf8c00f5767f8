// The Actions runner's workflow-command rules, as actions/runner applies them to what a step
// prints (src/Runner.Worker/Handlers/OutputManager.cs, src/Runner.Worker/ActionCommandManager.cs,
// src/Runner.Common/ActionCommand.cs): given a step's log, what the log shows and every command the
// runner carries out. Tests read it to prove that text the action did not write steers nothing.
//
// The rules, as the runner has them:
// - lines end at \n, \r\n or a lone \r (StreamReader.ReadLine);
// - `::name props::data` counts once leading whitespace is trimmed; `##[name props]data` counts
//   anywhere in the line (the legacy form, tried when the first does not parse);
// - names and properties are case-insensitive; only registered commands parse;
// - `::stop-commands::T` makes every line plain text until one parses as the command `T`;
// - a carried-out command's line is not shown (except with `echo` on), but a group's is rewritten
//   as `##[group]name`, which the log viewer folds, as it folds any shown line starting so;
// - `add-mask` values show as *** from then on, in lines and annotations alike.

/** Every command the runner registers (internal-set-repo-path is for its own plugins only). */
export const REGISTERED_COMMANDS = [
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'stop-commands',
  'warning'
] as const

export interface ParsedCommand {
  /** Lower case. */
  name: string
  /** Keys in lower case. */
  properties: Record<string, string>
  data: string
  form: 'v2' | 'legacy'
}

export interface CarriedOut extends ParsedCommand {
  /** The line it came from. */
  line: string
}

export interface Annotation {
  kind: 'error' | 'warning' | 'notice'
  message: string
  properties: Record<string, string>
}

export interface RunnerView {
  /** The log's lines as the runner shows them, masks applied. */
  shown: string[]
  /** Every command carried out, in order: stop-commands and its resumes included. */
  commands: CarriedOut[]
  masks: string[]
  annotations: Annotation[]
  debug: string[]
  state: Record<string, string>
  outputs: Record<string, string>
  env: Record<string, string>
  paths: string[]
  matchers: { added: string[]; removed: string[] }
  /** What the log viewer folds: the names of shown lines that start with `##[group]`. */
  groups: string[]
  /** A command the runner could not carry out fails the step. */
  failed: boolean
}

export interface RunnerOptions {
  /** ACTIONS_STEP_DEBUG's `echo`: carried-out commands are shown too. Default off. */
  echo?: boolean
  /** ACTIONS_ALLOW_UNSECURE_COMMANDS: set-env and add-path work. Default off, as on GitHub. */
  allowUnsecureCommands?: boolean
}

/** Lines as the runner reads them: at \r\n, \n or a lone \r; a final break ends no extra line. */
export function splitLines(log: string): string[] {
  const lines = log.split(/\r\n|\r|\n/)
  if (lines.at(-1) === '') lines.pop()
  return lines
}

/** .NET's String.TrimStart(): JavaScript's whitespace and U+0085, which .NET counts as well. */
function trimStart(text: string): string {
  return text.replace(/^[\s\u0085]+/, '')
}

/** String.Replace in order, as the runner unescapes. */
function unescape(text: string, mappings: [string, string][]): string {
  return mappings.reduce((out, [escaped, plain]) => out.split(escaped).join(plain), text)
}

const DATA_ESCAPES: [string, string][] = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%25', '%']
]
const PROPERTY_ESCAPES: [string, string][] = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%3A', ':'],
  ['%2C', ','],
  ['%25', '%']
]
const LEGACY_ESCAPES: [string, string][] = [
  ['%3B', ';'],
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%5D', ']'],
  ['%25', '%']
]

function properties(
  text: string,
  separator: string,
  escapes: [string, string][]
): Record<string, string> {
  const props: Record<string, string> = {}
  for (const pair of text.split(separator).filter(Boolean)) {
    const at = pair.indexOf('=')
    const key = at < 0 ? '' : pair.slice(0, at)
    const value = at < 0 ? '' : pair.slice(at + 1)
    // Split(count: 2, RemoveEmptyEntries): both halves must be there.
    if (key !== '' && value !== '') props[key.toLowerCase()] = unescape(value, escapes)
  }
  return props
}

function split(info: string): { name: string; rest: string | undefined } {
  const space = info.indexOf(' ')
  return space < 0
    ? { name: info, rest: undefined }
    : { name: info.slice(0, space), rest: info.slice(space + 1) }
}

/** ActionCommand.TryParseV2: `::name props::data`, after leading whitespace. */
export function parseV2(line: string, registered: ReadonlySet<string>): ParsedCommand | undefined {
  const message = trimStart(line)
  if (!message.startsWith('::')) return undefined
  const end = message.indexOf('::', 2)
  if (end < 0) return undefined
  const { name, rest } = split(message.slice(2, end))
  if (!registered.has(name.toLowerCase())) return undefined
  return {
    name: name.toLowerCase(),
    // Properties only after a space that is not the first character.
    properties:
      rest !== undefined && name !== '' ? properties(rest.trim(), ',', PROPERTY_ESCAPES) : {},
    data: unescape(message.slice(end + 2), DATA_ESCAPES),
    form: 'v2'
  }
}

/** ActionCommand.TryParse: `##[name props]data`, anywhere in the line. */
export function parseLegacy(
  line: string,
  registered: ReadonlySet<string>
): ParsedCommand | undefined {
  const start = line.indexOf('##[')
  if (start < 0) return undefined
  const close = line.indexOf(']', start)
  if (close < 0) return undefined
  const { name, rest } = split(line.slice(start + 3, close))
  if (!registered.has(name.toLowerCase())) return undefined
  return {
    name: name.toLowerCase(),
    properties: rest !== undefined && name !== '' ? properties(rest, ';', LEGACY_ESCAPES) : {},
    data: unescape(line.slice(close + 1), LEGACY_ESCAPES),
    form: 'legacy'
  }
}

const OMIT_ECHO = new Set(['add-mask', 'debug', 'warning', 'error', 'notice'])

/** What the runner makes of a step's log. */
export function runnerView(log: string, options: RunnerOptions = {}): RunnerView {
  const view: RunnerView = {
    shown: [],
    commands: [],
    masks: [],
    annotations: [],
    debug: [],
    state: {},
    outputs: {},
    env: {},
    paths: [],
    matchers: { added: [], removed: [] },
    groups: [],
    failed: false
  }
  const registered = new Set<string>(REGISTERED_COMMANDS)
  let echo = options.echo ?? false
  let stopToken: string | undefined

  const mask = (text: string): string =>
    view.masks.reduce((out, secret) => out.split(secret).join('***'), text)
  // What the runner writes may hold line breaks of its own (a group's name): each is a log line.
  const show = (text: string): void => {
    for (const line of mask(text).split(/\r\n|\r|\n/)) {
      view.shown.push(line)
      const group = /^##\[group\](.*)$/.exec(trimStart(line))
      if (group) view.groups.push(group[1] ?? '')
    }
  }
  const annotate = (kind: Annotation['kind'], message: string, props = {}): void => {
    view.annotations.push({ kind, message: mask(message), properties: props })
  }
  /** The runner's answer to a command that throws: two errors, and a failed step. */
  const refuse = (line: string, why: string): void => {
    annotate('error', `Unable to process command '${line}' successfully.`)
    annotate('error', why)
    view.failed = true
  }

  function carryOut(command: ParsedCommand, line: string): void {
    const { name, properties: props, data } = command
    if (echo && !OMIT_ECHO.has(name)) show(line)
    switch (name) {
      case 'add-mask':
        if (data.trim() === '') {
          annotate('warning', "Can't add secret mask for empty string in ##[add-mask] command.")
        } else {
          if (echo) show('::add-mask::***')
          view.masks.push(data)
        }
        return
      case 'debug':
        view.debug.push(data)
        return
      case 'warning':
      case 'error':
      case 'notice':
        annotate(name, data, props)
        return
      case 'group':
        show(`##[group]${data}`)
        return
      case 'endgroup':
        show('##[endgroup]')
        return
      case 'echo': {
        const value = data.trim().toUpperCase()
        if (value === 'ON' || value === 'OFF') echo = value === 'ON'
        else refuse(line, `Invalid echo command value. Possible values can be: 'on', 'off'.`)
        return
      }
      case 'save-state':
      case 'set-output': {
        const key = props.name
        if (!key) return refuse(line, `Required field 'name' is missing in ##[${name}] command.`)
        if (name === 'save-state') view.state[key] = data
        else view.outputs[key] = data
        return
      }
      case 'set-env':
      case 'add-path': {
        if (!options.allowUnsecureCommands) {
          return refuse(line, `The \`${name}\` command is disabled.`)
        }
        if (name === 'add-path') view.paths.push(data)
        else if (props.name) view.env[props.name] = data
        else refuse(line, "Required field 'name' is missing in ##[set-env] command.")
        return
      }
      case 'add-matcher':
        if (data === '') annotate('warning', 'File path must be specified.')
        else view.matchers.added.push(data)
        return
      case 'remove-matcher':
        view.matchers.removed.push(props.owner ?? data)
        return
    }
  }

  for (const line of splitLines(log)) {
    // OutputManager: only a line holding `##[` or `::` goes to the command manager at all.
    const command = parseV2(line, registered) ?? parseLegacy(line, registered)
    if (!command) {
      show(line)
      continue
    }
    if (stopToken !== undefined) {
      // An empty token never resumes (the runner checks for one first).
      if (stopToken !== '' && command.name === stopToken) {
        show(line)
        view.commands.push({ ...command, line })
        registered.delete(stopToken)
        stopToken = undefined
      } else {
        show(line)
      }
      continue
    }
    view.commands.push({ ...command, line })
    if (command.name === 'stop-commands') {
      show(line)
      stopToken = command.data.toLowerCase()
      registered.add(stopToken)
      continue
    }
    carryOut(command, line)
  }
  return view
}
