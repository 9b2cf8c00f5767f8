// The fake GitHub REST API's own promises: auth, permissions, comments and their pages,
// reactions, pull requests, faults, and that Octokit (through @actions/github) works against it.
import { describe, it, expect, beforeEach, afterEach } from '@jest/globals'
import { startFakeCli } from '../__fixtures__/fake-cli-process.js'
import {
  startFakeGitHub,
  type FakeGitHub,
  type FakeGitHubOptions,
  type Issue,
  type IssueComment,
  type PullRequest,
  type PullRequestSimple,
  type Reaction,
  type RepositoryPermission,
  type ReviewComment
} from '../__fixtures__/fake-github/index.js'

const BASE_OPTIONS: FakeGitHubOptions = {
  token: 'ghs_test',
  owner: 'acme',
  repo: 'site',
  permissions: { alice: 'admin', mia: 'maintain', wes: 'write', tia: 'triage', bob: 'read' },
  issues: [{ number: 1, title: 'Add a contact form', body: '@netlify please', user: 'carol' }],
  pulls: [
    {
      number: 2,
      title: 'Agent: contact form',
      body: 'Made by the agent',
      user: 'alice',
      head: 'agent/contact-form',
      base: 'main'
    },
    {
      number: 3,
      title: 'From a fork',
      user: 'mallory',
      head: { ref: 'patch-1', repo: 'mallory/site' }
    },
    { number: 4, title: 'Old one', user: 'alice', head: 'agent/old', state: 'closed' }
  ],
  comments: [{ issue_number: 1, body: '@netlify add a form', user: 'alice' }],
  reviewComments: [{ pull_number: 2, body: '@netlify rename this', user: 'wes', path: 'a.ts' }]
}

let fake: FakeGitHub

beforeEach(async () => {
  fake = await startFakeGitHub(BASE_OPTIONS)
})

afterEach(async () => {
  await fake.close()
})

type Init = {
  method?: string
  body?: unknown
  auth?: string | null
  headers?: Record<string, string>
}

function call(path: string, init: Init = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  const auth = init.auth === undefined ? `token ${fake.token}` : init.auth
  if (auth !== null) headers.set('Authorization', auth)
  if (init.body !== undefined) headers.set('Content-Type', 'application/json')
  const url = path.startsWith('http') ? path : `${fake.url}${path}`
  return fetch(url, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body)
  })
}

async function json<T>(path: string, init: Init = {}, status = 200): Promise<T> {
  const response = await call(path, init)
  const body = (await response.json()) as T
  expect({ status: response.status, body }).toEqual({ status, body })
  return body
}

const repo = (path: string) => `/repos/acme/site${path}`

/** The rel="next" URL of a Link header, as Octokit reads it. */
const nextLink = (response: Response) =>
  /<([^<>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1] ?? null

describe('authentication and the shape of every answer', () => {
  it('accepts the token as `token <t>` or `Bearer <t>`, and refuses anything else with 401', async () => {
    expect((await call(repo(''), { auth: `token ${fake.token}` })).status).toBe(200)
    expect((await call(repo(''), { auth: `Bearer ${fake.token}` })).status).toBe(200)

    const wrong = await call(repo(''), { auth: 'token nope' })
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toEqual({
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/rest',
      status: '401'
    })
    const missing = await call(repo(''), { auth: null })
    expect(missing.status).toBe(401)
    expect(await missing.json()).toMatchObject({ message: 'Requires authentication' })
  })

  it('answers JSON with GitHub headers, ignoring X-GitHub-Api-Version', async () => {
    const response = await call(repo(''), { headers: { 'X-GitHub-Api-Version': '2022-11-28' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(response.headers.get('x-ratelimit-limit')).toBe('5000')
    expect(response.headers.get('x-ratelimit-remaining')).toBe('4999')
    expect(response.headers.get('x-ratelimit-used')).toBe('1')
    expect(response.headers.get('x-ratelimit-resource')).toBe('core')
    expect(Number(response.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000)
    expect(await response.json()).toMatchObject({
      full_name: 'acme/site',
      default_branch: 'main',
      private: false
    })
  })

  it('answers 404 Not Found for unknown routes and other repositories', async () => {
    await json(repo('/nothing/here'), {}, 404)
    expect(await json(`/repos/acme/other/issues/1`, {}, 404)).toMatchObject({
      message: 'Not Found'
    })
    expect(await json(`/repos/ACME/Site/issues/1`)).toMatchObject({ number: 1 })
  })

  it('logs every request with its method, path, query, headers, body and status', async () => {
    await call(repo('/issues/1/comments?per_page=5'), { auth: 'token nope' })
    await call(repo('/issues/1/comments'), { method: 'POST', body: { body: 'hi' } })
    expect(fake.requests.map(r => [r.method, r.path, r.status])).toEqual([
      ['GET', '/repos/acme/site/issues/1/comments', 401],
      ['POST', '/repos/acme/site/issues/1/comments', 201]
    ])
    expect(fake.requests[0]?.query).toEqual({ per_page: '5' })
    expect(fake.requests[1]?.body).toEqual({ body: 'hi' })
    expect(fake.requests[1]?.headers.authorization).toBe(`token ${fake.token}`)
  })

  it('refuses every change with 403 when the token is read-only, as on a fork', async () => {
    fake.setTokenAccess('read')
    const refused = await call(repo('/issues/1/comments'), { method: 'POST', body: { body: 'x' } })
    expect(refused.status).toBe(403)
    expect(await refused.json()).toMatchObject({
      message: 'Resource not accessible by integration'
    })
    expect((await call(repo('/issues/1/comments'))).status).toBe(200)
    fake.setTokenAccess('write')
    expect(
      (await call(repo('/issues/1/comments'), { method: 'POST', body: { body: 'x' } })).status
    ).toBe(201)
  })

  it('answers 403 with nothing remaining past the rate limit', async () => {
    await fake.close()
    fake = await startFakeGitHub({ ...BASE_OPTIONS, rateLimit: { limit: 2, windowMs: 60_000 } })
    await call(repo(''))
    await call(repo(''))
    const limited = await call(repo(''))
    expect(limited.status).toBe(403)
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0')
    expect(await limited.json()).toMatchObject({ message: expect.stringContaining('rate limit') })
  })

  it('answers 400 to a body that is not JSON', async () => {
    const response = await fetch(`${fake.url}${repo('/issues/1/comments')}`, {
      method: 'POST',
      headers: { Authorization: `token ${fake.token}`, 'Content-Type': 'application/json' },
      body: '{"body":'
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ message: 'Problems parsing JSON' })
  })
})

describe('the token user', () => {
  it('an installation token is no user: GET /user is refused, as GitHub does', async () => {
    const res = await call('/user')
    expect(res.status).toBe(403)
  })

  it("a personal access token's user is named", async () => {
    await fake.close()
    fake = await startFakeGitHub({ ...BASE_OPTIONS, botLogin: 'octo-maintainer' })
    expect((await json<{ login: string }>('/user')).login).toBe('octo-maintainer')
  })
})

describe('collaborator permissions', () => {
  const permission = (login: string, status = 200) =>
    json<RepositoryPermission>(repo(`/collaborators/${login}/permission`), {}, status)

  it('maps each role to GitHub legacy permission, keeping the role in role_name', async () => {
    const seen: Record<string, [string, string]> = {}
    for (const login of ['alice', 'mia', 'wes', 'tia', 'bob', 'acme']) {
      const answer = await permission(login)
      seen[login] = [answer.permission, answer.role_name]
      expect(answer.user.login).toBe(login)
    }
    expect(seen).toEqual({
      alice: ['admin', 'admin'],
      mia: ['write', 'maintain'],
      wes: ['write', 'write'],
      tia: ['read', 'triage'],
      bob: ['read', 'read'],
      acme: ['admin', 'admin']
    })
    const wes = await permission('wes')
    expect(wes.user.permissions).toEqual({
      admin: false,
      maintain: false,
      push: true,
      triage: true,
      pull: true
    })
    expect(wes.user.type).toBe('User')
  })

  it('reads logins case-insensitively and answers 404 for a user that does not exist', async () => {
    expect((await permission('ALICE')).user.login).toBe('alice')
    expect(await permission('nobody-at-all', 404)).toMatchObject({ message: 'Not Found' })
  })

  it('gives existing non-collaborators read on a public repository and none on a private one', async () => {
    expect((await permission('carol')).permission).toBe('read')
    await fake.close()
    fake = await startFakeGitHub({ ...BASE_OPTIONS, private: true })
    expect((await permission('carol')).permission).toBe('none')
    expect((await permission('alice')).permission).toBe('admin')
  })

  it('changes with setPermission, and forgets a user set to null', async () => {
    fake.setPermission('bob', 'write')
    expect((await permission('bob')).permission).toBe('write')
    fake.setPermission('newcomer', 'none')
    expect((await permission('newcomer')).permission).toBe('none')
    fake.setPermission('newcomer', null)
    await permission('newcomer', 404)
  })
})

describe('issue comments', () => {
  it('creates a comment as the token identity, then reads, edits and deletes it', async () => {
    const response = await call(repo('/issues/1/comments'), {
      method: 'POST',
      body: { body: 'Starting the agent' }
    })
    expect(response.status).toBe(201)
    const created = (await response.json()) as IssueComment
    expect(response.headers.get('location')).toBe(created.url)
    expect(created).toMatchObject({
      body: 'Starting the agent',
      user: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
      issue_url: `${fake.url}/repos/acme/site/issues/1`,
      html_url: `https://github.com/acme/site/issues/1#issuecomment-${created.id}`,
      author_association: 'NONE'
    })
    expect(created.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(created.node_id).toBe(Buffer.from(`012:IssueComment${created.id}`).toString('base64'))

    const path = repo(`/issues/comments/${created.id}`)
    expect(await json<IssueComment>(path)).toEqual(created)
    const edited = await json<IssueComment>(path, { method: 'PATCH', body: { body: 'Done' } })
    expect(edited).toMatchObject({ id: created.id, body: 'Done' })
    expect(fake.issueComments(1).map(c => c.body)).toEqual(['@netlify add a form', 'Done'])

    expect((await call(path, { method: 'DELETE' })).status).toBe(204)
    await json(path, {}, 404)
    expect(fake.comments().map(c => c.body)).toEqual(['@netlify add a form'])
  })

  it('comments on pull requests too, with their /pull/ web address', async () => {
    const created = await json<IssueComment>(
      repo('/issues/2/comments'),
      { method: 'POST', body: { body: 'On the PR' } },
      201
    )
    expect(created.html_url).toBe(`https://github.com/acme/site/pull/2#issuecomment-${created.id}`)
    expect(fake.issueComments(2)).toHaveLength(1)
    expect(fake.comments()).toHaveLength(2)
  })

  it('pages the list with per_page and a Link header Octokit can follow', async () => {
    for (let i = 1; i <= 6; i++) fake.addComment({ issue_number: 1, body: `c${i}`, user: 'bob' })

    const single = await call(repo('/issues/1/comments'))
    expect(single.headers.get('link')).toBeNull()
    expect(((await single.json()) as unknown[]).length).toBe(7)

    const bodies: string[] = []
    let next: string | null = `${fake.url}${repo('/issues/1/comments?per_page=3')}`
    const links: string[] = []
    while (next) {
      const response = await call(next)
      links.push(response.headers.get('link') ?? '')
      bodies.push(...((await response.json()) as IssueComment[]).map(c => c.body))
      next = nextLink(response)
    }
    expect(bodies).toEqual(['@netlify add a form', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6'])
    expect(links[0]).toBe(
      `<${fake.url}/repos/acme/site/issues/1/comments?per_page=3&page=2>; rel="next", ` +
        `<${fake.url}/repos/acme/site/issues/1/comments?per_page=3&page=3>; rel="last"`
    )
    expect(links[2]).toContain('rel="prev"')
    expect(links[2]).toContain('rel="first"')
    expect(links[2]).not.toContain('rel="next"')
  })

  it('refuses a missing, blank or too long body, and an issue that does not exist', async () => {
    const post = (body: unknown, issue = 1) =>
      call(repo(`/issues/${issue}/comments`), { method: 'POST', body })
    const missing = await post({})
    expect(missing.status).toBe(422)
    expect(await missing.json()).toMatchObject({ message: expect.stringContaining('"body"') })
    expect((await post({ body: '  ' })).status).toBe(422)
    const long = await post({ body: 'x'.repeat(65537) })
    expect(long.status).toBe(422)
    expect(await long.json()).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'IssueComment', field: 'body', code: 'custom' }]
    })
    expect((await post({ body: 'x'.repeat(65536) })).status).toBe(201)
    expect((await post({ body: 'hi' }, 99)).status).toBe(404)
  })

  it('counts comments on the issue', async () => {
    fake.addComment({ issue_number: 1, body: 'more' })
    expect((await json<Issue>(repo('/issues/1'))).comments).toBe(2)
  })
})

describe('reactions', () => {
  it('adds a reaction once: 201 the first time, 200 with the same reaction after', async () => {
    const [comment] = fake.issueComments(1)
    const path = repo(`/issues/comments/${comment?.id}/reactions`)
    const first = await json<Reaction>(path, { method: 'POST', body: { content: 'eyes' } }, 201)
    expect(first).toMatchObject({ content: 'eyes', user: { login: 'github-actions[bot]' } })
    const again = await json<Reaction>(path, { method: 'POST', body: { content: 'eyes' } }, 200)
    expect(again.id).toBe(first.id)
    await json(path, { method: 'POST', body: { content: 'rocket' } }, 201)

    expect((await json<Reaction[]>(path)).map(r => r.content)).toEqual(['eyes', 'rocket'])
    expect((await json<Reaction[]>(`${path}?content=rocket`)).map(r => r.content)).toEqual([
      'rocket'
    ])
    expect(fake.reactions(comment?.id ?? 0).map(r => r.content)).toEqual(['eyes', 'rocket'])
    expect(fake.comments()[0]?.reactions).toMatchObject({ total_count: 2, eyes: 1, rocket: 1 })

    expect((await call(`${path}/${first.id}`, { method: 'DELETE' })).status).toBe(204)
    expect(fake.reactions(comment?.id ?? 0).map(r => r.content)).toEqual(['rocket'])
  })

  it('reacts to review comments, whose ids never collide with issue comment ids', async () => {
    const [review] = fake.reviewComments(2)
    const [issueComment] = fake.issueComments(1)
    expect(review?.id).not.toBe(issueComment?.id)
    const path = repo(`/pulls/comments/${review?.id}/reactions`)
    await json(path, { method: 'POST', body: { content: '+1' } }, 201)
    expect((await json<Reaction[]>(path)).map(r => r.content)).toEqual(['+1'])
    expect(fake.reactions(review?.id ?? 0).map(r => r.content)).toEqual(['+1'])
    expect(fake.reactions(issueComment?.id ?? 0)).toEqual([])
    // An issue comment route does not find a review comment.
    await json(repo(`/issues/comments/${review?.id}/reactions`), {}, 404)
  })

  it('reacts to the issue itself', async () => {
    await json(repo('/issues/1/reactions'), { method: 'POST', body: { content: 'eyes' } }, 201)
    expect(fake.issueReactions(1).map(r => r.content)).toEqual(['eyes'])
  })

  it('refuses content GitHub does not know', async () => {
    const [comment] = fake.issueComments(1)
    const response = await call(repo(`/issues/comments/${comment?.id}/reactions`), {
      method: 'POST',
      body: { content: 'thumbsup' }
    })
    expect(response.status).toBe(422)
  })
})

describe('pull requests and issues', () => {
  it('reads a pull request by number, with head, base and the web address', async () => {
    const pull = await json<PullRequest>(repo('/pulls/2'))
    expect(pull).toMatchObject({
      number: 2,
      state: 'open',
      title: 'Agent: contact form',
      body: 'Made by the agent',
      html_url: 'https://github.com/acme/site/pull/2',
      user: { login: 'alice', type: 'User' },
      head: { ref: 'agent/contact-form', label: 'acme:agent/contact-form' },
      base: { ref: 'main', repo: { full_name: 'acme/site' } },
      merged: false,
      draft: false,
      author_association: 'COLLABORATOR'
    })
    expect(pull.head.sha).toMatch(/^[0-9a-f]{40}$/)
    expect(pull.head.repo?.full_name).toBe('acme/site')
    expect(fake.pull(2)).toEqual(pull)
    await json(repo('/pulls/1'), {}, 404)
  })

  it('marks pull requests in the issues API with a pull_request key, as GitHub does', async () => {
    const issue = await json<Issue>(repo('/issues/1'))
    expect(issue).toMatchObject({ number: 1, title: 'Add a contact form', state: 'open' })
    expect(issue).not.toHaveProperty('pull_request')
    const pull = await json<Issue>(repo('/issues/2'))
    expect(pull.pull_request).toMatchObject({ url: `${fake.url}/repos/acme/site/pulls/2` })
  })

  it('lists pull requests by state and by head owner:branch', async () => {
    const numbers = async (query: string) =>
      (await json<PullRequestSimple[]>(repo(`/pulls${query}`))).map(p => p.number)
    expect(await numbers('')).toEqual([3, 2])
    expect(await numbers('?state=closed')).toEqual([4])
    expect(await numbers('?state=all&direction=asc')).toEqual([2, 3, 4])
    expect(await numbers('?head=acme:agent/contact-form')).toEqual([2])
    expect(await numbers('?head=acme:agent/old&state=all')).toEqual([4])
    expect(await numbers('?head=mallory:patch-1')).toEqual([3])
    expect(await numbers('?head=acme:nope')).toEqual([])
    // GitHub ignores a head filter without the owner.
    expect(await numbers('?head=agent/contact-form')).toEqual([3, 2])
  })

  it('shows a fork pull request with the fork as head repository', async () => {
    const pull = await json<PullRequest>(repo('/pulls/3'))
    expect(pull.head).toMatchObject({
      label: 'mallory:patch-1',
      repo: { full_name: 'mallory/site', fork: true }
    })
    expect(pull.author_association).toBe('NONE')
  })

  it('adds pull requests from the test, numbered after the last one', async () => {
    const added = fake.addPull({ title: 'Later', head: 'agent/later', draft: true })
    expect(added).toMatchObject({ number: 5, draft: true, state: 'open' })
    expect((await json<PullRequest>(repo('/pulls/5'))).title).toBe('Later')
    expect(() => fake.addIssue({ number: 5 })).toThrow('already exists')
  })

  it('shows a pull request from a deleted fork with head.repo null, as GitHub does', async () => {
    fake.addPull({ number: 40, title: 'Orphan', user: 'mallory', head: { ref: 'p', repo: null } })
    const pull = await json<PullRequest>(repo('/pulls/40'))
    expect(pull.head).toMatchObject({ label: 'unknown:p', ref: 'p', repo: null })
    expect(pull.head.sha).toMatch(/^[0-9a-f]{40}$/)
  })
})

describe('review comments', () => {
  it('reads a review comment by id and answers a reply in its thread', async () => {
    const [seeded] = fake.reviewComments(2)
    const read = await json<ReviewComment>(repo(`/pulls/comments/${seeded?.id}`))
    expect(read).toMatchObject({
      body: '@netlify rename this',
      path: 'a.ts',
      user: { login: 'wes' },
      html_url: `https://github.com/acme/site/pull/2#discussion_r${seeded?.id}`,
      pull_request_url: `${fake.url}/repos/acme/site/pulls/2`
    })
    const reply = await json<ReviewComment>(
      repo(`/pulls/2/comments/${seeded?.id}/replies`),
      { method: 'POST', body: { body: 'On it' } },
      201
    )
    expect(reply).toMatchObject({ in_reply_to_id: seeded?.id, path: 'a.ts' })
    expect(fake.reviewComments(2).map(c => c.body)).toEqual(['@netlify rename this', 'On it'])
  })
})

describe('injected faults', () => {
  it('answers the matching request with the fault, then lets requests through', async () => {
    fake.injectFault({ path: repo('/issues/1/comments'), status: 502, times: 2 })
    expect((await call(repo('/issues/1/comments'))).status).toBe(502)
    const second = await call(repo('/issues/1/comments'))
    expect(second.status).toBe(502)
    expect(await second.json()).toMatchObject({ message: 'Bad Gateway' })
    expect((await call(repo('/issues/1/comments'))).status).toBe(200)
  })

  it('matches by method and RegExp, with a body of its own', async () => {
    fake.injectFault({
      method: 'POST',
      path: /\/issues\/\d+\/comments$/,
      status: 500,
      body: '{"message":"boom"}'
    })
    expect((await call(repo('/issues/1/comments'))).status).toBe(200)
    const failed = await call(repo('/issues/1/comments'), { method: 'POST', body: { body: 'x' } })
    expect(failed.status).toBe(500)
    expect(await failed.json()).toEqual({ message: 'boom' })
    expect(fake.issueComments(1)).toHaveLength(1)
  })

  it('can play a secondary rate limit, and clearFaults removes what is left', async () => {
    fake.injectFault({ path: /./, status: 403, retryAfter: '1', times: 5 })
    const limited = await call(repo(''))
    expect(limited.status).toBe(403)
    expect(limited.headers.get('retry-after')).toBe('1')
    fake.injectFault({ path: repo('/pulls/2'), status: 429, rateLimitReset: 1_900_000_000 })
    fake.clearFaults()
    expect((await call(repo('/pulls/2'))).status).toBe(200)

    fake.injectFault({ path: repo('/pulls/2'), status: 429, rateLimitReset: 1_900_000_000 })
    const exhausted = await call(repo('/pulls/2'))
    expect(exhausted.status).toBe(429)
    expect(exhausted.headers.get('x-ratelimit-remaining')).toBe('0')
    expect(exhausted.headers.get('x-ratelimit-reset')).toBe('1900000000')
  })

  it('applies a fault after the real work when asked, so the change happened anyway', async () => {
    fake.injectFault({ method: 'POST', path: repo('/issues/1/comments'), status: 504, after: true })
    const response = await call(repo('/issues/1/comments'), { method: 'POST', body: { body: 'y' } })
    expect(response.status).toBe(504)
    expect(fake.issueComments(1).map(c => c.body)).toEqual(['@netlify add a form', 'y'])
  })
})

describe('Octokit from @actions/github', () => {
  it('comments, pages, reads permissions, reacts and finds pull requests', async () => {
    const { getOctokit } = await import('@actions/github')
    const octokit = getOctokit(fake.token, { baseUrl: fake.url })
    const owner = 'acme'
    const repoName = 'site'

    const { data: created, status } = await octokit.rest.issues.createComment({
      owner,
      repo: repoName,
      issue_number: 1,
      body: 'Starting'
    })
    expect(status).toBe(201)
    expect(created.user?.login).toBe('github-actions[bot]')

    for (let i = 0; i < 4; i++) fake.addComment({ issue_number: 1, body: `extra ${i}` })
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo: repoName,
      issue_number: 1,
      per_page: 2
    })
    expect(all.map(c => c.body)).toEqual([
      '@netlify add a form',
      'Starting',
      'extra 0',
      'extra 1',
      'extra 2',
      'extra 3'
    ])
    expect(fake.requests.filter(r => r.path.endsWith('/issues/1/comments'))).toHaveLength(4)

    const { data: updated } = await octokit.rest.issues.updateComment({
      owner,
      repo: repoName,
      comment_id: created.id,
      body: 'Done'
    })
    expect(updated.body).toBe('Done')

    const { data: permission } = await octokit.rest.repos.getCollaboratorPermissionLevel({
      owner,
      repo: repoName,
      username: 'mia'
    })
    expect(permission).toMatchObject({ permission: 'write', role_name: 'maintain' })
    await expect(
      octokit.rest.repos.getCollaboratorPermissionLevel({
        owner,
        repo: repoName,
        username: 'ghost-user'
      })
    ).rejects.toMatchObject({ status: 404 })

    const [trigger] = fake.issueComments(1)
    const reaction = await octokit.rest.reactions.createForIssueComment({
      owner,
      repo: repoName,
      comment_id: trigger?.id ?? 0,
      content: 'eyes'
    })
    expect(reaction.status).toBe(201)
    expect(fake.reactions(trigger?.id ?? 0).map(r => r.content)).toEqual(['eyes'])
    const [review] = fake.reviewComments(2)
    await octokit.rest.reactions.createForPullRequestReviewComment({
      owner,
      repo: repoName,
      comment_id: review?.id ?? 0,
      content: 'rocket'
    })
    expect(fake.reactions(review?.id ?? 0).map(r => r.content)).toEqual(['rocket'])

    const { data: pull } = await octokit.rest.pulls.get({ owner, repo: repoName, pull_number: 2 })
    expect(pull.head.ref).toBe('agent/contact-form')
    const { data: byHead } = await octokit.rest.pulls.list({
      owner,
      repo: repoName,
      head: 'acme:agent/contact-form',
      state: 'open'
    })
    expect(byHead.map(p => p.number)).toEqual([2])

    expect(fake.requests.every(r => r.headers.authorization === `token ${fake.token}`)).toBe(true)
  })

  it('surfaces a fault as a RequestError with the status and message', async () => {
    const { getOctokit } = await import('@actions/github')
    const octokit = getOctokit('ghs_wrong', { baseUrl: fake.url })
    await expect(
      octokit.rest.pulls.get({ owner: 'acme', repo: 'site', pull_number: 2 })
    ).rejects.toMatchObject({ status: 401, message: expect.stringContaining('Bad credentials') })
  })
})

describe('bodies as GitHub shows them (media types)', () => {
  const FULL = { Accept: 'application/vnd.github.full+json' }

  it('the full media type adds body_text and body_html, rendered as GitHub renders Markdown', async () => {
    const comment = fake.addComment({
      issue_number: 1,
      body: '@alice see `x`<!-- hidden -->\n\n<div hidden>shown</div>\n\n![alt](https://x.io/a.png)'
    })
    const response = await call(repo(`/issues/comments/${comment.id}`), { headers: FULL })
    expect(response.headers.get('x-github-media-type')).toBe('github.v3; param=full; format=json')
    const body = (await response.json()) as IssueComment & { body_html: string; body_text: string }
    expect(body.body).toBe(comment.body)
    expect(body.body_html).toBe(
      '<p><a class="user-mention notranslate" data-hovercard-type="user" href="https://github.com/alice">@alice</a> see <code>x</code></p>\n' +
        '<div>shown</div>\n' +
        '<p><a target="_blank" rel="noopener noreferrer" href="https://x.io/a.png"><img src="https://x.io/a.png" alt="alt" style="max-width: 100%;"></a></p>\n'
    )
    expect(body.body_text).toBe('@alice see x shown')
  })

  it('raw (the default) is the Markdown alone, html the HTML alone, for issues and review comments too', async () => {
    const plain = await json<Record<string, unknown>>(repo('/issues/1'))
    expect(plain.body).toBe('@netlify please')
    expect(plain).not.toHaveProperty('body_html')
    const html = await json<Record<string, unknown>>(repo('/issues/1'), {
      headers: { Accept: 'application/vnd.github.v3.html+json' }
    })
    expect(html).not.toHaveProperty('body')
    expect(html.body_html).toContain('>@netlify</a> please</p>')
    const [review] = fake.reviewComments(2)
    const full = await json<Record<string, unknown>>(repo(`/pulls/comments/${review?.id}`), {
      headers: FULL
    })
    expect(full.body_html).toContain('rename this')
  })

  it("the action's client reads an issue, a comment and a review comment with the full media type", async () => {
    const { createGitHubClient } = await import('../src/github/client.js')
    const github = await createGitHubClient(fake.token, 'acme/site', { baseUrl: fake.url })
    const [comment] = fake.issueComments(1)
    const [review] = fake.reviewComments(2)
    const issue = await github.rendered({ kind: 'issue', number: 1 })
    expect(issue.body).toBe('@netlify please')
    expect(issue.html).toContain('please</p>')
    expect((await github.rendered({ kind: 'issue-comment', id: comment!.id })).body).toBe(
      '@netlify add a form'
    )
    expect((await github.rendered({ kind: 'review-comment', id: review!.id })).html).toContain(
      'rename this'
    )
    expect(fake.requests.slice(-3).map(r => r.headers.accept)).toEqual(
      // Octokit's `mediaType: { format: 'full' }`; GitHub takes it as application/vnd.github.full+json.
      Array(3).fill('application/vnd.github.v3.full')
    )
  })
})

describe('standalone CLI', () => {
  it('serves the repository, roles and issues it is given, logs requests and exits on SIGTERM', async () => {
    const cli = await startFakeCli(
      '__fixtures__/fake-github/cli.ts',
      [
        ...['--port', '0', '--token', 'ghs_cli', '--owner', 'octo', '--repo', 'site'],
        ...['--permission', 'alice=write', '--issue', '12:Header "Docs" link is stale']
      ],
      /^Fake GitHub API listening on (http:\/\/127\.0\.0\.1:\d+) \(octo\/site, token ghs_cli\)\n/
    )
    try {
      const get = (path: string) =>
        fetch(`${cli.url}/repos/octo/site${path}`, { headers: { Authorization: 'token ghs_cli' } })
      const role = (await (await get('/collaborators/alice/permission')).json()) as {
        role_name: string
      }
      expect(role.role_name).toBe('write')
      const issue = (await (await get('/issues/12')).json()) as { title: string }
      expect(issue.title).toBe('Header "Docs" link is stale')
      await cli.waitForStderr('GET /repos/octo/site/issues/12 -> 200')
    } finally {
      expect(await cli.stop()).toEqual({ code: 0, signal: null })
    }
  })

  it('refuses a role GitHub does not have, with the usage', async () => {
    await expect(
      startFakeCli('__fixtures__/fake-github/cli.ts', ['--permission', 'alice=owner'], /(never)/)
    ).rejects.toThrow(/exited early \(2\): --permission takes LOGIN=admin\|maintain/)
  })
})
