// Who watches a run on its thread, told as one: the status comment (when `status-comment` is on)
// and the trigger's reactions, side by side.
import type { RunReport } from '../report/run-report.js'
import type { RunObserver } from './status-reporter.js'
import type { RunEnd, TriggerReactions } from './trigger-reactions.js'

/** How a run ended, as its trigger's reaction says it. */
export function endOf(report: Pick<RunReport, 'outcome' | 'stoppedBy'>): RunEnd {
  if (report.stoppedBy) return 'stopped'
  // A run started and not waited for (`wait: false`) is launched: that is all it was asked.
  return report.outcome === 'success' || report.outcome === 'started' ? 'success' : 'failure'
}

export function threadObserver(
  reporter: RunObserver | undefined,
  reactions: TriggerReactions
): RunObserver {
  const stoppedBy = reporter?.stoppedBy?.bind(reporter)
  return {
    started: async run => reporter?.started(run),
    progress: session => reporter?.progress(session),
    finished: async report => {
      await Promise.all([reporter?.finished(report), reactions.end(endOf(report))])
    },
    handOver: async () => {
      reactions.handOver()
      await reporter?.handOver()
    },
    failed: async (message, outcome) => {
      await Promise.all([reporter?.failed(message, outcome), reactions.end('failure')])
    },
    ...(stoppedBy ? { stoppedBy } : {})
  }
}
