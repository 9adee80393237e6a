export interface StoredModelInfo {
  id: number
  createdAt: string
  createdBy: string
  trainedOn: number
  labels: string[]
  /** Where the training data came from ("store" or a file name). */
  source: string
}

export interface StoredModel extends StoredModelInfo {
  /** The serialised model (see src/domain/classifier/serialise.ts). */
  model: string
}

export interface ClassifierRepository {
  /** Saves a new model (the newest is the one in use) and an audit event; keeps the last 3. */
  save(m: {trainedOn: number; labels: string[]; source: string; model: string}, opts: {actor: string; now: Date}): Promise<StoredModelInfo>
  latest(): Promise<StoredModel | undefined>
  list(): Promise<StoredModelInfo[]>
}
