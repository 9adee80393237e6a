import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {maskSecrets} from '../../src/domain/secrets.js'
import {grantAccess} from '../../src/services/db-grant.js'
import {openStore} from '../../src/store/open.js'
import type {Store} from '../../src/store/store.js'
import {backendList} from '../helpers/backends.js'
import {dropRoles, roleSessions, storeUrlAs} from '../helpers/pg-roles.js'
import {runCommand} from '../helpers/run-command.js'

const postgres = backendList.filter((b) => b.name === 'postgres')
const sqlite = backendList.filter((b) => b.name === 'sqlite')
const now = new Date('2024-03-01T00:00:00Z')
const as = {actor: 'admin', now}
const WECOM = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=B-SECRET-KEY'
const channels = {units: {A: [{type: 'webhook', url: 'https://a.example/hook'}], B: [{type: 'webhook', url: WECOM, format: 'wecom'}]}}
const replyChannels = {order: ['webhook'], webhook: {url: 'https://gov.example/reply', token: 'GLOBAL-TOKEN'}}

describe.each(postgres)('secrets in settings on $name', (backend) => {
  const tag = `${process.pid}_${Date.now().toString(36)}`
  const clerk = `board_t_sec_${tag}`
  const adminRole = `board_t_secadm_${tag}`
  let url: string
  let schema: string
  let owner: Store
  const sessions = roleSessions(() => schema)
  const as_ = (role: string) => storeUrlAs(url, role)

  beforeAll(async () => {
    url = await backend.location()
    schema = new URL(url).searchParams.get('schema')!
    owner = await openStore(url, {now})
    await owner.units.upsert({code: 'A', name: 'A市'}, as)
    await owner.units.upsert({code: 'B', name: 'B市'}, as)
    await owner.settings.set('notify.channels', channels, as)
    await owner.settings.set('reply.channels', replyChannels, as)
    await owner.settings.set('routing.rules', [{category: '交通运输', unit: 'A'}], as)
    await grantAccess(owner, {role: clerk, unit: 'A', actor: 'admin', now})
    await grantAccess(owner, {role: adminRole, admin: true, actor: 'admin', now})
  })

  afterAll(async () => {
    await sessions.endAll()
    await owner?.close()
    await backend.cleanup()
    await dropRoles([clerk, adminRole])
  })

  it('a clerk\'s raw SQL reads shared settings but not the ones holding secrets', async () => {
    const c = await sessions.connectAs(clerk)
    const keys = (await c.query('SELECT key, value FROM settings ORDER BY key')).rows
    expect(keys.map((r) => r.key)).toEqual(['routing.rules'])
    expect(JSON.stringify(keys)).not.toMatch(/SECRET|TOKEN/)
    // nor through the audit trail of settings changes
    expect((await c.query("SELECT count(*) AS n FROM events WHERE action LIKE 'settings.%'")).rows[0].n).toBe('0')
    await expect(c.query("UPDATE settings SET value = '[]' WHERE key = 'routing.rules'")).rejects.toThrow(/permission denied/)
  })

  it('a clerk\'s raw SQL reads the channels of their own unit, and no other unit\'s', async () => {
    const c = await sessions.connectAs(clerk)
    const rows = (await c.query('SELECT code, channels FROM unit_channels ORDER BY code')).rows
    expect(rows.map((r) => ({code: r.code, channels: JSON.parse(r.channels)}))).toEqual([{code: 'A', channels: channels.units.A}])
    expect((await c.query("SELECT count(*) AS n FROM unit_channels WHERE code = 'B' OR channels LIKE '%SECRET%'")).rows[0].n).toBe('0')
    expect((await c.query("SELECT count(*) AS n FROM settings WHERE key = 'notify.channels'")).rows[0].n).toBe('0')
    // nor by shadowing what the view reads with a temporary table of the same name
    await c.query('CREATE TEMP TABLE unit_grants (role_name text, unit_id integer)').catch(() => {})
    await c.query('CREATE TEMP TABLE settings (key text, value text)').catch(() => {})
    expect((await c.query('SELECT code FROM unit_channels ORDER BY code')).rows).toEqual([{code: 'A'}])
  })

  it('board reads a clerk\'s own unit\'s channels for its reminders; an admin reads them all', async () => {
    const mine = await openStore(as_(clerk), {now})
    try {
      expect(await mine.settings.get('notify.channels')).toEqual({units: {A: channels.units.A}})
    } finally {
      await mine.close()
    }
    const admin = await openStore(as_(adminRole), {now})
    try {
      expect(await admin.settings.get('notify.channels')).toEqual(channels)
    } finally {
      await admin.close()
    }
    const a = await sessions.connectAs(adminRole)
    expect((await a.query('SELECT code FROM unit_channels ORDER BY code')).rows).toEqual([{code: 'A'}, {code: 'B'}])
  })

  it('config show and config export hide them from a clerk', async () => {
    const show = await runCommand(['config', 'show', '--json'], {store: as_(clerk)})
    expect(show.status, show.stderr).toBe(0)
    expect(show.stdout).not.toMatch(/B-SECRET-KEY|GLOBAL-TOKEN/)
    const shared = JSON.parse(show.stdout).shared
    expect(shared['notify.channels']).toMatchObject({value: null, hidden: true})
    expect(shared['routing.rules'].value).toEqual([{category: '交通运输', unit: 'A'}])
    const text = await runCommand(['config', 'show'], {store: as_(clerk)})
    expect(text.stdout).toMatch(/notify\.channels: # hidden/)
    const exported = await runCommand(['config', 'export'], {store: as_(clerk)})
    expect(exported.status, exported.stderr).toBe(0)
    expect(exported.stdout).not.toMatch(/B-SECRET-KEY|GLOBAL-TOKEN|notify\.channels/)
    expect(exported.stdout).toMatch(/routing\.rules/)
  })

  it('an admin role reads them whole', async () => {
    const show = await runCommand(['config', 'show', 'notify.channels', '--json'], {store: as_(adminRole)})
    expect(show.status, show.stderr).toBe(0)
    expect(JSON.parse(show.stdout).shared['notify.channels'].value).toEqual(channels)
    expect((await runCommand(['config', 'export'], {store: as_(adminRole)})).stdout).toContain('GLOBAL-TOKEN')
  })
})

describe.each(sqlite)('secrets in settings on $name', (backend) => {
  afterAll(() => backend.cleanup())

  it('the file\'s owner is its admin and sees them', async () => {
    const file = await backend.location()
    const s = await openStore(file, {now})
    await s.settings.set('notify.channels', channels, as)
    await s.close()
    expect((await runCommand(['config', 'export'], {store: file})).stdout).toContain('B-SECRET-KEY')
  })
})

describe('masking credentials in a setting\'s value', () => {
  it('masks URL keys, tokens and passwords, and nothing else', () => {
    expect(maskSecrets({units: channels.units, webhook: replyChannels.webhook, smtp: {host: 'smtp.example', password: 'pw', user: 'u'}})).toEqual({
      units: {A: [{type: 'webhook', url: 'https://a.example/hook'}], B: [{type: 'webhook', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***', format: 'wecom'}]},
      webhook: {url: 'https://gov.example/reply', token: '***'},
      smtp: {host: 'smtp.example', password: '***', user: 'u'},
    })
    expect(maskSecrets('postgres://u:pw@h/db')).toBe('postgres://u:***@h/db')
  })
})
