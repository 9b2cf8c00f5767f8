// Which function carries out each value of the `command` input.
import type { CommandName } from '../settings/index.js'
import { archiveCommand } from './archive.js'
import type { CommandHandler } from './context.js'
import { deliverCommand } from './deliver-changes.js'
import { diffCommand } from './diff.js'
import { listCommand } from './list.js'
import { rebuildCommand } from './rebuild.js'
import { revertCommand } from './revert.js'
import { runCommand } from './run.js'
import { statusCommand } from './status.js'
import { stopCommand } from './stop.js'
import { sweepCommand } from './sweep.js'

export const COMMAND_HANDLERS: Record<CommandName, CommandHandler> = {
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
  list: listCommand,
  sweep: sweepCommand
}
