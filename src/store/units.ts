export interface Unit {
  id: number
  code: string
  name: string
  parentId: number | null
  kind: string | null
  /** Who is escalated to (an email address or a channel name). */
  supervisor: string | null
}

export interface Handler {
  id: number
  code: string
  name: string
  unitId: number
  email: string | null
  onDuty: boolean
  /** Most open cases at once; null means no limit. */
  capacity: number | null
}

export interface NewUnit {
  code: string
  name: string
  parentCode?: string | null
  kind?: string | null
  supervisor?: string | null
}

export interface NewHandler {
  code: string
  name: string
  unitCode: string
  email?: string | null
  onDuty?: boolean
  capacity?: number | null
}

export interface UnitRepository {
  /** Inserts or updates by code; returns the stored unit. */
  upsert(unit: NewUnit, opts: {actor: string; now: Date}): Promise<Unit>
  get(id: number): Promise<Unit | undefined>
  /** By code, or by exact name. */
  find(codeOrName: string): Promise<Unit | undefined>
  list(): Promise<Unit[]>
  /** The unit and every unit below it. */
  subtree(id: number): Promise<Unit[]>
}

export interface HandlerRepository {
  upsert(handler: NewHandler, opts: {actor: string; now: Date}): Promise<Handler>
  get(id: number): Promise<Handler | undefined>
  find(codeOrName: string, unitId?: number): Promise<Handler | undefined>
  list(filter?: {unitId?: number; onDuty?: boolean}): Promise<Handler[]>
  /** Open cases (not closed, rejected or merged) per handler id. */
  openLoad(unitId: number): Promise<Map<number, number>>
}
