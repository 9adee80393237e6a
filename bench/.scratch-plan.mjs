import Database from 'better-sqlite3'
import {registerFunctions} from '../dist/src/store/sqlite/functions.js'
const db = new Database('/tmp/scale-cli.db')
registerFunctions(db)
const q = (sql, ...p) => { console.log(db.prepare('EXPLAIN QUERY PLAN ' + sql).all(...p).map(r => '  '.repeat(r.parent ? 1 : 0) + r.detail).join('\n')); console.log('--') }
q(`WITH RECURSIVE s(source) AS (SELECT min(source) FROM cases UNION ALL SELECT (SELECT min(x.source) FROM cases x WHERE x.source > s.source) FROM s WHERE s.source IS NOT NULL) SELECT c.id FROM s JOIN cases c ON c.source = s.source AND c.ref = ?`, 'x')
q(`SELECT c.id FROM (SELECT rowid AS id FROM cases_search WHERE cases_search MATCH ? UNION SELECT case_id FROM search_pending) m CROSS JOIN cases c LEFT JOIN units u ON u.id = c.unit_id LEFT JOIN handlers h ON h.id = c.handler_id WHERE (c.title LIKE ? OR c.body LIKE ?) AND c.id = m.id ORDER BY c.posted_at DESC, c.id DESC LIMIT 20`, '"学籍"', '%学籍%', '%学籍%')
q(`SELECT c.id FROM cases c LEFT JOIN units u ON u.id = c.unit_id LEFT JOIN handlers h ON h.id = c.handler_id WHERE (c.title LIKE ? OR c.body LIKE ?) ORDER BY c.posted_at DESC, c.id DESC LIMIT 20`, '%学籍%', '%学籍%')
q(`SELECT count(*) AS n FROM (SELECT rowid AS id FROM cases_search WHERE cases_search MATCH ? UNION SELECT case_id FROM search_pending LIMIT 5001)`, '"学籍"')
