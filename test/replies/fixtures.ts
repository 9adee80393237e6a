import type {IncomingCase} from '../../src/domain/case.js'

export function incoming(ref: string, over: Partial<IncomingCase> = {}): IncomingCase {
  return {
    source: 'test', ref, title: `标题 ${ref}`, body: '小区停水三天了', author: 'U1', contact: null,
    postedAt: '2024-02-28T01:00:00.000Z', region: null, addressee: null, type: null, category: null,
    likes: null, dislikes: null, reply: null, resolvedAt: null, extra: null, ...over,
  }
}

export const GOOD_REPLY = '您好！您反映的小区停水问题已收悉。经核实，供水管道于2月27日爆裂，已安排抢修，3月2日前恢复供水。如有疑问请致电0731-88888888。'
