import type {Theme} from '@oclif/core/interfaces'
import {ux} from '@oclif/core/ux'

/**
 * --json text: pretty JSON, coloured only where a theme asks for colours and the terminal shows
 * them. oclif's colorizeJson tokenises the whole text with regular expressions even when it
 * colours nothing: on a listing of 20,000 cases that was a third of the command's CPU.
 */
export function jsonText(json: unknown, theme: Theme['json'], color: boolean): string {
  if (theme && color) return ux.colorizeJson(json, {pretty: true, theme})
  return JSON.stringify(json, null, 2)
}
