// Migrations are frozen text: never import application code here, or an old migration changes
// meaning when today's code does. Each states its DDL for both backends side by side so that the
// two schemas stay the same in meaning.
export interface Migration {
  version: number
  name: string
  sqlite: string
  postgres: string
}
