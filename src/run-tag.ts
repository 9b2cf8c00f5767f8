// What a started run carries to say which workflow step started it. Netlify stores nothing of the
// caller's but the prompt, so the tag is a last line of the prompt, an HTML comment: invisible
// where the prompt is rendered, and enough for a re-run of the same step in the same workflow
// attempt (a job re-queued after its runner was lost) to find the run it started, not start a
// second. A new attempt ("Re-run jobs") has a new tag, and starts afresh.
import { createHash } from 'node:crypto'

/** The workflow step this is, as the runner's environment names it. */
export interface WorkflowStep {
  repository: string
  runId: string
  attempt: string
  job: string
  step: string
}

/** The step, or undefined outside GitHub Actions. */
export function workflowStepOf(env: NodeJS.ProcessEnv): WorkflowStep | undefined {
  const { GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT, GITHUB_JOB, GITHUB_ACTION } = env
  if (!GITHUB_REPOSITORY || !GITHUB_RUN_ID) return undefined
  return {
    repository: GITHUB_REPOSITORY,
    runId: GITHUB_RUN_ID,
    attempt: GITHUB_RUN_ATTEMPT || '1',
    job: GITHUB_JOB ?? '',
    step: GITHUB_ACTION ?? ''
  }
}

/**
 * The tag of this step's run. `request` is everything else the start sends, so that matrix legs
 * that differ only by agent or model stay apart.
 */
export function runTag(step: WorkflowStep, request: Record<string, unknown>): string {
  const fields = Object.keys(request)
    .sort()
    .map(key => [key, request[key]])
  const hash = createHash('sha256').update(JSON.stringify(fields)).digest('hex').slice(0, 12)
  return `netlify-agent-runners-action ${step.repository} run=${step.runId} attempt=${step.attempt} job=${step.job} step=${step.step} request=${hash}`
}

/** The prompt as sent: the user's, then the tag on a line of its own. */
export function taggedPrompt(prompt: string, tag: string | undefined): string {
  return tag ? `${prompt}\n\n<!-- ${tag} -->` : prompt
}

/** A prompt as the user wrote it: without the tag line, if it carries one. */
export function untaggedPrompt(prompt: string): string {
  return prompt.replace(/\n\n<!-- netlify-agent-runners-action [^\n]* -->$/, '')
}
