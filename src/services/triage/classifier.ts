import {UsageError} from '../../errors.js'
import {crossValidate, holdOut} from '../../domain/classifier/cross-validate.js'
import type {Evaluation} from '../../domain/classifier/metrics.js'
import {type Example, type Model, train} from '../../domain/classifier/model.js'
import {deserialise, serialise} from '../../domain/classifier/serialise.js'
import type {StoredModelInfo} from '../../store/classifier.js'
import type {Store} from '../../store/store.js'
import {readCsvTable} from '../csv-table.js'

const HEADERS = {title: ['留言主题', '标题'], body: ['留言详情', '内容'], label: ['一级标签', '分类', 'category']}

/** Labeled examples from a CSV with 留言主题, optional 留言详情, and 一级标签 columns. */
export async function readExamples(file: string): Promise<Example[]> {
  const rows = await readCsvTable(file, HEADERS)
  if (rows.length > 0 && (rows[0].row.title === undefined || rows[0].row.label === undefined)) {
    throw new UsageError(`${file}: needs columns 留言主题 (title) and 一级标签 (label); 留言详情 (body) is optional`)
  }
  return rows.filter(({row}) => row.label && row.title).map(({row}) => ({title: row.title, body: row.body ?? '', label: row.label}))
}

async function examplesFromStore(store: Store): Promise<Example[]> {
  const cases = (await store.cases.list({})).filter((c) => c.category && c.status !== 'merged' && c.status !== 'rejected')
  return cases.map((c) => ({title: c.title, body: c.body, label: c.category!}))
}

export interface TrainResult extends StoredModelInfo {
  seconds: number
  perLabel: Record<string, number>
}

export async function trainClassifier(store: Store, opts: {files: string[]; actor: string; now: Date}): Promise<TrainResult> {
  const examples = opts.files.length > 0 ? (await Promise.all(opts.files.map(readExamples))).flat() : await examplesFromStore(store)
  const labels = new Set(examples.map((e) => e.label))
  if (labels.size < 2) throw new UsageError(`need labeled examples of at least 2 categories (found ${examples.length} examples, ${labels.size} categories)`, 'categorise cases first, or pass --from FILE')
  const started = performance.now()
  const model = train(examples)
  const seconds = (performance.now() - started) / 1000
  const info = await store.classifier.save({trainedOn: examples.length, labels: model.labels, source: opts.files.join(', ') || 'store', model: serialise(model)}, opts)
  const perLabel: Record<string, number> = {}
  for (const e of examples) perLabel[e.label] = (perLabel[e.label] ?? 0) + 1
  return {...info, seconds, perLabel}
}

export interface EvalResult extends Evaluation {
  method: string
}

export async function evalClassifier(opts: {from: string; folds: number; also: string[]; test?: string}): Promise<EvalResult> {
  const data = await readExamples(opts.from)
  const extra = (await Promise.all(opts.also.map(readExamples))).flat()
  if (opts.test) return {method: `train on ${[opts.from, ...opts.also].join(' + ')}, test on ${opts.test}`, ...holdOut([...data, ...extra], await readExamples(opts.test))}
  if (opts.folds < 2) throw new UsageError('--folds must be at least 2')
  return {method: `${opts.folds}-fold cross-validation on ${opts.from}` + (opts.also.length ? ` (also training on ${opts.also.join(', ')}, minus titles in the held-out fold)` : ''), ...crossValidate(data, extra, {folds: opts.folds})}
}

/** The store's current model, or undefined when none was trained. */
export async function loadClassifier(store: Store): Promise<Model | undefined> {
  const stored = await store.classifier.latest()
  return stored ? deserialise(stored.model) : undefined
}
