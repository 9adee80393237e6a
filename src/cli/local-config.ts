import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'

import {BoardError} from '../errors.js'

/** Machine-local settings; what a team shares lives in the store instead. */
export interface LocalConfig {
  store?: string
  locale?: string
  timezone?: string
  actor?: string
}

export function configPath(configDir: string): string {
  return process.env.BOARD_CONFIG ?? join(configDir, 'config.json')
}

export function readLocalConfig(configDir: string): LocalConfig {
  const path = configPath(configDir)
  if (!existsSync(path)) return {}
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as unknown
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object')
    return value as LocalConfig
  } catch (error) {
    throw new BoardError(`config file ${path} is not valid JSON: ${(error as Error).message}`, {suggestion: 'fix or delete the file'})
  }
}

/** --store, else BOARD_STORE, else the config file, else the default in oclif's data dir. */
export function resolveStoreLocation(flag: string | undefined, config: LocalConfig, dataDir: string): string {
  return flag ?? process.env.BOARD_STORE ?? config.store ?? join(dataDir, 'board.db')
}
