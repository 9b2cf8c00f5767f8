// The sweep's job summary: a table of the runs it looked at and what it did with each. Details
// may quote Netlify (a delivery's error) or the agent (a failed session's result): one plain line
// each, defused, and cut.
import { clipped, codeCell, collapse, plainLine } from '../markdown/literal.js'
import type { SweepAction, SweptRun } from '../sweep/settle-run.js'
import { renderCommandSummary } from './summary.js'

const DETAIL_LIMIT = 300
const SUMMARY_ROWS = 200

const ACTION_WORDS: Record<SweepAction, string> = {
  delivered: '📦 delivered',
  reported: '📝 reported',
  stopped: '⏹️ stopped (timed out)',
  failed: '❌ failed',
  left: '⏭️ left'
}

export interface SweepTotals {
  /** Runs of this repository in the window, settled ones included. */
  looked: number
  /** Of those, already settled: not in the table. */
  settled: number
  hours: number
}

export function renderSweepSummary(rows: SweptRun[], totals: SweepTotals): string {
  const intro = `${totals.looked} run${totals.looked === 1 ? '' : 's'} of this repository had a session in the last ${totals.hours} hours; ${totals.settled} ${totals.settled === 1 ? 'was' : 'were'} already settled.\n\n`
  let body = intro
  if (rows.length === 0) {
    body += 'Nothing was left to do.\n'
  } else {
    body += '| Runner | Kind | Session | Done | Details |\n|---|---|---|---|---|\n'
    for (const r of rows.slice(0, SUMMARY_ROWS)) {
      const thread = r.thread === undefined ? '' : ` (#${r.thread})`
      body += `| [${codeCell(r.runnerId)}](${r.runnerUrl}) | ${r.kind}${thread} | ${plainLine(r.state)} | ${ACTION_WORDS[r.action]} | ${plainLine(clipped(collapse(r.detail), DETAIL_LIMIT))} |\n`
    }
    if (rows.length > SUMMARY_ROWS) {
      body += `\n_…and ${rows.length - SUMMARY_ROWS} more, in the \`swept\` output._\n`
    }
  }
  return renderCommandSummary({
    heading: `🧹 Netlify agent sweep: ${rows.filter(r => r.action !== 'left').length} settled`,
    links: [],
    rows: [],
    body
  })
}
