import type {DoctorProbe} from '../doctor-check.js'

// Cases waiting for the search index are found all the same, only by reading them: a backlog that
// stays says its catch-up died or never ran.
export const searchProbe: DoctorProbe = async ({store}) => {
  const waiting = await store.searchWaiting()
  return [
    {
      area: 'search',
      name: 'index',
      ok: waiting === 0,
      detail: waiting === 0 ? 'every case is indexed' : `${waiting} cases wait to be indexed; searches read them one by one meanwhile`,
      fix: waiting === 0 ? undefined : 'run board db search-index (an import starts it by itself; it may still be running)',
      warning: waiting > 0,
    },
  ]
}
