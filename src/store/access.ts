// Who may see what, kept by the database itself. Only PostgreSQL has roles and row-level
// security; on SQLite `store.access` is undefined (whoever can open the file sees everything).

export interface GrantResult {
  role: string
  /** The role did not exist and was created (LOGIN, no password: set one with ALTER ROLE or use .pgpass/trust). */
  created: boolean
  /** The unit granted, or null for --admin. */
  unit: {code: string; name: string} | null
  /** How many units the role now reaches (the granted units and every unit below them). */
  units: number
  admin: boolean
}

export interface RoleGrant {
  role: string
  unit: string
  grantedBy: string
  grantedAt: string
}

export interface AccessControl {
  /** Lets role see and change the cases of unitId and of every unit below it (and nothing else). */
  grantUnit(role: string, unitId: number, opts: {actor: string; now: Date}): Promise<GrantResult>
  /** Makes role a member of board_admin, which sees and changes everything. */
  grantAdmin(role: string, opts: {actor: string; now: Date}): Promise<GrantResult>
  /** Removes one unit grant; false when the role did not have it. The role itself is kept. */
  revokeUnit(role: string, unitId: number, opts: {actor: string; now: Date}): Promise<boolean>
  list(): Promise<RoleGrant[]>
  /** Whether the connected role is an admin (the tables' owner, a superuser or board_admin). */
  isAdmin(): Promise<boolean>
}
