// The sites the fake knows, and their `GET /api/v1/sites/{site_id}` representation.

export interface FakeSite {
  id: string
  name: string
  account_id: string
  account_slug?: string
  /** Whether the site is backed by a git repository; default true. */
  git?: boolean
  /** The production branch; default 'main'. */
  repo_branch?: string
}

export const DEFAULT_SITE: FakeSite = {
  id: 'site-1',
  name: 'fake-site',
  account_id: 'account-1',
  git: true
}

export function isGitSite(site: FakeSite): boolean {
  return site.git ?? true
}

export function productionBranch(site: FakeSite): string {
  return site.repo_branch ?? 'main'
}

export function accountSlug(site: FakeSite): string {
  return site.account_slug ?? `${site.account_id}-slug`
}

export function repoUrl(site: FakeSite): string {
  return `https://github.com/fake-org/${site.name}`
}

export function renderSite(site: FakeSite): Record<string, unknown> {
  const url = `https://${site.name}.netlify.app`
  return {
    id: site.id,
    site_id: site.id,
    name: site.name,
    account_id: site.account_id,
    account_slug: accountSlug(site),
    account_name: site.account_id,
    url,
    ssl_url: url,
    admin_url: `https://app.netlify.com/projects/${site.name}`,
    build_settings: isGitSite(site)
      ? {
          repo_url: repoUrl(site),
          repo_branch: productionBranch(site),
          repo_path: `fake-org/${site.name}`,
          provider: 'github'
        }
      : null
  }
}
