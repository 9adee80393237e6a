import {parse} from 'csv-parse/sync'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {checkReply, validIdCard} from '../../src/domain/reply-check.js'
import {DEFAULT_RULES, rulesFor, validatePolicy} from '../../src/domain/reply-policy.js'
import {REPLY_DATA as DATA} from './data-dir.js'

interface Row {
  留言主题: string
  留言详情: string
  答复意见: string
}
const rows: Row[] = parse(readFileSync(join(DATA, 'tipdm2020c', 'replied_messages.csv')), {columns: true})
// "Good" is decided independently of the rules: a substantive reply of at least 150 characters.
const good = rows.filter((r) => r.答复意见.replace(/\s+/g, '').length >= 150)
const check = (reply: string, r: Row) => checkReply({reply, message: {title: r.留言主题, body: r.留言详情, contact: null}}, DEFAULT_RULES)
const share = (list: Row[], reply: (r: Row, i: number) => string, rule: string) =>
  list.filter((r, i) => check(reply(r, i), r).some((f) => f.rule === rule)).length / list.length

describe('reply check on real replies (tipdm2020c/replied_messages.csv)', () => {
  it('has enough real replies to judge', () => {
    expect(rows.length).toBeGreaterThan(800)
    expect(good.length).toBeGreaterThan(500)
  })

  it('good replies pass the length, action and personal-data rules, and nearly all pass the topic rule', () => {
    expect(share(good, (r) => r.答复意见, 'too-short')).toBe(0)
    expect(share(good, (r) => r.答复意见, 'personal-data')).toBe(0)
    expect(share(good, (r) => r.答复意见, 'no-action')).toBeLessThan(0.03)
    expect(share(good, (r) => r.答复意见, 'off-topic')).toBeLessThan(0.1)
    // Many published replies give no phone or next step; that is what this warning is for.
    expect(share(good, (r) => r.答复意见, 'no-contact')).toBeLessThan(0.35)
  })

  it('a good reply with a contact and a next step passes every rule', () => {
    const r = good.find((x) => /联系电话|咨询电话/.test(x.答复意见) && /下一步|将/.test(x.答复意见))!
    expect(check(r.答复意见, r)).toEqual([])
  })

  it('truncated replies warn: too short, and mostly off topic and without action', () => {
    expect(share(good, (r) => r.答复意见.slice(0, 40), 'too-short')).toBe(1)
    expect(share(good, (r) => r.答复意见.slice(0, 40), 'no-action')).toBeGreaterThan(0.6)
  })

  it("another message's reply (stripped of this message's substance) is off topic", () => {
    expect(share(good, (_r, i) => good[(i + 7) % good.length].答复意见, 'off-topic')).toBeGreaterThan(0.9)
  })

  it('the real boilerplate-only replies in the export warn', () => {
    const boiler = rows.filter((r) => /^网友：您好！留言已收悉$/.test(r.答复意见.trim()))
    expect(boiler.length).toBeGreaterThan(0)
    for (const r of boiler) expect(check(r.答复意见, r).map((f) => f.rule)).toEqual(expect.arrayContaining(['too-short', 'off-topic', 'no-action', 'no-contact']))
  })

  it("flags another citizen's phone or ID-card number, not the citizen's own or an office landline", () => {
    const r = good[0]
    const id = '11010519491231002X'
    expect(validIdCard(id)).toBe(true)
    expect(validIdCard('110105194912310021')).toBe(false)
    const leak = check(r.答复意见 + `经联系13812345678（身份证${id}）核实。`, r).find((f) => f.rule === 'personal-data')
    expect(leak?.reason).toMatch(/2 phone or ID-card/)
    expect(leak?.reason).not.toContain('13812345678')
    const own = checkReply({reply: r.答复意见 + '已回电13812345678', message: {title: r.留言主题, body: r.留言详情 + ' 电话13812345678', contact: null}}, DEFAULT_RULES)
    expect(own.some((f) => f.rule === 'personal-data')).toBe(false)
    expect(check(r.答复意见 + '联系电话：0731-88888888', r).some((f) => f.rule === 'personal-data')).toBe(false)
  })
})

describe('reply policy', () => {
  const policy = {requireApproval: false, units: {city: {check: 'block' as const}, 'city.water': {requireApproval: true}}}
  it('the nearest unit up the hierarchy wins', () => {
    expect(rulesFor(policy, ['city.water', 'city'])).toMatchObject({requireApproval: true, check: 'block'})
    expect(rulesFor(policy, ['city'])).toMatchObject({requireApproval: false, check: 'block'})
    expect(rulesFor(policy, [])).toEqual(DEFAULT_RULES)
    expect(rulesFor(undefined, ['x'])).toEqual(DEFAULT_RULES)
  })
  it('validates with paths', () => {
    expect(validatePolicy(policy)).toEqual([])
    expect(validatePolicy({check: 'stop', units: {a: {minLength: -1, foo: 1}}})).toEqual(['check: expected warn or block'])
    expect(validatePolicy({units: {a: {minLength: -1, foo: 1}}})).toEqual(['units.a.foo: unknown key', 'units.a.minLength: expected a whole number ≥ 0'])
  })
})
