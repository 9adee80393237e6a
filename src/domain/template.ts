// Reply templates: text with {{variable}} or {{variable | filter}} placeholders. Parsing is
// strict so an unknown variable fails when the template is added, never when a reply goes out.

export const TEMPLATE_VARIABLES = {
  citizen: 'the message author (留言用户), else 市民',
  'case.title': 'the message title (留言主题)',
  'case.ref': 'the message number (留言编号)',
  'case.id': "board's case id",
  'case.category': 'the category (分类)',
  unit: 'the handling unit',
  handler: 'the handler',
  postedAt: 'when the message was posted (a time)',
  today: 'the day the reply is drafted (a time)',
} as const

export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES

const TIME_VARIABLES = new Set<string>(['postedAt', 'today'])
export const TEMPLATE_FILTERS = ['date', 'datetime'] as const

const PLACEHOLDER = /\{\{\s*([^{}|]*?)\s*(?:\|\s*([^{}]*?)\s*)?\}\}/g

export interface Placeholder {
  text: string
  variable: string
  filter: string | null
}

export function placeholdersOf(body: string): Placeholder[] {
  return [...body.matchAll(PLACEHOLDER)].map((m) => ({text: m[0], variable: m[1], filter: m[2] ?? null}))
}

/** Problems with a template body; empty when it can be rendered for any case. */
export function validateTemplate(body: string): string[] {
  const problems: string[] = []
  if (body.trim() === '') problems.push('the template is empty')
  for (const p of placeholdersOf(body)) {
    if (!(p.variable in TEMPLATE_VARIABLES)) {
      problems.push(`unknown variable "${p.variable}" in ${p.text} (known: ${Object.keys(TEMPLATE_VARIABLES).join(', ')})`)
    } else if (p.filter !== null && !(TEMPLATE_FILTERS as readonly string[]).includes(p.filter)) {
      problems.push(`unknown filter "${p.filter}" in ${p.text} (known: ${TEMPLATE_FILTERS.join(', ')})`)
    } else if (p.filter !== null && !TIME_VARIABLES.has(p.variable)) {
      problems.push(`filter "${p.filter}" needs a time, and ${p.variable} is text, in ${p.text}`)
    }
  }
  const stray = body.replace(PLACEHOLDER, '')
  if (/\{\{|\}\}/.test(stray)) problems.push('unbalanced {{ or }}')
  return problems
}

export interface TemplateContext {
  citizen: string | null
  case: {id: number; ref: string; title: string; category: string | null}
  unit: string | null
  handler: string | null
  postedAt: string
  /** Passed in, never read from the clock here. */
  today: Date
}

/** Renders a validated template; times are shown in tz (Chinese date style, as replies are written). */
export function renderTemplate(body: string, ctx: TemplateContext, tz: string): string {
  return body.replace(PLACEHOLDER, (_all, variable: string, filter: string | undefined) => {
    switch (variable as TemplateVariable) {
      case 'citizen':
        return ctx.citizen ?? '市民'
      case 'case.title':
        return ctx.case.title
      case 'case.ref':
        return ctx.case.ref
      case 'case.id':
        return String(ctx.case.id)
      case 'case.category':
        return ctx.case.category ?? ''
      case 'unit':
        return ctx.unit ?? ''
      case 'handler':
        return ctx.handler ?? ''
      case 'postedAt':
        return formatChinese(new Date(ctx.postedAt), tz, filter ?? 'datetime')
      case 'today':
        return formatChinese(ctx.today, tz, filter ?? 'date')
      default:
        throw new Error(`template variable ${variable} was not validated`)
    }
  })
}

function formatChinese(d: Date, tz: string, filter: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {timeZone: tz, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'})
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  )
  const day = `${parts.year}年${Number(parts.month)}月${Number(parts.day)}日`
  return filter === 'date' ? day : `${day} ${parts.hour}:${parts.minute}`
}
