import {keyTerms, overlap} from './key-terms.js'
import type {ReplyRules} from './reply-policy.js'

// Quality rules a reply is checked against before approval. Each finding names its rule and a
// reason a clerk can act on. Heuristics over plain text: they warn, and block only where a unit's
// policy says so.

export type CheckRule = 'too-short' | 'off-topic' | 'no-action' | 'no-contact' | 'personal-data'

export interface CheckFinding {
  rule: CheckRule
  reason: string
}

export interface CheckInput {
  reply: string
  message: {title: string; body: string; contact: string | null}
}

// A date, a deadline or a period, or a step taken, planned or found: something the citizen can hold the unit to.
const TIME = /\d{4}\s*年|\d{1,2}\s*月\s*\d{0,2}|\d+\s*个?(?:工作日|日|天|周|星期|小时|月)(?:内|前|后)?|近日|日前|近期|目前|年底|月底|年内|下一步|即日起|尽快/
const ACTION =
  /已(?:经)?(?:安排|责成|督促|协调|联系|派|组织|完成|修复|整改|处理|查处|立案|解决|落实|开展|启动|纳入|下发|拨付|到位|恢复|清理|核实|调查|查明|办理|制定|出台|实施|要求|通知|约谈|暂停|停止|拆除|取缔)|经(?:查|核实|调查|了解|研究|核查|现场)|正在|将(?:于|会|在|对|按|继续|进一步|加快|加大)|拟|计划|整改|处罚|罚款|立案|批复|审批|验收|开工|竣工/
const CONTACT =
  /电话|热线|12345|联系(?:人|方式|我|本)|与.{0,12}联系|致电|来电|拨打|咨询|如有(?:疑问|问题|需要|不明)|邮箱|信箱|窗口|办公室|地址|回访|跟踪|后续|进展|告知|下一步|继续|持续|督促|可(?:向|到|与|通过|自|持)|申请|复议|诉讼|投诉|举报|\d{3,4}-\d{7,8}/
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g
const ID_CARD = /(?<![\dXx])\d{17}[\dXx](?![\dXx])/g

export function checkReply(input: CheckInput, rules: Pick<ReplyRules, 'minLength' | 'minOverlap'>): CheckFinding[] {
  const findings: CheckFinding[] = []
  const text = input.reply.replace(/\s+/g, '')
  const length = [...text].length
  if (length < rules.minLength) findings.push({rule: 'too-short', reason: `only ${length} characters (at least ${rules.minLength} expected)`})
  const keys = keyTerms(input.message.title, input.message.body)
  const {share, found} = overlap(keys, input.reply)
  if (share < rules.minOverlap) {
    const missing = [...keys].filter((k) => !found.includes(k)).slice(0, 6)
    findings.push({
      rule: 'off-topic',
      reason: `mentions ${Math.round(share * 100)}% of the message's key terms (at least ${Math.round(rules.minOverlap * 100)}% expected; e.g. missing ${missing.join('、')})`,
    })
  }
  if (!TIME.test(text) && !ACTION.test(text)) findings.push({rule: 'no-action', reason: 'states no concrete action, result or time'})
  if (!CONTACT.test(text)) findings.push({rule: 'no-contact', reason: 'gives no contact or follow-up (a phone number, an office, how to ask again)'})
  const own = `${input.message.body} ${input.message.contact ?? ''}`.replace(/\s+/g, '')
  const leaked = [...(text.match(MOBILE) ?? []), ...(text.match(ID_CARD) ?? []).filter(validIdCard)].filter((n) => !own.includes(n))
  if (leaked.length > 0) {
    findings.push({rule: 'personal-data', reason: `contains ${leaked.length} phone or ID-card number(s) not from this citizen: ${leaked.map(mask).join(', ')}`})
  }
  return findings
}

/** GB 11643 check digit: keeps long order numbers from passing as ID cards. */
export function validIdCard(id: string): boolean {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = weights.reduce((s, w, i) => s + w * Number(id[i]), 0)
  return '10X98765432'[sum % 11] === id[17].toUpperCase()
}

function mask(n: string): string {
  return n.slice(0, 3) + '*'.repeat(n.length - 7) + n.slice(-4)
}
