import {readFileSync} from 'node:fs'

import {UsageError} from '../../errors.js'

/** The fields an import can fill; each source column maps to at most one. */
export const FIELDS = [
  'ref', 'author', 'title', 'postedAt', 'body', 'category', 'reply', 'repliedAt', 'likes', 'dislikes',
  'contact', 'region', 'addressee', 'type', 'resolvedAt', 'urgency',
] as const
export type Field = (typeof FIELDS)[number]

// Headers of the TipDM / leader-message-board exports and their English equivalents.
const KNOWN: Record<string, Field> = {
  留言编号: 'ref', 编号: 'ref', id: 'ref', ref: 'ref',
  留言用户: 'author', 用户: 'author', author: 'author', user: 'author',
  留言主题: 'title', 主题: 'title', 标题: 'title', title: 'title', subject: 'title',
  留言时间: 'postedAt', 时间: 'postedAt', posted_at: 'postedAt', postedat: 'postedAt', created_at: 'postedAt',
  留言详情: 'body', 详情: 'body', 内容: 'body', 留言内容: 'body', body: 'body', text: 'body', content: 'body',
  一级标签: 'category', 一级分类: 'category', 分类: 'category', 类别: 'category', category: 'category', label: 'category',
  答复意见: 'reply', 答复内容: 'reply', 回复: 'reply', reply: 'reply',
  答复时间: 'repliedAt', 回复时间: 'repliedAt', replied_at: 'repliedAt', repliedat: 'repliedAt',
  点赞数: 'likes', likes: 'likes',
  反对数: 'dislikes', dislikes: 'dislikes',
  联系方式: 'contact', 联系电话: 'contact', contact: 'contact',
  地区: 'region', 区域: 'region', 所属地区: 'region', region: 'region',
  留言对象: 'addressee', addressee: 'addressee',
  类型: 'type', 留言类型: 'type', type: 'type',
  办结时间: 'resolvedAt', resolved_at: 'resolvedAt', resolvedat: 'resolvedAt',
  紧急程度: 'urgency', 紧急标记: 'urgency', urgency: 'urgency', flags: 'urgency',
}

/** field → the column indexes that feed it (several are joined with a blank line). */
export type ColumnMap = Partial<Record<Field, number[]>>

export interface MapFile {
  fields: Partial<Record<Field, string | string[]>>
  timezone?: string
  dateFormat?: string
  source?: string
}

export function recogniseHeaders(header: string[]): ColumnMap {
  const map: ColumnMap = {}
  header.forEach((h, i) => {
    const field = KNOWN[h.trim().toLowerCase()] ?? KNOWN[h.trim()]
    if (field && !map[field]) map[field] = [i]
  })
  return map
}

export function applyMapFile(header: string[], mapFile: MapFile, file: string): ColumnMap {
  const map: ColumnMap = {}
  for (const [field, cols] of Object.entries(mapFile.fields)) {
    const names = Array.isArray(cols) ? cols : [cols as string]
    map[field as Field] = names.map((name) => {
      const i = header.findIndex((h) => h.trim() === name)
      if (i < 0) throw new UsageError(`${file}: the map names column "${name}" for ${field}, but the file has no such column`, `columns are: ${header.join(', ')}`)
      return i
    })
  }
  return map
}

export async function loadMapFile(path: string): Promise<MapFile> {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read map file ${path}: ${(error as Error).message}`)
  }
  let value: unknown
  try {
    value = /\.ya?ml$/i.test(path) ? (await import('yaml')).parse(text) : JSON.parse(text)
  } catch (error) {
    throw new UsageError(`map file ${path} does not parse: ${(error as Error).message}`)
  }
  const v = value as MapFile
  if (!v || typeof v !== 'object' || !v.fields || typeof v.fields !== 'object') throw new UsageError(`map file ${path}: key "fields" (field: column) is required`)
  for (const [field, cols] of Object.entries(v.fields)) {
    if (!(FIELDS as readonly string[]).includes(field)) throw new UsageError(`map file ${path}: fields.${field} is not a field board knows`, `known fields: ${FIELDS.join(', ')}`)
    const ok = typeof cols === 'string' || (Array.isArray(cols) && cols.every((c) => typeof c === 'string'))
    if (!ok) throw new UsageError(`map file ${path}: fields.${field} must be a column name or a list of column names`)
  }
  if (v.timezone !== undefined && typeof v.timezone !== 'string') throw new UsageError(`map file ${path}: timezone must be text`)
  if (v.dateFormat !== undefined && typeof v.dateFormat !== 'string') throw new UsageError(`map file ${path}: dateFormat must be text`)
  return v
}

export function missingRequired(map: ColumnMap): Field[] {
  const missing: Field[] = []
  if (!map.ref) missing.push('ref')
  if (!map.postedAt) missing.push('postedAt')
  if (!map.title && !map.body) missing.push('title')
  return missing
}
