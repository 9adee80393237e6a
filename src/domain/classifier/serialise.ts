import type {Model} from './model.js'
import {gramList} from './vectorise.js'

// A model as one text: JSON with the n-grams joined by newlines (none contains one: normalise()
// folds whitespace) and the float arrays as base64 Float32, a third the size of JSON numbers.

const FORMAT = 'board-classifier/1'

const b64 = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64')
const f32 = (s: string) => {
  const buf = Buffer.from(s, 'base64')
  return new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength))
}

export function serialise(m: Model): string {
  return JSON.stringify({
    format: FORMAT,
    labels: m.labels,
    features: m.vocab.features,
    grams: gramList(m.vocab).join('\n'),
    idf: b64(m.vocab.idf),
    weights: b64(m.weights),
    bias: b64(m.bias),
    trainedOn: m.trainedOn,
  })
}

export function deserialise(text: string): Model {
  const o = JSON.parse(text)
  if (o.format !== FORMAT) throw new Error(`unknown classifier format ${o.format}`)
  const grams = (o.grams as string).split('\n')
  return {
    labels: o.labels,
    vocab: {index: new Map(grams.map((g, i) => [g, i])), idf: f32(o.idf), features: o.features},
    weights: f32(o.weights),
    bias: f32(o.bias),
    trainedOn: o.trainedOn,
  }
}
