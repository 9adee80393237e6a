// Classifier speed at scale (needs `npm run build`): trains on 10,000 messages with bodies and
// classifies every message of the TipDM exports, beside the targets (train < 10 s, ≥ 2,000 msg/s).
// The 10,000 are the labeled messages and titles plus unlabeled messages pseudo-labeled by a first
// model: real text of real length, which is what the time depends on.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {parse} from 'csv-parse/sync'

import {predict, train} from '../dist/src/domain/classifier/model.js'

const here = import.meta.dirname
// The TipDM exports vendored for the tests (two of them trimmed; the set is padded to 10,000 below).
const DATA = join(here, '..', 'test', 'fixtures', 'tipdm2020c')
const read = (f) => parse(readFileSync(join(DATA, f)), {columns: true, bom: true})
const ex = (r, label) => ({title: r['留言主题'] ?? '', body: r['留言详情'] ?? '', label: label ?? r['一级标签']})

const labeled = read('labeled_messages.csv').map((r) => ex(r))
const titles = read('labeled_titles.csv').map((r) => ex(r))
const unlabeled = [...read('unlabeled_messages.csv'), ...read('voted_messages.csv'), ...read('replied_messages.csv')].map((r) => ex(r, ''))

const first = train([...labeled, ...titles])
const pseudo = unlabeled.map((u) => ({...u, label: predict(first, u.title, u.body).label}))
const set = [...labeled, ...pseudo].slice(0, 10_000)
while (set.length < 10_000) set.push(titles[set.length % titles.length])

// CPU time beside wall time: on a shared machine wall time measures the neighbours too.
let t = performance.now()
let cpu = process.cpuUsage()
const model = train(set)
const trainSeconds = (performance.now() - t) / 1000
const trainCpu = process.cpuUsage(cpu).user / 1e6
const chars = set.reduce((s, e) => s + e.title.length + e.body.length, 0)

t = performance.now()
cpu = process.cpuUsage()
let n = 0
for (let round = 0; round < 2; round++) for (const u of unlabeled) predict(model, u.title, u.body), n++
const perSecond = n / ((performance.now() - t) / 1000)
const perCpuSecond = n / (process.cpuUsage(cpu).user / 1e6)

console.log(`train: ${set.length} messages (${Math.round(chars / set.length)} chars avg) in ${trainSeconds.toFixed(2)} s wall, ${trainCpu.toFixed(2)} s CPU; target 10 s; ratio (CPU) ${(10 / trainCpu).toFixed(2)}× faster than target`)
console.log(`classify: ${n} messages at ${Math.round(perSecond)} msg/s wall, ${Math.round(perCpuSecond)} msg/CPU-s; target 2000 msg/s; ratio (CPU) ${(perCpuSecond / 2000).toFixed(2)}×`)
