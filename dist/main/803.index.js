export const id = 803;
export const ids = [803];
export const modules = {

/***/ 3803:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  planEventRun: () => (/* binding */ planEventRun)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/netlify/errors.ts
var errors = __webpack_require__(5058);
// EXTERNAL MODULE: ./src/netlify/states.ts
var states = __webpack_require__(8079);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
;// CONCATENATED MODULE: ./src/github/client.ts
/** A client for `repository` (owner/name) with `token`, at GITHUB_API_URL. */
async function createGitHubClient(token, repository, options = {}) {
    const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    const octokit = getOctokit(token, options.baseUrl ? { baseUrl: options.baseUrl } : {});
    const [owner = '', repo = ''] = repository.split('/');
    const base = { owner, repo };
    return {
        async identity() {
            try {
                return (await octokit.rest.users.getAuthenticated()).data.login;
            }
            catch (err) {
                // An installation token is no user: GitHub answers 403 (or 401). Anything else is a
                // real failure, and guessing would trust the wrong comments.
                const status = err.status;
                if (status === 403 || status === 401)
                    return undefined;
                throw err;
            }
        },
        async permission(login) {
            try {
                const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
                    ...base,
                    username: login
                });
                // role_name tells maintain from write and triage from read; permission is the legacy field.
                const role = data.role_name ?? data.permission;
                return (['admin', 'maintain', 'write', 'triage', 'read'].find(r => r === role) ??
                    data.permission);
            }
            catch (err) {
                if (err.status === 404)
                    return 'none';
                throw err;
            }
        },
        async issueComments(issueNumber) {
            const comments = await octokit.paginate(octokit.rest.issues.listComments, {
                ...base,
                issue_number: issueNumber,
                per_page: 100
            });
            return comments.map(c => ({
                id: c.id,
                body: c.body ?? '',
                authorLogin: c.user?.login ?? '',
                authorIsBot: c.user?.type === 'Bot',
                createdAt: c.created_at
            }));
        },
        async createComment(issueNumber, body) {
            const { data } = await octokit.rest.issues.createComment({
                ...base,
                issue_number: issueNumber,
                body
            });
            return data.id;
        },
        async updateComment(commentId, body) {
            await octokit.rest.issues.updateComment({ ...base, comment_id: commentId, body });
        },
        async react(commentId, kind, content) {
            if (kind === 'issue') {
                await octokit.rest.reactions.createForIssueComment({
                    ...base,
                    comment_id: commentId,
                    content
                });
            }
            else {
                await octokit.rest.reactions.createForPullRequestReviewComment({
                    ...base,
                    comment_id: commentId,
                    content
                });
            }
        },
        async rendered(source) {
            const mediaType = { format: 'full' };
            const { data } = source.kind === 'issue'
                ? await octokit.rest.issues.get({ ...base, issue_number: source.number, mediaType })
                : source.kind === 'issue-comment'
                    ? await octokit.rest.issues.getComment({ ...base, comment_id: source.id, mediaType })
                    : await octokit.rest.pulls.getReviewComment({
                        ...base,
                        comment_id: source.id,
                        mediaType
                    });
            const { body, body_html: html } = data;
            // An empty body has no HTML to show; any other body must come with its HTML.
            if (typeof html !== 'string' && body)
                throw new Error('GitHub answered without body_html');
            return { body: body ?? '', html: html ?? '' };
        },
        async pullRequest(pullNumber) {
            const { data } = await octokit.rest.pulls.get({ ...base, pull_number: pullNumber });
            return {
                number: data.number,
                headRef: data.head.ref,
                headRepo: data.head.repo?.full_name,
                baseRef: data.base.ref
            };
        }
    };
}
/** Who writes comments with the workflow's own token (`${{ github.token }}`). */
const WORKFLOW_TOKEN_LOGIN = 'github-actions[bot]';
/**
 * Which comments are this action's own: those by the token's user (a personal access token), or
 * by github-actions[bot] (the workflow's token, whose user GitHub does not name). A marker in
 * anyone else's comment, another bot's included, is not believed.
 */
async function ownCommentTest(github) {
    const login = ((await github.identity()) ?? WORKFLOW_TOKEN_LOGIN).toLowerCase();
    return comment => comment.authorLogin.toLowerCase() === login;
}

// EXTERNAL MODULE: ./src/markdown/invisible.ts
var invisible = __webpack_require__(7778);
;// CONCATENATED MODULE: ./src/github/event.ts
// What a workflow event asks for: whether it starts an agent, on which issue or pull request, who
// asked, and the request itself. Pure, in two steps: decideTrigger reads the payload (cheaply: a
// comment that does not even contain the phrase is skipped here), and requestOf makes the request
// from what GitHub shows of the text, which the caller reads from GitHub (`body_html`) in between.
// The agent gets only what a maintainer could see: see ../markdown/visible-text.ts.

const DEFAULT_LABEL = 'netlify-agent';
const DEFAULT_TRIGGER_PHRASE = '@netlify';
/**
 * How every hidden marker this action writes begins, the status comment's among them
 * (`<!-- netlify-agent-runners-action:status runner=… -->`). A comment carrying one is the action's
 * own, and must not start it again.
 */
const ACTION_MARKER = '<!-- netlify-agent-runners-action:';
/** Decides what the event asks for. Never throws: a payload without what it needs is a skip. */
function decideTrigger(eventName, payload, options) {
    const event = record(payload) ?? {};
    switch (eventName) {
        case 'issues':
            return fromIssueEvent(event, options);
        case 'issue_comment':
            return fromComment(event, options, 'issue');
        case 'pull_request_review_comment':
            return fromComment(event, options, 'review');
        case 'pull_request_review':
            // A review has no comment id to react to or answer, and each of its line comments arrives
            // as a pull_request_review_comment of its own, which is where a request belongs.
            return skip(`A pull request review does not start an agent, even when it mentions ${options.triggerPhrase}; mention it in a comment on the pull request or on a line of its diff instead.`);
        default:
            return { kind: 'manual' };
    }
}
function fromIssueEvent(event, options) {
    const action = event_text(event.action) ?? 'changed';
    if (action !== 'labeled') {
        return skip(`The issue was ${action}; only adding the "${options.label}" label to an issue starts an agent.`);
    }
    const label = event_text(record(event.label)?.name);
    if (label === undefined)
        return skip('The issue was labeled, but the event names no label.');
    // GitHub treats label names without regard to case ("Netlify-Agent" is the same label).
    if (label.toLowerCase() !== options.label.trim().toLowerCase()) {
        return skip(`The label "${label}" is not "${options.label}", the label that starts an agent.`);
    }
    const issue = record(event.issue);
    const issueNumber = integer(issue?.number);
    if (issue === undefined || issueNumber === undefined) {
        return skip('The issue was labeled, but the event carries no issue number.');
    }
    const actor = actorOf(event);
    if (!actor)
        return skip('The issue was labeled, but the event does not say by whom.');
    return {
        kind: 'issue-label',
        actor,
        issueNumber,
        title: (0,invisible/* plainLine */.h)(event_text(issue.title) ?? ''),
        text: { source: { kind: 'issue', number: issueNumber }, raw: event_text(issue.body) ?? '' }
    };
}
function fromComment(event, options, commentKind) {
    const action = event_text(event.action) ?? 'changed';
    if (action !== 'created') {
        // An edit would start the same request a second time, or start one after the fact that
        // nobody saw asked for when the comment was posted.
        return skip(`The comment was ${action}; only a new comment starts an agent, so that editing or deleting a request does not run it again.`);
    }
    const comment = record(event.comment);
    const commentId = integer(comment?.id);
    const raw = event_text(comment?.body);
    if (comment === undefined || commentId === undefined) {
        return skip('The event carries no comment to read a request from.');
    }
    if (raw?.includes(ACTION_MARKER)) {
        return skip("The comment is this action's own status comment, not a request.");
    }
    const phrase = options.triggerPhrase.trim();
    if (phrase === '')
        return skip('The trigger phrase is empty, so no comment can start an agent.');
    // Cheap, before GitHub is asked what it shows: most comments do not even contain the phrase.
    // Whether a maintainer could see it as a request is for requestOf to say.
    if (!(0,invisible/* stripInvisible */._)(raw ?? '')
        .toLowerCase()
        .includes(phrase.toLowerCase())) {
        return skip(notMentioned(phrase));
    }
    const target = locate(event, commentKind);
    if (!target)
        return skip('The comment event carries no issue or pull request number.');
    const actor = actorOf(event, comment);
    if (!actor)
        return skip('The comment event does not say who wrote the comment.');
    return {
        kind: 'comment',
        actor,
        issueNumber: target.number,
        isPullRequest: target.isPullRequest,
        commentId,
        commentKind,
        headBranch: target.headBranch,
        text: {
            source: commentKind === 'issue'
                ? { kind: 'issue-comment', id: commentId }
                : { kind: 'review-comment', id: commentId },
            raw: raw ?? ''
        }
    };
}
function notMentioned(phrase) {
    return `The comment does not mention ${phrase} outside quotes and code, so it does not ask for an agent.`;
}
/**
 * The request a trigger makes, from what GitHub has now for its text: refused if the text was
 * edited since the event (what GitHub shows is no longer what was asked for), and otherwise made
 * of what GitHub shows: `see` reads its HTML (../markdown/visible-text.ts in production).
 */
function requestOf(trigger, rendered, options, see) {
    if (rendered.body !== trigger.text.raw) {
        const reason = trigger.kind === 'issue-label'
            ? `Issue #${trigger.issueNumber} was edited after the "${options.label}" label was added, so its text on GitHub is no longer the one the label asked for; nothing was started. Remove the label and add it again to run on the issue as it is now.`
            : 'The comment was edited after it was posted, so its text on GitHub is no longer the one that asked; nothing was started. Post a new comment to ask again.';
        return { kind: 'skip', reason, reply: true };
    }
    if (trigger.kind === 'issue-label') {
        const body = see(rendered.html, {}).text;
        const heading = `Issue #${trigger.issueNumber}: ${trigger.title}`.trimEnd();
        const issueText = body === '' ? heading : `${heading}\n\n${body}`;
        return { kind: 'request', prompt: withInstructions(options.prompt, issueText) };
    }
    const phrase = options.triggerPhrase.trim();
    // A mention a maintainer could not see (in an HTML comment, in code, in a quote) asks nothing.
    const shown = see(rendered.html, { mention: mentionPattern(phrase) });
    if (shown.mentions === 0)
        return { kind: 'skip', reason: notMentioned(phrase), reply: false };
    const instructions = options.prompt?.trim() || undefined;
    // A bare mention with the workflow's own instructions asks for exactly those.
    if (!/[\p{L}\p{N}]/u.test(shown.text) && instructions === undefined) {
        return { kind: 'skip', reason: `The comment has no instruction after ${phrase}.`, reply: false };
    }
    return { kind: 'request', prompt: withInstructions(options.prompt, shown.text) };
}
/**
 * The phrase as a whole mention: `@netlify`, not `@netlifyfoo`, `@netlify/functions` or
 * `x@netlify.com`.
 */
function mentionPattern(phrase) {
    const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![\\p{L}\\p{N}_@./+-])${escaped}(?![\\p{L}\\p{N}_/-]|\\.[\\p{L}\\p{N}_])`, 'giu');
}
function locate(event, commentKind) {
    if (commentKind === 'review') {
        const pull = record(event.pull_request);
        const number = integer(pull?.number);
        if (number === undefined)
            return undefined;
        return { number, isPullRequest: true, headBranch: event_text(record(pull?.head)?.ref) };
    }
    const issue = record(event.issue);
    const number = integer(issue?.number);
    if (number === undefined)
        return undefined;
    // issue_comment fires for pull requests too; their "issue" carries a pull_request link.
    const isPullRequest = record(issue?.pull_request) !== undefined;
    return { number, isPullRequest, headBranch: undefined };
}
/** The sender, as GitHub reports who caused the event; a comment's author if there is none. */
function actorOf(event, comment) {
    for (const user of [record(event.sender), record(comment?.user)]) {
        const login = event_text(user?.login);
        if (user && login)
            return { login, isBot: user.type === 'Bot' || login.endsWith('[bot]') };
    }
    return undefined;
}
function withInstructions(instructions, request) {
    const first = instructions?.trim();
    const rest = request.trim();
    if (!first)
        return rest;
    return rest === '' ? first : `${first}\n\n${rest}`;
}
function skip(reason) {
    return { kind: 'skip', reason };
}
function record(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : undefined;
}
function event_text(value) {
    return typeof value === 'string' ? value : undefined;
}
function integer(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

;// CONCATENATED MODULE: ./src/github/permissions.ts
const MAY_START = ['admin', 'maintain', 'write'];
async function mayStartRuns(actor, settings, github) {
    const login = actor.login.toLowerCase();
    if (actor.isBot) {
        return settings.allowedBots.includes(login.replace(/\[bot\]$/, ''))
            ? { allowed: true }
            : {
                allowed: false,
                reason: `${actor.login} is a bot, and bots start agent runs only when named in \`allowed-bots\`.`
            };
    }
    if (settings.allowedUsers.includes(login))
        return { allowed: true };
    const permission = await github.permission(actor.login);
    if (MAY_START.includes(permission))
        return { allowed: true };
    return {
        allowed: false,
        reason: `${actor.login} has ${permission} access to ${settings.repository}; starting an agent run takes write, maintain or admin access, or a place in \`allowed-users\`.`
    };
}

// EXTERNAL MODULE: ./src/report/summary.ts + 1 modules
var summary = __webpack_require__(3204);
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
const RESULT_LIMIT = 20_000;
const PROMPT_LIMIT = 4_000;
const FAILURE_LIMIT = 4_000;
const STEP_TITLE_LIMIT = 200;
const STEP_MESSAGE_LIMIT = 400;
const RECENT_STEPS = 5;
const DIFFSTAT_ROWS = 20;
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
const HEADINGS = {
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
    return (0,summary/* escapeHtml */.ZD)(defuse(collapse(text)));
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
function head(text, n) {
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
    const piece = (n) => keep === 'start' ? `${head(source, n)}…` : `…${tail(source, n)}`;
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
function codeBlock(content, info = '') {
    const fence = (0,summary/* fenceFor */.Lt)(content);
    return `${fence}${info}\n${content === '' ? '' : `${content}\n`}${fence}`;
}
function renderBlock(block) {
    return block.code ? codeBlock(block.lines.join('\n'), block.info) : inlineMarkdown(block.line);
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
                ? fit(block.lines.join('\n'), room, content => codeBlock(content, block.info))
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
    return `## ${view.outcome ? HEADINGS[view.outcome] : '🏁 Netlify agent run finished'}`;
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
        .map(line => (line.trim() ? `> ${(0,summary/* escapeHtml */.ZD)(defuse(line.trimEnd()))}` : '>'))
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
        .slice(0, DIFFSTAT_ROWS)
        .map(f => f.binary
        ? `| ${cell(f.path)} | binary | |`
        : `| ${cell(f.path)} | ${number(f.additions)} | ${number(f.deletions)} |`);
    const more = stat.files.length - DIFFSTAT_ROWS;
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
    const block = fit(source.text, PROMPT_LIMIT, text => codeBlock(text, 'text'));
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
    const room = Math.min(RESULT_LIMIT, budget - title.length - note.length - 4);
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

// EXTERNAL MODULE: ./src/state.ts
var state = __webpack_require__(2462);
;// CONCATENATED MODULE: ./src/github/status-reporter.ts



/** GitHub is asked to update the comment at most this often while the agent works. */
const UPDATE_EVERY_MS = 30_000;
const SHOWN_OUTCOMES = ['success', 'failure', 'cancelled', 'timed-out', 'started'];
class StatusReporter {
    thread;
    commentId;
    lastUpdate = 0;
    lastSteps = 0;
    /** GitHub requests go one at a time, in order. */
    queue = Promise.resolve();
    view;
    constructor(thread) {
        this.thread = thread;
        this.view = {
            phase: 'working',
            workflowRunUrl: thread.workflowRunUrl,
            followUp: thread.followUp,
            prompt: thread.prompt,
            steps: []
        };
    }
    async started(run) {
        const { session } = run;
        this.view = {
            ...this.view,
            runnerId: run.runnerId,
            sessionId: session.id,
            runnerUrl: run.runnerUrl,
            agent: session.agent_config?.agent ?? undefined,
            model: session.agent_config?.model ?? undefined,
            steps: session.steps ?? []
        };
        this.lastSteps = this.view.steps.length;
        await this.publish();
    }
    progress(session) {
        const steps = session.steps ?? [];
        if (steps.length === this.lastSteps)
            return;
        if (this.thread.now() - this.lastUpdate < UPDATE_EVERY_MS)
            return;
        this.lastSteps = steps.length;
        this.view = { ...this.view, steps };
        void this.publish();
    }
    async finished(report) {
        const { session, delivery, diff } = report;
        this.view = {
            ...this.view,
            phase: 'finished',
            outcome: SHOWN_OUTCOMES.includes(report.outcome)
                ? report.outcome
                : undefined,
            sessionId: session.id,
            steps: session.steps ?? this.view.steps,
            result: session.result,
            deployUrl: session.deploy_url,
            pullRequest: delivery?.kind === 'pull-request'
                ? { url: delivery.url, number: delivery.number, operation: delivery.operation }
                : undefined,
            commit: delivery?.kind === 'commit' ? { sha: delivery.sha, branch: delivery.branch } : undefined,
            noChanges: report.outcome === 'success' && (diff?.stat.files.length ?? 0) === 0,
            diffstat: diff && diff.stat.files.length > 0 ? diff.stat : undefined,
            failure: report.failure
        };
        await this.publish();
    }
    async failed(message, outcome) {
        this.view = { ...this.view, phase: 'finished', outcome, failure: message };
        await this.publish();
    }
    /**
     * Writes the view: the first time as a new comment (or the one this same run left before). Its
     * id goes to state at once, and whether it is final once written, so that the post step can
     * finish a comment that main was killed before finishing.
     */
    publish() {
        this.lastUpdate = this.thread.now();
        const body = this.thread.redact(renderStatusComment(this.view));
        const final = this.view.phase === 'finished';
        this.queue = this.queue.then(async () => {
            try {
                if (this.commentId === undefined) {
                    this.commentId = await this.earlierComment();
                    if (this.commentId !== undefined)
                        (0,state/* saveStatusComment */.Nn)(this.commentId, this.view.runnerUrl);
                }
                if (this.commentId === undefined) {
                    this.commentId = await this.thread.github.createComment(this.thread.issueNumber, body);
                    (0,state/* saveStatusComment */.Nn)(this.commentId, this.view.runnerUrl);
                }
                else {
                    await this.thread.github.updateComment(this.commentId, body);
                }
                if (final)
                    (0,state/* saveStatusCommentFinal */.DN)();
            }
            catch (err) {
                core/* warning */.$e(this.thread.redact(`Could not write the status comment on #${this.thread.issueNumber}: ${err.message}. The run goes on; grant the job \`issues: write\` and \`pull-requests: write\`.`));
            }
        });
        return this.queue;
    }
    /**
     * A status comment this step already wrote for the same session (a re-run of the same job
     * adopts the run it started): it is updated rather than duplicated.
     */
    async earlierComment() {
        const { runnerId, sessionId } = this.view;
        if (runnerId === undefined)
            return undefined;
        return (await this.thread.comments()).find(c => {
            const ids = this.thread.isOwn(c) ? parseMarker(c.body) : undefined;
            return ids?.runnerId === runnerId && ids.sessionId === sessionId;
        })?.id;
    }
}

;// CONCATENATED MODULE: ./src/github/trigger.ts
// What a label or comment event makes of `run`: whether it runs at all (the label, the phrase,
// who asked), with which prompt, on which runner (a follow-up on the pull request's or issue's
// runner, found by the status comment's marker or by branch) and who watches it (the status
// comment). Nothing is sent to Netlify for an event that is skipped.









/** The runner named by the newest status comment this action left on the thread. */
function runnerFromComments(comments, isOwn) {
    for (const comment of [...comments].reverse()) {
        // Anyone can paste a marker; only the action's own comments are believed.
        if (!isOwn(comment))
            continue;
        const ids = parseMarker(comment.body);
        if (ids)
            return ids.runnerId;
    }
    return undefined;
}
/** A runner of the site whose result or pull request branch is `branch`. */
async function runnerOnBranch(netlify, site, branch) {
    const scope = { account_id: site.account_id, site_id: site.id };
    const matches = (r) => r.result_branch === branch || r.pr_branch === branch;
    const byResult = await netlify.listRunners({ ...scope, result_branch: branch, per_page: 10 });
    const found = byResult.items.find(matches);
    if (found)
        return found.id;
    // The list cannot filter by pull request branch: look among the newest runners.
    const recent = await netlify.listRunners({ ...scope, per_page: 100 });
    return recent.items.find(matches)?.id;
}
/** The runner, if it is still there to follow up on (on this site, not archived). */
async function usable(netlify, runnerId, siteId) {
    try {
        const runner = await netlify.getRunner(runnerId);
        if (runner.site_id !== siteId || (0,states/* normalizeState */.Vw)(runner.state) === 'archived')
            return undefined;
        return runner.id;
    }
    catch (err) {
        if (err instanceof errors/* NetlifyApiError */.aQ && err.status === 404)
            return undefined;
        throw err;
    }
}
/** Where a triggered run goes: a follow-up on the thread's runner, or a new runner. */
async function targetOf(trigger, settings, github, netlify, isOwn, threadComments) {
    // Inputs that shape a new runner (`mode: ask`, a deploy, a parent) ask for one: a follow-up
    // would drop them.
    const newRunner = settings.mode !== 'normal' ||
        settings.deployId !== undefined ||
        settings.parentAgentRunnerId !== undefined;
    if (trigger.kind === 'issue-label' || settings.agentRunnerId)
        return {};
    const site = await netlify.getSite(settings.siteId ?? '');
    const find = async (lookup) => {
        if (newRunner)
            return undefined;
        const runnerId = await lookup();
        return runnerId && (await usable(netlify, runnerId, site.id));
    };
    const fromMarker = await find(async () => runnerFromComments(await threadComments(), isOwn));
    if (!trigger.isPullRequest)
        return fromMarker ? { agentRunnerId: fromMarker } : {};
    const pull = await github.pullRequest(trigger.issueNumber);
    const head = trigger.headBranch ?? pull.headRef;
    // A fork's branch name says nothing about our runners (it may copy one): only our marker counts.
    const fork = pull.headRepo !== undefined &&
        pull.headRepo.toLowerCase() !== settings.github.repository.toLowerCase();
    const runnerId = fromMarker ?? (fork ? undefined : await find(() => runnerOnBranch(netlify, site, head)));
    // A follow-up on the pull request's runner updates that same pull request (once it is done).
    if (runnerId) {
        const deliver = settings.wait && settings.commitToBranch === undefined;
        return { agentRunnerId: runnerId, pullRequest: deliver ? true : undefined };
    }
    if (fork) {
        return {
            skip: `Pull request #${trigger.issueNumber} comes from a fork (${pull.headRepo}); the agent works on the site's own repository, so it cannot start on that branch.`
        };
    }
    return { branch: head };
}
/**
 * The event's payload, read the way @actions/github's context reads it (GITHUB_EVENT_PATH), but
 * without loading Octokit: most comments on a repository ask for nothing, and are skipped fast.
 */
function readPayload(path) {
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch (err) {
        throw new Error(`Could not read the workflow event from GITHUB_EVENT_PATH (${path || 'not set'}): ${err.message}`, { cause: err });
    }
}
/** A short reply on the thread, when status comments are on, saying why nothing started. */
async function reply(github, statusComment, issueNumber, reason, workflowRunUrl) {
    if (!statusComment)
        return;
    await github
        .createComment(issueNumber, renderRefusal(reason, workflowRunUrl))
        .catch((err) => core/* warning */.$e(`Could not reply on #${issueNumber}: ${err.message}`));
}
function describe(source) {
    if (source.kind === 'issue')
        return `issue #${source.number}`;
    return `${source.kind === 'issue-comment' ? 'comment' : 'review comment'} ${source.id}`;
}
/**
 * What GitHub has now for the trigger's text, and the HTML it shows for it. Without that answer
 * nobody can say what a maintainer saw, so the run is refused rather than fed the raw text.
 */
async function readRendered(github, trigger) {
    // Nothing to show, and nothing an edit since could add to this request.
    if (trigger.text.raw === '')
        return { body: '', html: '' };
    try {
        return await github.rendered(trigger.text.source);
    }
    catch (err) {
        throw new Error(`Could not read ${describe(trigger.text.source)} from GitHub as GitHub shows it (${err.message}), so nothing was started: the agent gets only the text a maintainer could see there. Re-run the job once GitHub answers.`, { cause: err });
    }
}
/** Reads the event and decides what `run` does with it. */
async function planEventRun(settings, netlify, redact, now) {
    const { github: gh } = settings;
    const options = {
        label: gh.label,
        triggerPhrase: gh.triggerPhrase,
        prompt: settings.prompt || undefined
    };
    const trigger = decideTrigger(gh.gatedEvent ?? '', readPayload(gh.eventPath), options);
    if (trigger.kind === 'skip')
        return trigger;
    if (trigger.kind === 'manual')
        return { kind: 'run', settings, reporter: undefined };
    const github = await createGitHubClient(gh.token, gh.repository);
    const rendered = await readRendered(github, trigger);
    // Loaded only here: the HTML parser is needed only once a request may be made.
    const { visibleText } = await Promise.all(/* import() */[__webpack_require__.e(194), __webpack_require__.e(23)]).then(__webpack_require__.bind(__webpack_require__, 2023));
    const request = requestOf(trigger, rendered, options, visibleText);
    // A mention nobody could see asks for nothing, and gets no answer.
    if (request.kind === 'skip' && !request.reply)
        return request;
    const verdict = await mayStartRuns(trigger.actor, gh, github);
    if (!verdict.allowed) {
        await reply(github, gh.statusComment, trigger.issueNumber, verdict.reason, gh.workflowRunUrl);
        return { kind: 'skip', reason: verdict.reason };
    }
    if (request.kind === 'skip') {
        await reply(github, gh.statusComment, trigger.issueNumber, request.reason, gh.workflowRunUrl);
        return { kind: 'skip', reason: request.reason };
    }
    const isOwn = await ownCommentTest(github);
    // Read once: for the thread's runner, and for a status comment this same step left before.
    let comments;
    const threadComments = () => (comments ??= github.issueComments(trigger.issueNumber));
    const target = await targetOf(trigger, settings, github, netlify, isOwn, threadComments);
    if ('skip' in target) {
        await reply(github, gh.statusComment, trigger.issueNumber, target.skip, gh.workflowRunUrl);
        return { kind: 'skip', reason: target.skip };
    }
    if (trigger.kind === 'comment') {
        // Seen: the commenter knows at once that the request was taken.
        await github
            .react(trigger.commentId, trigger.commentKind, 'eyes')
            .catch((err) => core/* warning */.$e(`Could not react to the comment: ${err.message}`));
    }
    const planned = {
        ...settings,
        prompt: request.prompt,
        agentRunnerId: target.agentRunnerId ?? settings.agentRunnerId,
        branch: target.agentRunnerId ? undefined : (target.branch ?? settings.branch),
        pullRequest: target.pullRequest ?? settings.pullRequest
    };
    core/* info */.pq(planned.agentRunnerId
        ? `Following up on agent runner ${planned.agentRunnerId}, the runner of #${trigger.issueNumber}.`
        : `Starting a new agent runner for #${trigger.issueNumber}${planned.branch ? ` on ${planned.branch}` : ''}.`);
    const reporter = gh.statusComment
        ? new StatusReporter({
            github,
            issueNumber: trigger.issueNumber,
            workflowRunUrl: gh.workflowRunUrl,
            prompt: request.prompt,
            followUp: planned.agentRunnerId !== undefined,
            redact,
            now,
            isOwn,
            comments: threadComments
        })
        : undefined;
    return { kind: 'run', settings: planned, reporter };
}


/***/ }),

/***/ 7778:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ stripInvisible),
/* harmony export */   h: () => (/* binding */ plainLine)
/* harmony export */ });
// Characters that render as nothing, or move other text around: a maintainer cannot see them, so
// they never reach the agent. Pure, and small: the cheap trigger check uses it before anything
// asks GitHub what it shows.
/**
 * Characters that render as nothing (or move other text around): controls, format characters such
 * as zero-width spaces and joiners, bidirectional controls, tag characters, variation selectors.
 * Unicode's Default_Ignorable_Code_Point names exactly the "render as nothing" set.
 */
const INVISIBLE = /[\p{Cc}\p{Default_Ignorable_Code_Point}\u2028\u2029\uFFF9-\uFFFB]/u;
const SOME_INVISIBLE = /(?![\n\t])[\p{Cc}\p{Default_Ignorable_Code_Point}\u2028\u2029\uFFF9-\uFFFB]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Emoji_Modifier}/u;
const LETTER = /[\p{L}\p{M}]/u;
const LATIN = /\p{Script=Latin}/u;
const MONGOLIAN = /\p{Script=Mongolian}/u;
const WHITESPACE = /\s/u;
const ZWNJ = 0x200c;
const ZWJ = 0x200d;
const VARIATION_SELECTOR_16 = 0xfe0f;
const BLACK_FLAG = 0x1f3f4;
const CANCEL_TAG = 0xe007f;
/**
 * Removes invisible characters, except where they are part of visible text: a joiner inside an
 * emoji sequence (👩‍💻) or between letters of a script that needs it (Persian, Indic), one
 * variation selector after a visible character (❤️), and the tags of a subdivision flag (🏴 of
 * Scotland). A run of selectors or joiners is never kept whole, so it cannot carry a hidden message.
 * Line and paragraph separators become newlines.
 */
function stripInvisible(text) {
    // Most text has none: one scan says so, without splitting it into characters.
    if (!SOME_INVISIBLE.test(text))
        return text;
    const chars = Array.from(text);
    const kept = [];
    for (let i = 0; i < chars.length; i++) {
        const char = chars[i] ?? '';
        if (char === '\n' || char === '\t' || !INVISIBLE.test(char)) {
            kept.push(char);
            if (char.codePointAt(0) === BLACK_FLAG) {
                const tags = flagTagLength(chars, i + 1);
                kept.push(...chars.slice(i + 1, i + 1 + tags));
                i += tags;
            }
        }
        else if (char === '\u2028' || char === '\u2029') {
            kept.push('\n');
        }
        else if (partOfVisibleText(char, kept[kept.length - 1], chars[i + 1])) {
            kept.push(char);
        }
    }
    return kept.join('');
}
function partOfVisibleText(char, previous, next) {
    if (previous === undefined)
        return false;
    const code = char.codePointAt(0) ?? 0;
    const before = previous.codePointAt(0) ?? 0;
    if (code === ZWJ || code === ZWNJ) {
        const emoji = code === ZWJ &&
            (PICTOGRAPH.test(previous) || before === VARIATION_SELECTOR_16) &&
            next !== undefined &&
            PICTOGRAPH.test(next);
        return emoji || (nonLatinLetter(previous) && next !== undefined && nonLatinLetter(next));
    }
    if (code >= 0xfe00 && code <= 0xfe0f)
        return isBase(previous);
    if (code >= 0x180b && code <= 0x180f && code !== 0x180e)
        return MONGOLIAN.test(previous);
    return false;
}
function nonLatinLetter(char) {
    return LETTER.test(char) && !LATIN.test(char);
}
/** A character a variation selector may follow: visible, and not itself invisible. */
function isBase(char) {
    return !WHITESPACE.test(char) && !INVISIBLE.test(char);
}
/** The length of a valid subdivision-flag tag sequence (letters and digits, then CANCEL TAG). */
function flagTagLength(chars, from) {
    let i = from;
    for (; i < chars.length && i - from < 7; i++) {
        const code = chars[i]?.codePointAt(0) ?? 0;
        const tag = (code >= 0xe0030 && code <= 0xe0039) || (code >= 0xe0061 && code <= 0xe007a);
        if (!tag)
            break;
    }
    const letters = i - from;
    return letters >= 2 && chars[i]?.codePointAt(0) === CANCEL_TAG ? letters + 1 : 0;
}
/**
 * A one-line text GitHub shows as plain text (an issue title): only invisible characters go, and
 * whitespace becomes single spaces. Markup in a title is visible, so it stays.
 */
function plainLine(text) {
    return stripInvisible(text).replace(/\s+/g, ' ').trim();
}


/***/ })

};
