// Every input, read once through @actions/core, validated, into one typed object. Nothing here
// logs or sends a request: a bad input becomes one InputError naming the input, and the step fails
// before any traffic.
import { tmpdir } from 'node:os'
import { workflowStepOf } from '../run-tag.js'
import { checkCommandInputs } from './command-inputs.js'
import { readGitHubSettings } from './github-settings.js'
import { InputError } from './input-error.js'
import { Input } from './input-names.js'
import { actionsInputs, type InputReader } from './input-reader.js'
import {
  oneOf,
  optional,
  parseApiUrl,
  parseCommitBranch,
  parseMoment,
  parsePositiveNumber,
  parseProtectedPaths
} from './parsers.js'
import { readPrompt } from './prompt-input.js'
import { readToken } from './secrets.js'
import {
  COMMANDS,
  DEFAULT_PROTECTED_PATHS,
  KNOWN_AGENTS,
  LIST_STATES,
  MODES,
  ON_PROTECTED_PATHS,
  ON_TIMEOUT,
  type ListFilters,
  type Settings
} from './settings.js'
import { MIN_POLL_MS } from '../wait.js'

export interface ParsedSettings {
  settings: Settings
  /** Things worth saying that are not errors; logged by the caller once the token is masked. */
  warnings: string[]
}

/**
 * The runner always passes `protected-paths` (its default when the workflow gives none), so only
 * an explicit '' turns the check off; an input missing altogether (outside a runner) keeps it on.
 */
function readProtectedPaths(inputs: InputReader): string[] {
  const given = inputs.env[`INPUT_${Input.ProtectedPaths.toUpperCase()}`] !== undefined
  return parseProtectedPaths(given ? inputs.lines(Input.ProtectedPaths) : DEFAULT_PROTECTED_PATHS)
}

export function getSettings(inputs: InputReader = actionsInputs()): ParsedSettings {
  const warnings: string[] = []
  const token = readToken(inputs)
  if (token === '') {
    throw new InputError(
      Input.NetlifyAuthToken,
      'Input `netlify-auth-token` is required (or set the NETLIFY_AUTH_TOKEN environment variable): a Netlify personal access token, from a secret.'
    )
  }
  const command = oneOf(Input.Command, inputs.text(Input.Command), COMMANDS, 'run')
  checkCommandInputs(command, inputs)
  const github = readGitHubSettings(inputs, command)

  const siteId = optional(inputs.text(Input.SiteId) || (inputs.env.NETLIFY_SITE_ID ?? '').trim())
  if (siteId === undefined && (command === 'list' || command === 'run' || command === 'sweep')) {
    throw new InputError(
      Input.SiteId,
      'Input `site-id` is required (or set the NETLIFY_SITE_ID environment variable): the Site ID from Site configuration > Site details.'
    )
  }

  const agentRunnerId = optional(inputs.text(Input.AgentRunnerId))
  const mode = oneOf(Input.Mode, inputs.text(Input.Mode), MODES, 'normal')
  const branch = optional(inputs.text(Input.Branch))
  const deployId = optional(inputs.text(Input.DeployId))
  const parentAgentRunnerId = optional(inputs.text(Input.ParentAgentRunnerId))
  if (command === 'run' && agentRunnerId !== undefined) {
    // A follow-up continues its runner: where it starts from is already decided.
    const conflicting: [string, unknown][] = [
      [Input.Branch, branch],
      [Input.DeployId, deployId],
      [Input.ParentAgentRunnerId, parentAgentRunnerId],
      [Input.Mode, mode === 'normal' ? undefined : mode]
    ]
    for (const [name, value] of conflicting) {
      if (value !== undefined) {
        throw new InputError(
          name,
          `Input \`${name}\` applies to a new runner, but \`agent-runner-id\` asks for a follow-up session on runner ${agentRunnerId}, which keeps its own; remove one of them.`
        )
      }
    }
  }

  const agent = optional(inputs.text(Input.Agent))
  if (agent !== undefined && !(KNOWN_AGENTS as readonly string[]).includes(agent)) {
    warnings.push(
      `Input \`agent\` is "${agent}", which this action does not know (known: ${KNOWN_AGENTS.join(', ')}); passing it to Netlify as given.`
    )
  }

  const pullRequest = inputs.boolean(Input.PullRequest, false)
  const commitToBranch = parseCommitBranch(inputs.text(Input.CommitToBranch))
  if (pullRequest && commitToBranch !== undefined) {
    throw new InputError(
      Input.CommitToBranch,
      'Inputs `pull-request` and `commit-to-branch` were both given: the changes go either into a pull request or onto a branch; choose one.'
    )
  }
  const wait = inputs.boolean(Input.Wait, true)
  const delivery = pullRequest ? 'pull-request' : 'commit-to-branch'
  const delivers = pullRequest || commitToBranch !== undefined
  const workflowStep = workflowStepOf(inputs.env)
  if (!wait && delivers && (command === 'rebase' || command === 'redeploy')) {
    throw new InputError(
      Input.Wait,
      `Input \`wait\` is false, but \`${delivery}\` delivers the changes once the session is done, which a step that does not wait never sees, and a \`command: ${command}\` session carries no tag for a sweep to find. Remove one of them (\`command: ${pullRequest ? 'pull-request' : 'commit'}\` delivers later).`
    )
  }
  if (!wait && delivers && command === 'run' && workflowStep === undefined) {
    throw new InputError(
      Input.Wait,
      `Input \`wait\` is false with \`${delivery}\`: a detached run is delivered by a later \`command: sweep\` step, which finds it by the workflow run that started it, and this is not running in GitHub Actions (GITHUB_RUN_ID is not set). Wait for it, or deliver later with \`command: ${pullRequest ? 'pull-request' : 'commit'}\`.`
    )
  }
  const cumulative = inputs.boolean(Input.Cumulative, false)
  const sessionId = optional(inputs.text(Input.SessionId))
  if (cumulative && sessionId === undefined) {
    throw new InputError(
      Input.Cumulative,
      "Input `cumulative` needs `session-id`: the runner's own diff already holds every change; the cumulative diff is a session's, up to that session."
    )
  }
  const workspace = inputs.env.GITHUB_WORKSPACE || process.cwd()
  const list: ListFilters = {
    state:
      inputs.text(Input.State) === ''
        ? undefined
        : oneOf(Input.State, inputs.text(Input.State), LIST_STATES, 'live'),
    branch: command === 'list' ? branch : undefined,
    resultBranch: optional(inputs.text(Input.ResultBranch)),
    title: optional(inputs.text(Input.Title)),
    from: parseMoment(Input.From, inputs.text(Input.From)),
    to: parseMoment(Input.To, inputs.text(Input.To))
  }
  if (list.from !== undefined && list.to !== undefined && list.from >= list.to) {
    throw new InputError(Input.To, 'Input `to` must come after `from`.')
  }

  const settings: Settings = {
    command,
    token,
    siteId,
    apiUrl: parseApiUrl(inputs.text(Input.ApiUrl)),
    prompt: command === 'run' ? readPrompt(inputs, workspace, github.gatedEvent !== undefined) : '',
    agent,
    model: optional(inputs.text(Input.Model)),
    mode,
    branch: command === 'list' ? undefined : branch,
    deployId,
    parentAgentRunnerId,
    devServerImage: optional(inputs.text(Input.DevServerImage)),
    agentRunnerId,
    sessionId,
    cumulative,
    pullRequest: pullRequest || command === 'pull-request',
    commitToBranch,
    protectedPaths: readProtectedPaths(inputs),
    onProtectedPaths: oneOf(
      Input.OnProtectedPaths,
      inputs.text(Input.OnProtectedPaths),
      ON_PROTECTED_PATHS,
      'refuse'
    ),
    files: inputs.lines(Input.Files),
    workspace,
    list,
    wait,
    timeoutMs:
      parsePositiveNumber(Input.TimeoutMinutes, inputs.text(Input.TimeoutMinutes), 60, 'minutes') *
      60_000,
    onTimeout: oneOf(Input.OnTimeout, inputs.text(Input.OnTimeout), ON_TIMEOUT, 'stop'),
    pollIntervalMs:
      parsePositiveNumber(
        Input.PollInterval,
        inputs.text(Input.PollInterval),
        20,
        'seconds',
        MIN_POLL_MS / 1000
      ) * 1000,
    failOnError: inputs.boolean(Input.FailOnError, true),
    jobSummary: inputs.boolean(Input.JobSummary, true),
    tempDir: inputs.env.RUNNER_TEMP || tmpdir(),
    workflowStep,
    thread: undefined,
    sweepMs:
      parsePositiveNumber(Input.SweepHours, inputs.text(Input.SweepHours), 24, 'hours') * 3_600_000,
    github
  }
  return { settings, warnings }
}
