// The workflow event and the inputs that decide how it may start a run (../github/).
import { InputError } from './input-error.js'
import { Input } from './input-names.js'
import type { InputReader } from './input-reader.js'
import { logins } from './parsers.js'
import { readGitHubToken } from './secrets.js'
import { GATED_EVENTS, type CommandName, type GitHubSettings } from './settings.js'

export function readGitHubSettings(inputs: InputReader, command: CommandName): GitHubSettings {
  const { env } = inputs
  const token = readGitHubToken(inputs)
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const gatedEvent = command === 'run' && GATED_EVENTS.includes(eventName) ? eventName : undefined
  const allowedBots = logins(inputs.text(Input.AllowedBots))
  if (allowedBots.includes('*')) {
    throw new InputError(
      Input.AllowedBots,
      'Input `allowed-bots` may not be `*`: any bot could then spend the credits. Name each bot (for example `renovate`).'
    )
  }
  const repository = env.GITHUB_REPOSITORY ?? ''
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const settings: GitHubSettings = {
    token,
    gatedEvent,
    eventPath: env.GITHUB_EVENT_PATH ?? '',
    repository,
    workflowRunUrl: `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID ?? ''}`,
    label: inputs.text(Input.Label) || 'netlify-agent',
    triggerPhrase: inputs.text(Input.TriggerPhrase) || '@netlify',
    allowedUsers: logins(inputs.text(Input.AllowedUsers)),
    allowedBots,
    statusComment: inputs.boolean(Input.StatusComment, true)
  }
  if (gatedEvent !== undefined && token === '') {
    throw new InputError(
      Input.GitHubToken,
      `Input \`github-token\` is empty, and a \`${gatedEvent}\` event needs it to check who asked and to comment: leave it at its default (\`\${{ github.token }}\`) and grant the job \`issues: write\` and \`pull-requests: write\`.`
    )
  }
  if (/\s/.test(settings.triggerPhrase)) {
    throw new InputError(
      Input.TriggerPhrase,
      `Input \`trigger-phrase\` must be one word, such as @netlify; got "${settings.triggerPhrase}".`
    )
  }
  return settings
}
