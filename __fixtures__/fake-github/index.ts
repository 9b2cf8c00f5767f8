// The fake GitHub REST API's public surface: what the action reaches through GITHUB_API_URL.
export { startFakeGitHub } from './server.js'
export type { FakeGitHub, FakeGitHubOptions, LoggedRequest } from './server.js'
export type { GitHubFault } from './errors.js'
export type { SeedBranch, SeedComment, SeedIssue, SeedPull, SeedReviewComment } from './store.js'
export { MAX_BODY_CHARS, REACTION_CONTENTS } from './routes.js'
export type * from './types.js'
