import {ux} from '@oclif/core/ux'
import {describe, expect, it} from 'vitest'

import {jsonText} from '../../src/cli/json-output.js'

const sample = {
  count: 2,
  rows: [{title: 'quote " back\\slash\ttab\nline', unit: '市住建局 😀', late: -1.5e-7, none: null, ok: true}, {nested: {empty: [], obj: {}}}],
}

describe('--json text', () => {
  it('is the text oclif would print when nothing is coloured', () => {
    expect(jsonText(sample, undefined, true)).toBe(ux.colorizeJson(sample, {pretty: true}))
    expect(jsonText(sample, {key: 'red'}, false)).toBe(JSON.stringify(sample, null, 2))
  })

  it('goes through the theme when colours are on', () => {
    expect(jsonText(sample, {key: 'red'}, true)).toBe(ux.colorizeJson(sample, {pretty: true, theme: {key: 'red'}}))
  })
})
