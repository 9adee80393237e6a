import {describe, expect, it} from 'vitest'

import {catalogues} from '../../src/i18n/messages/index.js'

describe('message catalogues', () => {
  it('define each key once, in both languages', () => {
    const seen = new Map<string, number>()
    for (const [i, c] of catalogues.entries()) {
      for (const [key, m] of Object.entries(c)) {
        expect(seen.has(key), `${key} is in catalogues ${seen.get(key)} and ${i}`).toBe(false)
        seen.set(key, i)
        expect(m.en.trim(), `${key} has no English`).not.toBe('')
        expect(m.zh.trim(), `${key} has no Chinese`).not.toBe('')
        const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort()
        expect(vars(m.zh), `${key}: the two languages name different variables`).toEqual(vars(m.en))
      }
    }
    expect(seen.size).toBeGreaterThan(50)
  })
})
