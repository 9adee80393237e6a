import Database from 'better-sqlite3'
import {parentPort, workerData} from 'node:worker_threads'

import {registerFunctions} from './functions.js'

// One read-only query on a connection of its own, so that a long aggregate can use a second
// core beside the main thread's (SqliteExecutor.allConcurrently).

export interface ReadJob {
  path: string
  sql: string
  params: unknown[]
}

const job = workerData as ReadJob
try {
  const db = new Database(job.path, {readonly: true, fileMustExist: true})
  db.pragma('busy_timeout = 5000')
  registerFunctions(db)
  const rows = db.prepare(job.sql).all(...job.params)
  db.close()
  parentPort!.postMessage({rows})
} catch (error) {
  parentPort!.postMessage({error: (error as Error).message})
}
