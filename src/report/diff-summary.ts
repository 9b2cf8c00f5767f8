// The diffstat and the diff of the job summary, written as the diff file is read, within what is
// left of the summary's bytes. GitHub refuses a step summary over 1 MiB, so whole files are shown
// while they fit, then as much of the next one as fits; what is left out is named, and
// `diff-file` holds the whole of it. Every byte is counted once, when it is written, so the cost
// is linear in what is shown; only the file in hand is held, and the diff file is read no
// further than it is shown.
import { codeCell, codeSpan, htmlText, longestBackticks } from '../markdown/literal.js'
import type { Redact } from '../redact.js'
import {
  diffLines,
  isBinaryMarker,
  type DiffLine,
  type DiffStat,
  type FileStat
} from './diffstat.js'
import type { DiffFiles } from './run-report.js'

/** GitHub's limit is 1 MiB; keep a margin for what the runner adds. */
export const SUMMARY_LIMIT_BYTES = 1_000_000
const DIFFSTAT_ROWS = 300
/** Lines of a file are written in chunks of about this many characters. */
const BATCH = 32 * 1024
/** The cut file's path is named in the note up to this many characters. */
const PATH_IN_NOTE = 200

export const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')

/** The summary's bytes, counted as they are written: each byte once. */
export class SummaryBudget {
  private used = 0

  constructor(private readonly limit = SUMMARY_LIMIT_BYTES) {}

  /** What is left, after `reserve` bytes set aside. */
  left(reserve = 0): number {
    return this.limit - this.used - reserve
  }

  /** Counts a chunk by measuring it, and hands it on. */
  spend(chunk: string): string {
    this.used += bytes(chunk)
    return chunk
  }

  /** Counts bytes already known (an upper bound: redaction only shortens). */
  charge(size: number): void {
    this.used += size
  }
}

/** The diffstat and as much of the diff as fits in what is left of `budget`. */
export async function* diffSection(
  diff: DiffFiles,
  budget: SummaryBudget,
  redact: Redact
): AsyncGenerator<string> {
  const { files } = diff.stat
  if (files.length === 0) {
    yield budget.spend('### Changes\n\nThe agent made no changes.\n')
    return
  }
  const reserve = diff.resultFile ? noteReserve(files.length, diff.resultFile) : 0
  yield* diffStatTable(diff.stat, budget, redact, reserve)
  if (!diff.resultFile) return
  yield budget.spend('### Diff\n\n')
  const shown = yield* fileSections(diff.resultFile, files, budget, redact, reserve)
  yield budget.spend(`\n${omissionNote(shown, files.length, diff.resultFile)}`)
}

/** A summary of `head` (the action's own Markdown) and the diff. */
export async function* diffSummary(
  head: string,
  diff: DiffFiles,
  redact: Redact
): AsyncGenerator<string> {
  const budget = new SummaryBudget()
  yield budget.spend(head)
  yield* diffSection(diff, budget, redact)
}

/** The table of files, a row for each while they fit (at most DIFFSTAT_ROWS). */
function* diffStatTable(
  stat: DiffStat,
  budget: SummaryBudget,
  redact: Redact,
  reserve: number
): Generator<string> {
  const { files } = stat
  const plural = files.length === 1 ? 'file' : 'files'
  yield budget.spend(
    `### Changes: ${files.length} ${plural}, +${stat.additions} −${stat.deletions}\n\n| File | + | − |\n|---|--:|--:|\n`
  )
  const more = (n: number): string => `\n_…and ${n} more files._\n`
  // Room for the line that says how many rows were left out, whatever their number.
  const tail = bytes(more(files.length))
  let batch = ''
  let rows = 0
  for (const f of files) {
    if (rows === DIFFSTAT_ROWS) break
    const row = `| ${codeCell(f.path)}${f.binary ? ' (binary)' : ''} | ${f.additions} | ${f.deletions} |\n`
    const size = bytes(row)
    if (size > budget.left(reserve + tail)) break
    budget.charge(size)
    batch += row
    rows++
    if (batch.length >= BATCH) {
      yield redact(batch)
      batch = ''
    }
  }
  if (rows < files.length) batch += budget.spend(more(files.length - rows))
  yield redact(`${batch}\n`)
  budget.charge(1)
}

/** What the diff showed. */
interface Shown {
  /** Files shown whole (binary ones by name). */
  whole: number
  /** The file shown only in part, if one was. */
  cutPath: string | undefined
}

const NO_STAT: FileStat = { path: '', additions: 0, deletions: 0, binary: false }

/** The diff's files, each collapsed, while they fit in what is left of `budget`. */
async function* fileSections(
  file: string,
  stats: FileStat[],
  budget: SummaryBudget,
  redact: Redact,
  reserve: number
): AsyncGenerator<string, Shown> {
  const shown: Shown = { whole: 0, cutPath: undefined }
  let index = 0
  let section: FileSection | undefined
  reading: for await (const lines of diffLines(file, SUMMARY_LIMIT_BYTES)) {
    for (const line of lines) {
      if (line.text.startsWith('diff --git ')) {
        if (section) {
          budget.charge(section.size())
          yield* section.chunks(redact)
          shown.whole++
        }
        section = new FileSection(stats[index++] ?? NO_STAT)
        if (section.size(true) > budget.left(reserve)) {
          section = undefined
          break reading
        }
      }
      if (!section || section.binary) continue
      if (isBinaryMarker(line.text)) section.becomeBinary()
      else if (!section.add(line, budget.left(reserve))) break reading
    }
  }
  // A file cut before its first line shows nothing worth a section.
  if (section && (!section.cut || section.lines.length > 0)) {
    budget.charge(section.size())
    yield* section.chunks(redact)
    if (section.cut) shown.cutPath = section.stat.path
    else shown.whole++
  }
  return shown
}

const open = (label: string, cut: boolean, fence: string): string =>
  `<details><summary>${label}${cut ? ', cut short' : ''}</summary>\n\n${fence}diff\n`
const close = (cut: boolean, fence: string): string =>
  `${fence}\n${cut ? '\n_The rest of this file is in `diff-file`._\n' : ''}\n</details>\n`
const binary = (label: string): string =>
  `<details><summary>${label}</summary>\n\n_Binary file: its content is not shown._\n\n</details>\n`
/** The bytes of each wrapper without its label and fences. */
const WRAPPER = {
  whole: bytes(open('', false, '') + close(false, '')),
  cut: bytes(open('', true, '') + close(true, '')),
  binary: bytes(binary(''))
}

/** One file's section of the diff, as it is read: its lines are held until it is written. */
class FileSection {
  readonly lines: string[] = []
  binary: boolean
  /** Cut short: the rest did not fit. */
  cut = false
  private readonly label: string
  private readonly labelBytes: number
  /** The lines' bytes, each with its newline. */
  private content = 0
  private backticks = 0

  constructor(readonly stat: FileStat) {
    this.binary = stat.binary
    this.label = `<code>${htmlText(stat.path)}</code> (+${stat.additions} −${stat.deletions})`
    this.labelBytes = bytes(this.label)
  }

  /** The section's bytes as it would be written now (cut short, or as it is when `cut` says). */
  size(cut = this.cut, backticks = this.backticks): number {
    if (this.binary) return this.labelBytes + WRAPPER.binary
    const fences = 2 * fenceLength(backticks)
    return this.labelBytes + (cut ? WRAPPER.cut : WRAPPER.whole) + fences + this.content
  }

  becomeBinary(): void {
    this.binary = true
    this.lines.length = 0
    this.content = 0
  }

  /** Adds the line if the section, cut short after it, fits in `room`; else it is cut here. */
  add(line: DiffLine, room: number): boolean {
    const backticks = Math.max(this.backticks, longestBackticks(line.text))
    if (!line.whole || this.size(true, backticks) + line.bytes + 1 > room) {
      this.cut = true
      return false
    }
    this.backticks = backticks
    this.content += line.bytes + 1
    this.lines.push(line.text)
    return true
  }

  /** The section as written, in chunks of about BATCH characters. */
  *chunks(redact: Redact): Generator<string> {
    if (this.binary) {
      yield redact(binary(this.label))
      return
    }
    const fence = '`'.repeat(fenceLength(this.backticks))
    yield redact(open(this.label, this.cut, fence))
    let batch = ''
    for (const line of this.lines) {
      batch += `${line}\n`
      if (batch.length >= BATCH) {
        yield redact(batch)
        batch = ''
      }
    }
    yield redact(batch + close(this.cut, fence))
  }
}

/** A fence longer than any run of backticks in the code, so the code cannot close it. */
function fenceLength(backticks: number): number {
  return Math.max(3, backticks + 1)
}

function omissionNote(shown: Shown, total: number, diffFile: string): string {
  if (shown.whole >= total) return ''
  const cutPath =
    shown.cutPath && shown.cutPath.length > PATH_IN_NOTE
      ? `…${shown.cutPath.slice(-PATH_IN_NOTE)}`
      : shown.cutPath
  const what =
    shown.whole === 0 && !cutPath
      ? 'No file of the diff fits here'
      : `The diff is shown for ${shown.whole} of ${total} files${
          cutPath ? `, then cut short within ${codeSpan(cutPath)}` : ''
        }`
  return `> [!NOTE]\n> ${what}, to keep this summary under GitHub's 1 MiB limit. The whole diff is in the \`diff-file\` output (${codeSpan(diffFile)}).\n`
}

/** The most the note can take: its longest wording, with a cut path of the most bytes. */
function noteReserve(total: number, diffFile: string): number {
  const base = bytes(omissionNote({ whole: total - 1, cutPath: 'x' }, total, diffFile))
  // Up to 4 bytes a character, and a code span's backticks around it.
  return base + 1 + 4 * (PATH_IN_NOTE + 1) + 2 * (PATH_IN_NOTE + 2)
}
