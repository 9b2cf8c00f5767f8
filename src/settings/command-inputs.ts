// Which inputs each command takes. A command given one it does not take is refused: it would be
// ignored, and the user meant something by it.
import { InputError } from './input-error.js'
import { Input } from './input-names.js'
import type { InputReader } from './input-reader.js'
import { COMMANDS, type CommandName } from './settings.js'

const RUN_INPUTS = [
  Input.Prompt,
  Input.PromptFile,
  Input.Files,
  Input.Agent,
  Input.Model,
  Input.Mode,
  Input.Branch,
  Input.DeployId,
  Input.ParentAgentRunnerId,
  Input.DevServerImage,
  Input.AgentRunnerId,
  Input.PullRequest,
  Input.CommitToBranch
] as const
const SCOPED_INPUTS = [
  ...RUN_INPUTS,
  Input.SessionId,
  Input.Cumulative,
  Input.State,
  Input.ResultBranch,
  Input.Title,
  Input.From,
  Input.To,
  Input.SweepHours
] as const
type ScopedInput = (typeof SCOPED_INPUTS)[number]

const DELIVERY: ScopedInput[] = [Input.PullRequest, Input.CommitToBranch]
const RUNNER: ScopedInput[] = [Input.AgentRunnerId]

/** For each command: the scoped inputs it takes, and those it cannot do without. */
export const COMMAND_INPUTS: Record<CommandName, { takes: ScopedInput[]; needs: ScopedInput[] }> = {
  run: { takes: [...RUN_INPUTS], needs: [] },
  status: { takes: [...RUNNER, Input.SessionId], needs: RUNNER },
  diff: { takes: [...RUNNER, Input.SessionId, Input.Cumulative], needs: RUNNER },
  stop: { takes: [...RUNNER, Input.SessionId], needs: RUNNER },
  archive: { takes: RUNNER, needs: RUNNER },
  revert: { takes: [...RUNNER, Input.SessionId], needs: [...RUNNER, Input.SessionId] },
  rebase: { takes: [...RUNNER, ...DELIVERY], needs: RUNNER },
  redeploy: { takes: [...RUNNER, Input.SessionId, ...DELIVERY], needs: RUNNER },
  'pull-request': { takes: RUNNER, needs: RUNNER },
  commit: {
    takes: [...RUNNER, Input.CommitToBranch],
    needs: [...RUNNER, Input.CommitToBranch]
  },
  list: {
    takes: [Input.Branch, Input.State, Input.ResultBranch, Input.Title, Input.From, Input.To],
    needs: []
  },
  sweep: { takes: [Input.SweepHours], needs: [] }
}

/** Whether a scoped input was given: a boolean or `mode` counts only when not its default. */
function given(inputs: InputReader, name: ScopedInput): boolean {
  if (name === Input.Mode) return !['', 'normal'].includes(inputs.text(name))
  if (name === Input.Cumulative || name === Input.PullRequest) return inputs.boolean(name, false)
  return inputs.text(name) !== ''
}

export function checkCommandInputs(command: CommandName, inputs: InputReader): void {
  const { takes, needs } = COMMAND_INPUTS[command]
  for (const name of SCOPED_INPUTS) {
    if (given(inputs, name) && !takes.includes(name)) {
      const users = COMMANDS.filter(c => COMMAND_INPUTS[c].takes.includes(name))
      throw new InputError(
        name,
        `Input \`${name}\` does not apply to \`command: ${command}\` (it applies to ${users.map(c => `\`${c}\``).join(', ')}); remove it.`
      )
    }
  }
  for (const name of needs) {
    if (!given(inputs, name)) {
      throw new InputError(name, `Input \`${name}\` is required by \`command: ${command}\`.`)
    }
  }
}
