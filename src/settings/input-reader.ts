// Raw access to the inputs, through @actions/core. Core's own errors (a boolean that is not
// YAML's) become our one message naming the input.
import * as core from '@actions/core'
import { InputError } from './input-error.js'
import type { InputName } from './input-names.js'

export interface InputReader {
  /** The input, trimmed; '' when not given. */
  text(name: InputName): string
  /** true/false in YAML 1.2's spellings; `fallback` when not given. */
  boolean(name: InputName, fallback: boolean): boolean
  /** One value a line, blank lines dropped. */
  lines(name: InputName): string[]
  /** The step's environment, for the variables that stand in for inputs and the runner's own. */
  env: NodeJS.ProcessEnv
  /** Called with each secret the moment it is read, before anything can be logged. */
  mask: (secret: string) => void
}

/** The inputs as the runner passes them (`INPUT_<NAME>`, read by core). */
export function actionsInputs(
  env: NodeJS.ProcessEnv = process.env,
  mask: (secret: string) => void = core.setSecret
): InputReader {
  return {
    text: name => core.getInput(name),
    boolean(name, fallback) {
      if (core.getInput(name) === '') return fallback
      try {
        return core.getBooleanInput(name)
      } catch {
        throw new InputError(
          name,
          `Input \`${name}\` must be true or false; got "${core.getInput(name)}".`
        )
      }
    },
    lines: name => core.getMultilineInput(name),
    env,
    mask
  }
}
