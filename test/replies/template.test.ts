import {describe, expect, it} from 'vitest'

import {placeholdersOf, renderTemplate, validateTemplate} from '../../src/domain/template.js'

const ctx = {
  citizen: 'A00031618',
  case: {id: 7, ref: '2555', title: '请加快提高A市民营幼儿园老师的待遇', category: '教育文体'},
  unit: 'A市教育局',
  handler: '张三',
  postedAt: '2019-04-24T07:40:04.000Z',
  today: new Date('2019-05-09T16:30:00Z'),
}

describe('reply templates', () => {
  it('renders every variable, times in the configured zone', () => {
    const body = '{{citizen}}您好！您于{{ postedAt | date }}反映的“{{case.title}}”（{{case.ref}}，#{{case.id}}，{{case.category}}）由{{unit}}{{handler}}办理。{{postedAt}} / {{today}}'
    expect(validateTemplate(body)).toEqual([])
    expect(renderTemplate(body, ctx, 'Asia/Shanghai')).toBe(
      'A00031618您好！您于2019年4月24日反映的“请加快提高A市民营幼儿园老师的待遇”（2555，#7，教育文体）由A市教育局张三办理。2019年4月24日 15:40 / 2019年5月10日',
    )
  })

  it('falls back to 市民 when the author is unknown', () => {
    expect(renderTemplate('{{citizen}}', {...ctx, citizen: null}, 'UTC')).toBe('市民')
  })

  it('rejects unknown variables and filters, and filters on text, when the template is added', () => {
    expect(validateTemplate('{{name}}')[0]).toMatch(/unknown variable "name"/)
    expect(validateTemplate('{{postedAt | upper}}')[0]).toMatch(/unknown filter "upper"/)
    expect(validateTemplate('{{citizen | date}}')[0]).toMatch(/needs a time/)
    expect(validateTemplate('hello {{citizen')).toEqual(['unbalanced {{ or }}'])
    expect(validateTemplate('  ')).toContain('the template is empty')
  })

  it('lists placeholders with their filters', () => {
    expect(placeholdersOf('{{a}} {{ b | date }}')).toEqual([
      {text: '{{a}}', variable: 'a', filter: null},
      {text: '{{ b | date }}', variable: 'b', filter: 'date'},
    ])
  })
})

describe('reply templates (properties)', () => {
  it('a template that validates always renders, leaving no placeholder behind', async () => {
    const fc = (await import('fast-check')).default
    const piece = fc.oneof(
      fc.string({maxLength: 6}),
      fc.constantFrom('{{citizen}}', '{{ case.title }}', '{{postedAt | date}}', '{{today|datetime}}', '{{unit}}', '{{', '}}', '{{nope}}', '{{case.ref | date}}'),
    )
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 8}), (parts) => {
        const body = parts.join('')
        const problems = validateTemplate(body)
        if (problems.length > 0) return
        const out = renderTemplate(body, ctx, 'Asia/Shanghai')
        expect(out).not.toMatch(/\{\{|\}\}/)
      }),
      {numRuns: 500},
    )
  })
})
