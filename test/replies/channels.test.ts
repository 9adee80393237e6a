import {describe, expect, it} from 'vitest'

import {chooseChannel, emailOf, validateChannels} from '../../src/domain/reply-channels.js'

describe('reply channel choice', () => {
  const all = {webhook: {url: 'http://x'}, email: {host: 'h', port: 25, from: 'a@b.cn'}, outbox: {dir: '/srv/board/outbox'}}
  it('email only when the contact holds an address; else the next configured channel in order', () => {
    expect(chooseChannel(all, '电话 138… 邮箱 li.ming@example.org')).toBe('email')
    expect(chooseChannel(all, '13800000000')).toBe('webhook')
    expect(chooseChannel({...all, order: ['outbox', 'webhook']}, null)).toBe('outbox')
    expect(chooseChannel({order: ['email']}, 'a@b.cn')).toBeNull()
    expect(chooseChannel({}, null)).toBeNull()
  })
  it('finds an address in free text', () => {
    expect(emailOf('联系：<wang@mail.a.gov.cn>')).toBe('wang@mail.a.gov.cn')
    expect(emailOf('无')).toBeNull()
  })
  it('validates with paths', () => {
    expect(validateChannels(all)).toEqual([])
    expect(validateChannels({order: ['fax'], webhook: {url: 'ftp://x'}, email: {host: 'h'}, extra: 1})).toEqual([
      'extra: unknown key',
      'order[0]: expected one of email, webhook, outbox',
      'webhook.url: expected an http(s) URL',
      'email.port: expected a port number',
      'email.from: expected a sender address',
    ])
  })
})

describe('outbox channel', () => {
  it('writes <key>.json whole; delivering the same key again keeps the first file and leaves no temp files', async () => {
    const {mkdtempSync, readdirSync, readFileSync, rmSync} = await import('node:fs')
    const {tmpdir} = await import('node:os')
    const {join} = await import('node:path')
    const {deliverOutbox} = await import('../../src/services/channels/outbox.js')
    const dir = mkdtempSync(join(tmpdir(), 'board-outbox-unit-'))
    try {
      const d = {idempotencyKey: 'board-1-k', caseId: 1, source: 's', ref: '1', title: 't', body: '第一次', unit: null, to: null, sentAt: '2024-03-01T00:00:00.000Z'}
      await deliverOutbox(d, {outbox: {dir}})
      await deliverOutbox({...d, body: '第二次'}, {outbox: {dir}})
      expect(readdirSync(dir)).toEqual(['board-1-k.json'])
      expect(JSON.parse(readFileSync(join(dir, 'board-1-k.json'), 'utf8')).body).toBe('第一次')
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})
