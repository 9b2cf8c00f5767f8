export const id = 584;
export const ids = [584];
export const modules = {

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WORKFLOW_TOKEN_LOGIN: () => (/* binding */ WORKFLOW_TOKEN_LOGIN),
/* harmony export */   createGitHubClient: () => (/* binding */ createGitHubClient),
/* harmony export */   ownCommentTest: () => (/* binding */ ownCommentTest)
/* harmony export */ });
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


/***/ })

};
