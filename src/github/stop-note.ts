// What a stop asked for in the thread writes on GitHub: the note on the status comment ("stop
// requested by `alice`", and at the end "stopped by `alice`"), and the reply that confirms it. It
// is made only of what the action knows the shape of (logins, ids, states, its own links), each
// checked, so nothing in it needs escaping and nobody is pinged; anything else (Netlify's error
// texts) stays in the workflow run's log.
import {
  formatMarker,
  isLogin,
  isMarkerId,
  MARKER_PREFIX,
  type MarkerSeal,
  type StatusIds
} from './status-marker.js'

/** A login as a code span: shown as written, linked to nobody. */
function who(login: string): string {
  return isLogin(login) ? `\`${login}\`` : 'someone'
}

function id(value: string): string {
  return isMarkerId(value) ? `\`${value}\`` : '(an id of unexpected shape)'
}

function state(value: string): string {
  return /^[a-z_-]{1,32}$/.test(value) ? value : 'in a state of unexpected shape'
}

function link(label: string, url: string): string {
  return /^https:\/\/[^\s<>"'`\\()[\]]+$/.test(url) ? `[${label}](${url})` : ''
}

/** The line the status comment carries once a stop is asked for, and once it is done. */
export function stopNote(login: string, stage: 'requested' | 'stopped'): string {
  return stage === 'requested'
    ? `⏹️ Stop requested by ${who(login)} on this thread; the session is being stopped.`
    : `⏹️ Stopped by ${who(login)}, who asked for it on this thread.`
}

/**
 * The status comment (the action's own, with a genuine marker for this runner and session) marked
 * "stop requested": the note under its heading, and a marker that also names who asked, which the
 * step waiting on the session reads back when the session ends.
 */
export function withStopRequest(
  body: string,
  ids: StatusIds & { sessionId: string; stoppedBy: string },
  seal: MarkerSeal
): string {
  const at = body.lastIndexOf(`<!-- ${MARKER_PREFIX}`)
  const text = (at < 0 ? body : body.slice(0, at)).trimEnd()
  const note = stopNote(ids.stoppedBy, 'requested')
  // The comment opens with its heading, a line of the action's own.
  const headingEnd = text.startsWith('## ') ? text.indexOf('\n\n') : -1
  const marked =
    headingEnd < 0
      ? `${note}\n\n${text}`
      : `${text.slice(0, headingEnd)}\n\n${note}${text.slice(headingEnd)}`
  return `${marked}\n\n${formatMarker(ids, seal)}`
}

export type StopAnswer =
  | { kind: 'no-runner'; byBranch: boolean }
  | { kind: 'nothing-running'; runnerId: string; sessionId: string; state: string }
  | { kind: 'stopped'; runnerId: string; sessionId: string; state: string; confirmed: boolean }
  | { kind: 'failed'; runnerId: string }

/** What became of the stop, in a sentence (Markdown): for the reply, the summary and the log. */
export function stopSentence(answer: StopAnswer, login: string): string {
  switch (answer.kind) {
    case 'no-runner':
      return `No agent runner of this action was found on this thread (no status comment of the action names one${answer.byBranch ? ', and none works on its branch' : ''}), so there is nothing to stop.`
    case 'nothing-running':
      return `Agent runner ${id(answer.runnerId)} is not working on anything: its latest session, ${id(answer.sessionId)}, is ${state(answer.state)}.`
    case 'stopped':
      return answer.confirmed
        ? `Session ${id(answer.sessionId)} of agent runner ${id(answer.runnerId)} was stopped, as ${who(login)} asked; it is ${state(answer.state)}.`
        : `Netlify accepted the stop of session ${id(answer.sessionId)} of agent runner ${id(answer.runnerId)}, as ${who(login)} asked, but it still reads ${state(answer.state)}.`
    case 'failed':
      return `The stop ${who(login)} asked for on agent runner ${id(answer.runnerId)} did not go through.`
  }
}

/** The reply on the thread that confirms the stop, or says why there was none. */
export function renderStopReply(
  answer: StopAnswer,
  login: string,
  links: { runnerUrl?: string; workflowRunUrl: string }
): string {
  const heading =
    answer.kind === 'stopped'
      ? '## ⏹️ Netlify agent run stopped'
      : answer.kind === 'failed'
        ? '## ❌ Netlify agent run not stopped'
        : '## ⏹️ Nothing to stop'
  const more =
    answer.kind === 'failed'
      ? `The ${link('workflow run', links.workflowRunUrl) || 'workflow run'} says why.`
      : [link('Open in Netlify', links.runnerUrl ?? ''), link('Workflow run', links.workflowRunUrl)]
          .filter(Boolean)
          .join(' · ')
  return [heading, stopSentence(answer, login), more].filter(Boolean).join('\n\n')
}
