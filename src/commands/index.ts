// Which function carries out each value of the `command` input.
import type { Command as CommandName } from '../settings.js'
import { archiveCommand } from './archive.js'
import type { Command } from './context.js'
import { deliverCommand } from './deliver.js'
import { diffCommand } from './diff.js'
import { listCommand } from './list.js'
import { rebuildCommand } from './rebuild.js'
import { revertCommand } from './revert.js'
import { runCommand } from './run.js'
import { statusCommand } from './status.js'
import { stopCommand } from './stop.js'

export const COMMAND_HANDLERS: Record<CommandName, Command> = {
  run: runCommand,
  status: statusCommand,
  diff: diffCommand,
  stop: stopCommand,
  archive: archiveCommand,
  revert: revertCommand,
  rebase: rebuildCommand,
  redeploy: rebuildCommand,
  'pull-request': deliverCommand,
  commit: deliverCommand,
  list: listCommand
}
