export const id = 933;
export const ids = [933];
export const modules = {

/***/ 6933:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MARKER_PREFIX: () => (/* binding */ MARKER_PREFIX),
  STATUS_COMMENT_LIMIT: () => (/* binding */ STATUS_COMMENT_LIMIT),
  formatMarker: () => (/* binding */ formatMarker),
  parseMarker: () => (/* binding */ parseMarker),
  renderRefusal: () => (/* binding */ renderRefusal),
  renderStatusComment: () => (/* binding */ renderStatusComment)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var lib_core = __webpack_require__(6257);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(481);
// EXTERNAL MODULE: ./src/netlify/states.ts
var states = __webpack_require__(8079);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/report/diffstat.ts
// Files changed, additions and deletions of a unified (git) diff. The file is scanned as bytes
// through one reused buffer, and only header lines become strings: a 100 MB diff costs no more
// memory, and makes no more garbage, than a small one.

const PLUS = 0x2b;
const MINUS = 0x2d;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
/** Only a line's beginning is ever read (prefixes, paths); a longer line is cut to this. */
const LINE_HEAD = 4096;
const CHUNK = (/* unused pure expression or super */ null && (256 * 1024));
const DIFF_GIT = Buffer.from('diff --git ');
const HUNK = Buffer.from('@@');
const NEW_PATH = Buffer.from('+++ b/');
const GIT_BINARY = Buffer.from('GIT binary patch');
const BINARY_FILES = Buffer.from('Binary files ');
const DIFFER = Buffer.from(' differ');
function startsWith(line, prefix) {
    return (line.length >= prefix.length && line.compare(prefix, 0, prefix.length, 0, prefix.length) === 0);
}
/** The path a `diff --git a/x b/y` header names (the new side, else the old). */
function pathOfHeader(line) {
    const rest = line.slice('diff --git '.length);
    const quoted = rest.match(/^"a\/(.*)" "b\/(.*)"$/);
    if (quoted?.[2])
        return quoted[2];
    // Unquoted paths: "a/<p> b/<p>", where both sides are usually the same path.
    const half = (rest.length - 1) / 2;
    if (Number.isInteger(half) &&
        rest.slice(0, half).replace(/^a\//, '') === rest.slice(half + 1).replace(/^b\//, '')) {
        return rest.slice(half + 1).replace(/^b\//, '');
    }
    const b = rest.lastIndexOf(' b/');
    return b >= 0 ? rest.slice(b + 3) : rest;
}
/** Whether a line says its file's content is binary. */
function diffstat_isBinaryMarker(line) {
    return (line.startsWith('GIT binary patch') ||
        (line.startsWith('Binary files ') && line.endsWith(' differ')));
}
/** Counts a diff fed to it in chunks of any size. */
class DiffStatCounter {
    files = [];
    current;
    inHunk = false;
    /** The head of a line that began in an earlier chunk. */
    carry;
    /** Feeds bytes; the chunk may be reused by the caller once this returns. */
    push(chunk) {
        let start = 0;
        for (;;) {
            const end = chunk.indexOf(NEWLINE, start);
            if (end === -1)
                break;
            if (this.carry) {
                this.line(Buffer.concat([this.carry, chunk.subarray(start, Math.min(end, start + LINE_HEAD))]));
                this.carry = undefined;
            }
            else {
                this.line(chunk.subarray(start, end));
            }
            start = end + 1;
        }
        if (start < chunk.length) {
            const rest = chunk.subarray(start, Math.min(chunk.length, start + LINE_HEAD));
            // Copied: the caller reuses `chunk`.
            this.carry = this.carry
                ? Buffer.concat([this.carry, rest]).subarray(0, LINE_HEAD)
                : Buffer.from(rest);
        }
    }
    end() {
        if (this.carry)
            this.line(this.carry);
        this.carry = undefined;
        return {
            files: this.files,
            additions: this.files.reduce((sum, f) => sum + f.additions, 0),
            deletions: this.files.reduce((sum, f) => sum + f.deletions, 0)
        };
    }
    line(raw) {
        const line = raw[raw.length - 1] === RETURN ? raw.subarray(0, -1) : raw;
        if (startsWith(line, DIFF_GIT)) {
            this.current = {
                path: pathOfHeader(line.toString('utf8')),
                additions: 0,
                deletions: 0,
                binary: false
            };
            this.files.push(this.current);
            this.inHunk = false;
            return;
        }
        const file = this.current;
        if (!file || line.length === 0)
            return;
        const first = line[0];
        if (this.inHunk) {
            if (first === PLUS)
                file.additions++;
            else if (first === MINUS)
                file.deletions++;
            else if (startsWith(line, HUNK))
                this.inHunk = true;
        }
        else if (startsWith(line, HUNK)) {
            this.inHunk = true;
        }
        else if (startsWith(line, GIT_BINARY) ||
            (startsWith(line, BINARY_FILES) && line.subarray(-DIFFER.length).equals(DIFFER))) {
            file.binary = true;
        }
        else if (startsWith(line, NEW_PATH)) {
            file.path = line.subarray(NEW_PATH.length).toString('utf8');
        }
    }
}
/** Scans a diff file through one reused buffer. */
async function diffStatOfFile(path) {
    const counter = new DiffStatCounter();
    const handle = await open(path, 'r');
    try {
        const buffer = Buffer.allocUnsafe(CHUNK);
        for (;;) {
            const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
            if (bytesRead === 0)
                break;
            counter.push(buffer.subarray(0, bytesRead));
        }
    }
    finally {
        await handle.close();
    }
    return counter.end();
}
function diffStatOfText(text) {
    const counter = new DiffStatCounter();
    counter.push(Buffer.from(text));
    return counter.end();
}

;// CONCATENATED MODULE: ./src/report/summary.ts
// The job summary: what happened, the links, the prompt, the agent's result, the diffstat and the
// diff. GitHub refuses a step summary over 1 MiB, so the diff is read as a stream and shown file by
// file only while it fits; what is left out is named, and `diff-file` holds the whole of it.





/** GitHub's limit is 1 MiB; keep a margin for what the runner adds. */
const SUMMARY_LIMIT_BYTES = 1_000_000;
const RESULT_LIMIT = (/* unused pure expression or super */ null && (64 * 1024));
const PROMPT_INLINE_LIMIT = 300;
const DIFFSTAT_ROWS = 300;
/** Room kept for the closing note about what was left out. */
const NOTE_RESERVE = 2_000;
const HEADINGS = {
    success: '✅ Netlify agent run succeeded',
    failure: '❌ Netlify agent run failed',
    cancelled: '🚫 Netlify agent run was cancelled',
    'timed-out': '⏱️ Netlify agent run timed out',
    started: '🚀 Netlify agent run started',
    running: '⏳ Netlify agent run is still running',
    skipped: '⏭️ Netlify agent run skipped'
};
const bytes = (text) => Buffer.byteLength(text, 'utf8');
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function escapeCell(text) {
    return escapeHtml(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
/** A code fence longer than any run of backticks inside the text, so the text cannot close it. */
function fenceFor(text) {
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length));
    return '`'.repeat(Math.max(3, longest + 1));
}
function codeBlock(text, language = '') {
    const fence = fenceFor(text);
    return `${fence}${language}\n${text}${text.endsWith('\n') ? '' : '\n'}${fence}\n`;
}
function details(summary, body) {
    return `<details><summary>${summary}</summary>\n\n${body}\n</details>\n`;
}
function formatDuration(seconds) {
    if (seconds === null || seconds === undefined || !Number.isFinite(seconds))
        return '';
    const whole = Math.round(seconds);
    const m = Math.floor(whole / 60);
    const s = whole % 60;
    return m > 0 ? `${m}m ${s}s` : `${s}s`;
}
function truncate(text, limit) {
    if (bytes(text) <= limit)
        return text;
    return `${Buffer.from(text).subarray(0, limit).toString('utf8')}\n\n_… cut here: the whole text is in the \`result\` output._`;
}
function head(report) {
    const { session, runner } = report;
    const links = [`[Open in Netlify](${report.runnerUrl})`];
    if (session.deploy_url)
        links.push(`[Deploy preview](${session.deploy_url})`);
    const { delivery } = report;
    if (delivery?.kind === 'pull-request') {
        links.push(`[Pull request${delivery.number === null ? '' : ` #${delivery.number}`}](${delivery.url}) (${delivery.operation})`);
    }
    else if (runner?.pr_url) {
        links.push(`[Pull request${runner.pr_number ? ` #${runner.pr_number}` : ''}](${runner.pr_url})`);
    }
    const agent = [session.agent_config?.agent, session.agent_config?.model]
        .filter(Boolean)
        .join(' · ');
    const rows = [
        ['State', normalizeState(session.state)],
        ['Agent', agent],
        ['Duration', formatDuration(session.duration)],
        ['Steps', String(session.steps?.length ?? 0)],
        [
            'Agent runner',
            `\`${session.agent_runner_id}\`${report.followUp ? ' (follow-up session)' : ''}`
        ],
        ['Branch', runner?.branch ?? ''],
        ['Commit', delivery?.kind === 'commit' ? commitCell(delivery, runner) : ''],
        ['Delivered', delivery?.kind === 'none' ? escapeCell(delivery.reason) : '']
    ];
    const table = rows
        .filter(([, value]) => value !== '')
        .map(([name, value]) => `| ${name} | ${value} |`)
        .join('\n');
    let out = `## ${HEADINGS[report.outcome]}\n\n${links.join(' · ')}\n\n| | |\n|---|---|\n${table}\n\n`;
    if (report.failure)
        out += `> [!CAUTION]\n> ${escapeHtml(report.failure).replace(/\n/g, '\n> ')}\n\n`;
    return out;
}
/** The commit, linked on GitHub when the pull request's URL shows the repository. */
function commitCell(commit, runner) {
    const repo = runner?.pr_url?.match(/^(https:\/\/github\.com\/[^/]+\/[^/]+)\//)?.[1];
    const short = `\`${commit.sha.slice(0, 12)}\``;
    const sha = repo ? `[${short}](${repo}/commit/${commit.sha})` : short;
    return `${sha} on \`${escapeCell(commit.branch)}\``;
}
function summary_prompt(text) {
    if (text.length <= PROMPT_INLINE_LIMIT && !text.includes('\n')) {
        return `### Prompt\n\n${codeBlock(text, 'text')}\n`;
    }
    return `### Prompt\n\n${details(`Prompt (${text.length} characters)`, codeBlock(truncate(text, RESULT_LIMIT), 'text'))}\n`;
}
function result(report) {
    const { session } = report;
    let out = '';
    if (session.result)
        out += `### Result\n\n${truncate(session.result, RESULT_LIMIT)}\n\n`;
    const steps = session.steps ?? [];
    if (steps.length > 0) {
        const list = steps
            .map((s, i) => `${i + 1}. **${escapeHtml(s.title)}**${s.message ? `: ${escapeHtml(s.message)}` : ''}`)
            .join('\n');
        out += details(`Steps (${steps.length})`, truncate(list, RESULT_LIMIT)) + '\n';
    }
    return out;
}
function diffStatTable(files, additions, deletions) {
    const plural = files.length === 1 ? 'file' : 'files';
    let out = `### Changes: ${files.length} ${plural}, +${additions} −${deletions}\n\n`;
    out += '| File | + | − |\n|---|--:|--:|\n';
    for (const f of files.slice(0, DIFFSTAT_ROWS)) {
        out += `| \`${escapeCell(f.path)}\`${f.binary ? ' (binary)' : ''} | ${f.additions} | ${f.deletions} |\n`;
    }
    if (files.length > DIFFSTAT_ROWS)
        out += `\n_…and ${files.length - DIFFSTAT_ROWS} more files._\n`;
    return out + '\n';
}
/** Bytes a section's wrapper (details, label, fences, the cut note) takes beyond its lines. */
function sectionOverhead(stat) {
    return 400 + 2 * bytes(stat.path);
}
function renderSection(section) {
    const { stat } = section;
    const label = `<code>${escapeHtml(stat.path)}</code> (+${stat.additions} −${stat.deletions})`;
    if (section.binary)
        return details(label, '_Binary file: its content is not shown._\n');
    const body = codeBlock(section.lines.join('\n'), 'diff');
    if (!section.cut)
        return details(label, body);
    return details(`${label}, cut short`, `${body}\n_The rest of this file is in \`diff-file\`._\n`);
}
/**
 * The diff, file by file, in at most `budget` bytes: whole files while they fit, then as much of
 * the next one as fits. Reads only as much of the file as it shows.
 */
async function renderDiff(file, stats, budget, redact) {
    let markdown = '';
    let whole = 0;
    let index = 0;
    let section;
    const room = () => budget - bytes(markdown);
    const flush = () => {
        if (!section)
            return;
        markdown += redact(renderSection(section));
        if (!section.cut)
            whole++;
        section = undefined;
    };
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    try {
        for await (const line of lines) {
            if (line.startsWith('diff --git ')) {
                flush();
                const stat = stats[index++] ?? { path: '', additions: 0, deletions: 0, binary: false };
                if (sectionOverhead(stat) > room())
                    break;
                section = { stat, lines: [], size: 0, binary: stat.binary, cut: false };
            }
            if (!section || section.binary)
                continue;
            if (isBinaryMarker(line)) {
                section.binary = true;
                section.lines = [];
                continue;
            }
            const size = bytes(line) + 1;
            if (section.size + size + sectionOverhead(section.stat) > room()) {
                section.cut = true;
                break;
            }
            section.size += size;
            section.lines.push(line);
        }
    }
    finally {
        lines.close();
    }
    // A file cut before its first line shows nothing worth a section.
    const cutPath = section?.cut && section.lines.length > 0 ? section.stat.path : undefined;
    if (section && (!section.cut || cutPath))
        flush();
    return { markdown, whole, cutPath };
}
function omissionNote(rendered, total, diffFile) {
    if (rendered.whole >= total)
        return '';
    const shown = rendered.whole === 0 && !rendered.cutPath
        ? 'No file of the diff fits here'
        : `The diff is shown for ${rendered.whole} of ${total} files${rendered.cutPath ? `, then cut short within \`${escapeHtml(rendered.cutPath)}\`` : ''}`;
    return `> [!NOTE]\n> ${shown}, to keep this summary under GitHub's 1 MiB limit. The whole diff is in the \`diff-file\` output (\`${escapeHtml(diffFile)}\`).\n`;
}
/** The diffstat and as much of the diff as fits in what is left of the summary after `used` bytes. */
async function diffSection(diff, used, redact) {
    if (diff.stat.files.length === 0)
        return '### Changes\n\nThe agent made no changes.\n';
    let out = redact(diffStatTable(diff.stat.files, diff.stat.additions, diff.stat.deletions));
    if (diff.resultFile) {
        const budget = SUMMARY_LIMIT_BYTES - used - bytes(out) - NOTE_RESERVE - 100;
        const rendered = await renderDiff(diff.resultFile, diff.stat.files, Math.max(0, budget), redact);
        out += `### Diff\n\n${rendered.markdown}\n`;
        out += omissionNote(rendered, diff.stat.files.length, diff.resultFile);
    }
    return out;
}
/** The whole summary, under SUMMARY_LIMIT_BYTES whatever the size of the diff. */
async function renderSummary(report, redact) {
    const out = redact(head(report) + summary_prompt(report.prompt) + result(report));
    const { diff } = report;
    if (report.outcome === 'started') {
        return (out + '_The step did not wait for the run (`wait: false`); follow it on the dashboard._\n');
    }
    if (report.outcome === 'running')
        return out + '_The session has not ended yet._\n';
    return out + (await diffSection(diff ?? NO_DIFF, bytes(out), redact));
}
const NO_DIFF = {
    resultFile: undefined,
    cumulativeFile: undefined,
    stat: { files: [], additions: 0, deletions: 0 }
};
function renderCommandSummary(summary) {
    const rows = summary.rows.filter(([, value]) => value !== '');
    let out = `## ${summary.heading}\n\n`;
    if (summary.links.length > 0)
        out += `${summary.links.join(' · ')}\n\n`;
    if (rows.length > 0) {
        out += `| | |\n|---|---|\n${rows.map(([name, value]) => `| ${name} | ${value} |`).join('\n')}\n\n`;
    }
    return out + (summary.body ?? '');
}
/** Appends to the job summary at once, so that no second copy of a large summary is held. */
async function writeSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY) {
        core.warning('No GITHUB_STEP_SUMMARY file: the job summary was not written.');
        return;
    }
    await core.summary.addRaw(markdown).write();
}

;// CONCATENATED MODULE: ./src/github/status-comment.ts
// The status comment: one comment on the issue or pull request that started the run, edited as the
// run goes (working, then finished). What the agent, the prompt and the diff bring is untrusted:
// HTML is escaped, code is re-fenced so it cannot close its fence, mentions and issue references
// are defused so the comment pings nobody, and the body stays under GitHub's comment limit
// whatever the inputs. A hidden marker at the end names the runner and session, so a later step
// finds this comment again.

const MARKER_PREFIX = 'netlify-agent-runners-action:status';
/**
 * GitHub refuses a comment body over 65,536 characters (and over 256 KiB). Counted in UTF-16
 * units, at most 3 bytes each, 60,000 stays under both with room to spare.
 */
const STATUS_COMMENT_LIMIT = 60_000;
/** The rendered result's own cap: a comment is read at a glance; the job summary has the rest. */
const status_comment_RESULT_LIMIT = 20_000;
const PROMPT_LIMIT = 4_000;
const FAILURE_LIMIT = 4_000;
const STEP_TITLE_LIMIT = 200;
const STEP_MESSAGE_LIMIT = 400;
const RECENT_STEPS = 5;
const status_comment_DIFFSTAT_ROWS = 20;
const PATH_LIMIT = 400;
const NAME_LIMIT = 100;
const BRANCH_LIMIT = 300;
const URL_LIMIT = 1_000;
/** Untrusted text is cut to this before any work: no more of it could ever be shown. */
const INPUT_LIMIT = 4 * STATUS_COMMENT_LIMIT;
const ID = /^[A-Za-z0-9_-]{1,128}$/;
const MARKER_BODY = /^ runner=([A-Za-z0-9_-]{1,128})(?: session=([A-Za-z0-9_-]{1,128}))? $/;
/** Invisible, and enough to keep GitHub from reading `@name` or `#12` as a mention or a reference. */
const ZWJ = '\u200d';
const BROKEN_PREFIX = MARKER_PREFIX.replace(':', `:${ZWJ}`);
const status_comment_HEADINGS = {
    success: '✅ Netlify agent run succeeded',
    failure: '❌ Netlify agent run failed',
    cancelled: '🚫 Netlify agent run was cancelled',
    'timed-out': '⏱️ Netlify agent run timed out',
    started: '🚀 Netlify agent run started'
};
// ---- the marker ----
function formatMarker(ids) {
    for (const [name, id] of [
        ['runner', ids.runnerId],
        ['session', ids.sessionId]
    ]) {
        if (id !== undefined && !ID.test(id)) {
            throw new Error(`The status comment marker takes ${name} ids of letters, digits, '-' and '_' only, not ${JSON.stringify(id.slice(0, 140))}.`);
        }
    }
    const session = ids.sessionId === undefined ? '' : ` session=${ids.sessionId}`;
    return `<!-- ${MARKER_PREFIX} runner=${ids.runnerId}${session} -->`;
}
/**
 * The ids of the marker in a comment body. Only the last mention of the prefix counts (the marker
 * closes the body, and untrusted text in it has the prefix broken), and it must be exactly a
 * marker with well-formed ids: anything else is undefined, never a guess.
 */
function parseMarker(body) {
    const at = body.lastIndexOf(MARKER_PREFIX);
    if (at < 5 || body.slice(at - 5, at) !== '<!-- ')
        return undefined;
    const end = body.indexOf('-->', at);
    if (end < 0)
        return undefined;
    const match = MARKER_BODY.exec(body.slice(at + MARKER_PREFIX.length, end));
    if (!match?.[1])
        return undefined;
    return { runnerId: match[1], sessionId: match[2] };
}
// eslint-disable-next-line no-control-regex -- control characters are exactly what it removes
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Untrusted text made well-formed, one line ending, and unable to pass for the marker. */
function clean(raw) {
    const text = typeof raw === 'string' ? raw : raw === null || raw === undefined ? '' : String(raw);
    const cut = text.length > INPUT_LIMIT;
    return {
        text: (cut ? text.slice(0, INPUT_LIMIT) : text)
            .replace(/\r\n?/g, '\n')
            .replace(CONTROL, '')
            .replace(LONE_SURROGATE, '\ufffd')
            .split(MARKER_PREFIX)
            .join(BROKEN_PREFIX),
        cut
    };
}
/**
 * `@name`, `#12` and `GH-12` get an invisible joiner; URLs (where GitHub links nothing more) and
 * numeric entities like `&#60;` are left whole.
 */
const REFERENCE = /(?:https?|ftp):\/\/[^\s<>]+|\bwww\.[^\s<>]+|(^|[^A-Za-z0-9_])@(?=[A-Za-z0-9])|(?<!&)#(?=\d)|\bgh-(?=\d)/gi;
function defuse(text) {
    return text.replace(REFERENCE, (match, before) => {
        if (before !== undefined)
            return `${before}@${ZWJ}`;
        if (match === '#' || match.toLowerCase() === 'gh-')
            return match + ZWJ;
        return match;
    });
}
function collapse(text) {
    return text.replace(/\s+/g, ' ').trim();
}
/** Text with no markup of its own: one line, escaped, defused. */
function plain(text) {
    return escapeHtml(defuse(collapse(text)));
}
/** Text as an inline code span: code shows as written, pings nobody, and HTML is inert in it. */
function inlineCode(text) {
    const flat = collapse(text);
    // One backtick more than the longest run inside, so the text cannot close the span.
    const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map(run => run.length));
    const ticks = '`'.repeat(longest + 1);
    // A space on each side only where a backtick would otherwise touch the fence.
    const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
    return `${ticks}${pad}${flat}${pad}${ticks}`;
}
/** Characters that would mean markup even between HTML tags, written as numeric entities. */
function literal(text) {
    return text.replace(/[&<>`*_~[\]\\|$]/g, c => `&#${c.charCodeAt(0)};`);
}
/**
 * One line of the agent's markdown: code spans as code, and in the text between them `<` escaped
 * (no HTML, no comments; `>` stays for quotes) and mentions defused. A code span holding `<`, `@`
 * or `#` becomes `<code>` with its characters as entities: it reads the same, and stays inert
 * even where GitHub's reading of backticks differs from this one.
 */
function inlineMarkdown(line) {
    const text = (s) => defuse(s).replace(/</g, '&lt;');
    const runs = [...line.matchAll(/`+/g)].map(m => ({ at: m.index, length: m[0].length }));
    const byLength = new Map();
    runs.forEach((run, i) => {
        const list = byLength.get(run.length);
        if (list)
            list.push(i);
        else
            byLength.set(run.length, [i]);
    });
    /** The first run after `index` of exactly `length` backticks (lists are sorted: binary search). */
    const closerAfter = (length, index) => {
        const list = byLength.get(length) ?? [];
        let lo = 0;
        let hi = list.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if ((list[mid] ?? 0) > index)
                hi = mid;
            else
                lo = mid + 1;
        }
        return list[lo];
    };
    let out = '';
    let cursor = 0;
    for (let r = 0; r < runs.length; r++) {
        const run = runs[r];
        if (!run)
            break;
        let { at, length } = run;
        let backslashes = 0;
        while (line[at - 1 - backslashes] === '\\')
            backslashes++;
        // An escaped backtick is literal; the rest of its run may still open a span.
        if (backslashes % 2 === 1) {
            at++;
            length--;
        }
        if (length === 0)
            continue;
        const c = closerAfter(length, r);
        const closer = c === undefined ? undefined : runs[c];
        if (c === undefined || !closer)
            continue;
        let content = line.slice(at + length, closer.at);
        out += text(line.slice(cursor, at));
        if (/[<@#]/.test(content)) {
            if (/^ .*[^ ].* $/.test(content))
                content = content.slice(1, -1);
            out += `<code>${literal(content)}</code>`;
        }
        else {
            out += line.slice(at, closer.at + closer.length);
        }
        cursor = closer.at + closer.length;
        r = c;
    }
    return out + text(line.slice(cursor));
}
// ---- fitting ----
const isHigh = (code) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code) => code >= 0xdc00 && code <= 0xdfff;
/** The first `n` UTF-16 units, never half a surrogate pair. */
function status_comment_head(text, n) {
    const end = n > 0 && n < text.length && isHigh(text.charCodeAt(n - 1)) ? n - 1 : n;
    return text.slice(0, end);
}
/** The last `n` UTF-16 units, never half a surrogate pair. */
function tail(text, n) {
    if (n <= 0)
        return '';
    const start = Math.max(0, text.length - n);
    return text.slice(start > 0 && isLow(text.charCodeAt(start)) ? start + 1 : start);
}
/** The largest k in [0, hi] that `ok` accepts, taking `ok(0)` as given. */
function largest(hi, ok) {
    let lo = 0;
    while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (ok(mid))
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}
/**
 * `render(source)`, or if that is longer than `max`, the render of as much of the source as fits
 * with an ellipsis where it was cut (at the end, or at the start to keep a path's file name).
 */
function fit(source, max, render, keep = 'start') {
    // Rendering never shrinks text much (only runs of spaces), so far more than `max` never fits.
    const scan = 8 * max + 64;
    if (source.length <= scan) {
        const whole = render(source);
        if (whole.length <= max)
            return { text: whole, cut: false };
    }
    const piece = (n) => keep === 'start' ? `${status_comment_head(source, n)}…` : `…${tail(source, n)}`;
    const n = largest(Math.min(source.length, scan), k => render(piece(k)).length <= max);
    return { text: render(piece(n)), cut: true };
}
const FENCE_OPEN = /^([ \t]*)(?:(`{3,})([^`]*)|(~{3,})(.*))$/;
const FENCE_CLOSE = /^[ \t]*(`{3,}|~{3,})[ \t]*$/;
/**
 * The result as lines of text and fenced code blocks. Each block is written back with a fence of
 * its own (fenceFor) at the start of a line, so whatever GitHub would have made of the original
 * fences, what is code here is code there, and an unclosed fence closes where the block ends.
 */
function blocksOf(text) {
    const blocks = [];
    let open;
    for (const line of text.split('\n')) {
        if (open) {
            const close = FENCE_CLOSE.exec(line)?.[1];
            if (close && close[0] === open.char && close.length >= open.length) {
                open = undefined;
                continue;
            }
            const indent = /^ */.exec(line)?.[0].length ?? 0;
            open.lines.push(line.slice(Math.min(indent, open.indent)));
            continue;
        }
        const fence = FENCE_OPEN.exec(line);
        const marker = fence?.[2] ?? fence?.[4];
        if (fence && marker) {
            const word = (fence[3] ?? fence[5] ?? '').trim().split(/\s+/)[0] ?? '';
            const lines = [];
            open = { char: marker[0] ?? '`', length: marker.length, indent: fence[1]?.length ?? 0, lines };
            blocks.push({ code: true, info: /^[A-Za-z0-9_+.#-]{1,30}$/.test(word) ? word : '', lines });
            continue;
        }
        blocks.push({ code: false, line });
    }
    return blocks;
}
function status_comment_codeBlock(content, info = '') {
    const fence = fenceFor(content);
    return `${fence}${info}\n${content === '' ? '' : `${content}\n`}${fence}`;
}
function renderBlock(block) {
    return block.code ? status_comment_codeBlock(block.lines.join('\n'), block.info) : inlineMarkdown(block.line);
}
/** The result in at most `budget` characters, cut between blocks or inside the one that overflows. */
function renderResult(result, budget) {
    const out = [];
    let used = 0;
    for (const block of blocksOf(result.text)) {
        const rendered = renderBlock(block);
        if (used + rendered.length + 1 <= budget) {
            out.push(rendered);
            used += rendered.length + 1;
            continue;
        }
        const room = budget - used - 1;
        if (room > 20) {
            const part = block.code
                ? fit(block.lines.join('\n'), room, content => status_comment_codeBlock(content, block.info))
                : fit(block.line, room, inlineMarkdown);
            out.push(part.text);
        }
        return { text: out.join('\n'), cut: true };
    }
    return { text: out.join('\n'), cut: result.cut };
}
// ---- sections ----
/** A markdown link to an http(s) URL, or the bare label when the URL is not one. */
function status_comment_link(label, url) {
    if (typeof url !== 'string' || !/^https?:\/\/[^\s<>"'`\\]+$/i.test(url))
        return label;
    const safe = url.replace(/\(/g, '%28').replace(/\)/g, '%29');
    return safe.length > URL_LIMIT ? label : `[${label}](${safe})`;
}
function status_comment_name(text) {
    return fit(clean(text).text, NAME_LIMIT, plain).text;
}
function count(n, one, many) {
    const value = Number.isFinite(n) ? Math.trunc(n) : 0;
    return `${value.toLocaleString('en-US')} ${value === 1 ? one : many}`;
}
function number(n) {
    return Number.isFinite(n) ? Math.trunc(n).toLocaleString('en-US') : '?';
}
function heading(view) {
    if (view.phase === 'working') {
        const who = [status_comment_name(view.agent), status_comment_name(view.model)].filter(Boolean).join(' · ');
        return `## ⏳ Netlify agent is working…${who ? ` (${who})` : ''}`;
    }
    return `## ${view.outcome ? status_comment_HEADINGS[view.outcome] : '🏁 Netlify agent run finished'}`;
}
function meta(view) {
    const parts = [];
    if (view.phase === 'finished') {
        const agent = status_comment_name(view.agent);
        const model = status_comment_name(view.model);
        if (agent)
            parts.push(`**${agent}**${model ? ` (${model})` : ''}`);
        else if (model)
            parts.push(model);
        if (view.outcome !== 'started')
            parts.push(count(view.steps.length, 'step', 'steps'));
    }
    const runner = view.runnerId ? fit(clean(view.runnerId).text, NAME_LIMIT, inlineCode).text : '';
    if (view.followUp)
        parts.push(`follow-up session${runner ? ` on runner ${runner}` : ''}`);
    else if (runner)
        parts.push(`runner ${runner}`);
    return parts.join(' · ');
}
function links(view) {
    const parts = [status_comment_link('Open in Netlify', view.runnerUrl), status_comment_link('Workflow run', view.workflowRunUrl)];
    if (view.deployUrl)
        parts.push(status_comment_link('Deploy preview', view.deployUrl));
    return parts.filter(part => part.startsWith('[')).join(' · ');
}
function stepLine(step, index) {
    const title = fit(collapse(clean(step?.title).text), STEP_TITLE_LIMIT, inlineMarkdown).text;
    const message = fit(collapse(clean(step?.message).text), STEP_MESSAGE_LIMIT, inlineMarkdown).text;
    return `${index + 1}. **${title || 'Step'}**${message ? `: ${message}` : ''}`;
}
function recentSteps(steps) {
    if (steps.length === 0)
        return "_Waiting for the agent's first step…_";
    const shown = steps.slice(-RECENT_STEPS);
    const first = steps.length - shown.length;
    const earlier = first > 0 ? `_…${count(first, 'earlier step', 'earlier steps')}, then:_\n\n` : '';
    const list = shown.map((step, i) => stepLine(step, first + i)).join('\n');
    return `### Steps so far: ${number(steps.length)}\n\n${earlier}${list}`;
}
/** A quote block of GitHub's alert kind, holding plain text. */
function status_comment_alert(kind, text, max) {
    const render = (s) => s
        .split('\n')
        .map(line => (line.trim() ? `> ${escapeHtml(defuse(line.trimEnd()))}` : '>'))
        .join('\n');
    return `> [!${kind}]\n${fit(clean(text).text.trim(), max, render).text}`;
}
function delivery(view) {
    const lines = [];
    const pr = view.pullRequest;
    if (pr) {
        const label = Number.isSafeInteger(pr.number) && (pr.number ?? 0) > 0 ? `#${pr.number}` : 'a pull request';
        lines.push(`🔀 ${pr.operation === 'updated' ? 'Updated' : 'Opened'} pull request ${status_comment_link(label, pr.url)}.`);
    }
    if (view.commit) {
        const sha = clean(view.commit.sha).text.trim();
        const short = /^[0-9a-f]{7,64}$/i.test(sha)
            ? sha.slice(0, 7)
            : fit(sha, NAME_LIMIT, inlineCode).text;
        const branch = fit(clean(view.commit.branch).text, BRANCH_LIMIT, inlineCode).text;
        lines.push(`📌 Committed ${short} to ${branch}.`);
    }
    const nothing = view.noChanges || (view.diffstat && view.diffstat.files.length === 0);
    if (lines.length === 0 && nothing)
        lines.push('The agent made no changes.');
    return lines.join('\n\n');
}
function diffstat(view) {
    const stat = view.diffstat;
    if (!stat || stat.files.length === 0)
        return '';
    const cell = (path) => fit(clean(path).text, PATH_LIMIT, s => inlineCode(s).replace(/\|/g, '\\|'), 'end').text;
    const rows = stat.files
        .slice(0, status_comment_DIFFSTAT_ROWS)
        .map(f => f.binary
        ? `| ${cell(f.path)} | binary | |`
        : `| ${cell(f.path)} | ${number(f.additions)} | ${number(f.deletions)} |`);
    const more = stat.files.length - status_comment_DIFFSTAT_ROWS;
    return [
        `### ${count(stat.files.length, 'file', 'files')} changed, +${number(stat.additions)} −${number(stat.deletions)}`,
        `| File | + | − |\n|---|--:|--:|\n${rows.join('\n')}`,
        ...(more > 0 ? [`_…and ${count(more, 'more file', 'more files')}._`] : []),
        `The full diff is in the ${status_comment_link('job summary', view.workflowRunUrl)} of the workflow run.`
    ].join('\n\n');
}
function status_comment_prompt(view) {
    const source = clean(view.prompt);
    if (!source.text.trim())
        return '';
    const block = fit(source.text, PROMPT_LIMIT, text => status_comment_codeBlock(text, 'text'));
    const note = block.cut || source.cut
        ? `\n\n_The prompt is cut here; the whole of it is in the ${status_comment_link('job summary', view.workflowRunUrl)}._`
        : '';
    return `<details><summary>Prompt</summary>\n\n${block.text}${note}\n\n</details>`;
}
function resultSection(view, budget) {
    const { text, cut } = clean(view.result);
    const source = { text: text.trimEnd(), cut };
    if (!source.text.trim())
        return '';
    const note = `> [!NOTE]\n> The result is cut here to keep this comment short; the whole of it is in the ${status_comment_link('job summary', view.workflowRunUrl)}.`;
    const title = '### Result';
    const room = Math.min(status_comment_RESULT_LIMIT, budget - title.length - note.length - 4);
    if (room <= 0)
        return `${title}\n\n${note}`;
    const rendered = renderResult(source, room);
    return `${title}\n\n${rendered.text}${rendered.cut ? `\n\n${note}` : ''}`;
}
function markerOf(view) {
    if (!view.runnerId || !ID.test(view.runnerId))
        return '';
    const sessionId = view.sessionId && ID.test(view.sessionId) ? view.sessionId : undefined;
    return formatMarker({ runnerId: view.runnerId, sessionId });
}
/**
 * The comment's markdown, under STATUS_COMMENT_LIMIT characters whatever the inputs: every part
 * has a cap of its own, and the agent's result gets what is left (at most RESULT_LIMIT). Ends with
 * the marker when the runner id is known.
 */
function renderStatusComment(view) {
    const marker = markerOf(view);
    const top = [heading(view), meta(view), links(view)];
    let bottom;
    if (view.phase === 'working') {
        bottom = [
            recentSteps(view.steps),
            status_comment_prompt(view),
            '_This comment is updated as the agent works._'
        ];
    }
    else if (view.outcome === 'started') {
        bottom = [
            `The step did not wait for the run; follow it on the ${status_comment_link('Netlify dashboard', view.runnerUrl)}.`,
            status_comment_prompt(view)
        ];
    }
    else {
        if (view.failure?.trim())
            top.push(status_comment_alert('CAUTION', view.failure, FAILURE_LIMIT));
        top.push(delivery(view), diffstat(view));
        bottom = [status_comment_prompt(view)];
    }
    const join = (parts) => parts.filter(Boolean).join('\n\n');
    const fixed = join([...top, ...bottom, marker]).length;
    const result = view.phase === 'finished' ? resultSection(view, STATUS_COMMENT_LIMIT - fixed - 2) : '';
    return join([...top, result, ...bottom, marker]);
}
/** The short reply to someone who may not start runs: why, and where to read more. */
function renderRefusal(reason, workflowRunUrl) {
    return [
        '## ⛔ Netlify agent run not started',
        status_comment_alert('WARNING', reason, FAILURE_LIMIT),
        `See the ${status_comment_link('workflow run', workflowRunUrl)} for details.`
    ].join('\n\n');
}


/***/ })

};
