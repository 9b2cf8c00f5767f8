// Who exists and what role each has on the repository. Logins compare case-insensitively, as
// on GitHub, and keep the spelling they were first given.
import type { AuthorAssociation, Permission, RoleName } from './types.js'

export const ROLE_NAMES: readonly RoleName[] = [
  'none',
  'read',
  'triage',
  'write',
  'maintain',
  'admin'
]

/** GitHub's legacy `permission` for each role: maintain reads as write, triage as read. */
export const LEGACY_PERMISSION: Record<RoleName, Permission> = {
  admin: 'admin',
  maintain: 'write',
  write: 'write',
  triage: 'read',
  read: 'read',
  none: 'none'
}

export interface UsersOptions {
  owner: string
  /** Private repositories give existing non-collaborators 'none' instead of 'read'. */
  isPrivate: boolean
  roles: Record<string, RoleName>
}

export class Users {
  private readonly logins = new Map<string, string>()
  private readonly roles = new Map<string, RoleName>()

  constructor(private readonly options: UsersOptions) {
    this.remember(options.owner)
    for (const [login, role] of Object.entries(options.roles)) this.setRole(login, role)
  }

  /** The login as first spelled; registers it as an existing user. */
  remember(login: string): string {
    const key = login.toLowerCase()
    const known = this.logins.get(key)
    if (known !== undefined) return known
    this.logins.set(key, login)
    return login
  }

  /** null forgets the user entirely, so the permission endpoint answers 404 for them. */
  setRole(login: string, role: RoleName | null): void {
    const key = login.toLowerCase()
    if (role === null) {
      this.roles.delete(key)
      this.logins.delete(key)
      return
    }
    if (!ROLE_NAMES.includes(role)) throw new Error(`Unknown role '${String(role)}' for ${login}`)
    this.remember(login)
    this.roles.set(key, role)
  }

  /** The canonical login, or null for a user GitHub would not know. */
  find(login: string): string | null {
    return this.logins.get(login.toLowerCase()) ?? null
  }

  /** The owner is an admin unless told otherwise; a public repository lets anyone read. */
  roleOf(login: string): RoleName {
    const key = login.toLowerCase()
    const role = this.roles.get(key)
    if (role !== undefined) return role
    if (key === this.options.owner.toLowerCase()) return 'admin'
    return this.options.isPrivate ? 'none' : 'read'
  }

  association(login: string): AuthorAssociation {
    const key = login.toLowerCase()
    if (key === this.options.owner.toLowerCase()) return 'OWNER'
    const role = this.roles.get(key)
    return role !== undefined && role !== 'none' ? 'COLLABORATOR' : 'NONE'
  }
}
