// The task: `prompt`, or the file `prompt-file` names.
import { readFileSync, statSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { InputError } from './input-error.js'
import { Input } from './input-names.js'
import type { InputReader } from './input-reader.js'

/** The prompt; on a gated event it is optional, as instructions put before the issue or comment. */
export function readPrompt(inputs: InputReader, workspace: string, optional = false): string {
  const inline = inputs.text(Input.Prompt)
  const file = inputs.text(Input.PromptFile)
  if (inline !== '' && file !== '') {
    throw new InputError(
      Input.PromptFile,
      'Inputs `prompt` and `prompt-file` were both given; give one.'
    )
  }
  if (file !== '') return readPromptFile(isAbsolute(file) ? file : resolve(workspace, file))
  if (inline === '' && !optional) {
    throw new InputError(
      Input.Prompt,
      'Input `prompt` is required: the task for the agent (or give `prompt-file`).'
    )
  }
  return inline
}

function readPromptFile(path: string): string {
  let text: string
  try {
    if (!statSync(path).isFile()) throw new Error('not a file')
    text = readFileSync(path, 'utf8')
  } catch {
    throw new InputError(
      Input.PromptFile,
      `Input \`prompt-file\` names ${path}, which is not a readable file.`
    )
  }
  if (text.trim() === '') {
    throw new InputError(
      Input.PromptFile,
      `Input \`prompt-file\` names ${path}, which is empty; the agent needs a task.`
    )
  }
  return text.trim()
}
