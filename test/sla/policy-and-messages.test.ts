import {describe, expect, it} from 'vitest'

import {channelsFor, validateChannels} from '../../src/domain/sla/channels.js'
import {DEFAULT_POLICY, matchRule, parseTarget} from '../../src/domain/sla/policy.js'
import {dueSteps} from '../../src/domain/sla/reminders.js'
import {validatePolicy} from '../../src/domain/sla/validate-policy.js'
import {type Reminder, webhookBody} from '../../src/services/sla/notify/message.js'

const flags = {collective: false, utility: false, safety: false, urgent: false}
const facts = {category: null, type: null, unit: null, region: null, title: '', body: '', flags}

describe('SLA policy', () => {
  it('reads targets in real hours, working days and working hours', () => {
    expect(parseTarget('2h')).toEqual({amount: 2, unit: 'hours'})
    expect(parseTarget('3 days')).toEqual({amount: 72, unit: 'hours'})
    expect(parseTarget('15 working days')).toEqual({amount: 15, unit: 'workingDays'})
    expect(parseTarget('8 工作小时')).toEqual({amount: 8, unit: 'workingHours'})
    expect(parseTarget('soon')).toBeUndefined()
    expect(parseTarget('0h')).toBeUndefined()
  })

  it('the shipped default: urgent collective 2 h, utilities 24 h (flag or keyword), else 15 working days', () => {
    expect(matchRule(DEFAULT_POLICY, {...facts, flags: {...flags, urgent: true, collective: true}})?.rule.resolve).toBe('2h')
    expect(matchRule(DEFAULT_POLICY, {...facts, flags: {...flags, urgent: true}})?.rule.name).toBe('default')
    expect(matchRule(DEFAULT_POLICY, {...facts, flags: {...flags, utility: true}})?.rule.resolve).toBe('24h')
    expect(matchRule(DEFAULT_POLICY, {...facts, body: '小区已经停水两天'})?.rule.resolve).toBe('24h')
    expect(matchRule(DEFAULT_POLICY, facts)?.rule.resolve).toBe('15 working days')
    expect(validatePolicy(DEFAULT_POLICY)).toEqual([])
  })

  it('matches unit by code or name, and region by substring', () => {
    const policy = {rules: [{match: {unit: 'zjj', region: '岳麓'}, resolve: '5 working days'}, {resolve: '1h'}]}
    expect(matchRule(policy, {...facts, unitCode: 'zjj', region: '岳麓区'})?.index).toBe(0)
    expect(matchRule(policy, {...facts, unit: 'zjj', region: '岳麓区'})?.index).toBe(0)
    expect(matchRule(policy, {...facts, unitCode: 'zjj', region: '天心区'})?.index).toBe(1)
  })

  it('validation names the rule index and key', () => {
    expect(validatePolicy({rules: [{resolve: '2h', transfer: 'lose', colour: 1}, {match: {flags: ['urgent'], shoe: 'x'}}], workingHours: ['9-5']})).toEqual([
      'workingHours[0]: "9-5" is not HH:MM-HH:MM',
      'rules[0].colour: unknown key (expected name, match, respond, resolve, transfer, reminders)',
      'rules[0].transfer: expected keep, restart or remaining',
      'rules[1]: needs respond or resolve',
      'rules[1].match.shoe: unknown key (expected category, type, flags, unit, region, keywords)',
    ])
  })
})

describe('reminder ladder', () => {
  const from = '2024-03-04T00:00:00.000Z'
  const due = '2024-03-04T10:00:00.000Z'
  const ladder = {at: [0.75, 1], everyHours: 24, escalateAt: 2}
  const steps = (h: number) => dueSteps(from, due, ladder, new Date(Date.parse(from) + h * 3_600_000)).map((s) => s.step)
  it.each([
    [7, []],
    [7.5, ['p75']],
    [10, ['due']],
    [20, ['due', 'escalate']],
    [34, ['late1', 'escalate']],
    [82, ['late3', 'escalate']],
  ])('at %s h: %j (only the latest reminder, plus the escalation)', (h, expected) => {
    expect(steps(h)).toEqual(expected)
  })
})

describe('channels and message formats', () => {
  const r: Reminder = {caseId: 7, title: '路灯', unit: '市政局', handler: null, stage: 'resolve', step: 'due', kind: 'remind', dueAt: '2024-03-04T10:00:00.000Z', lateMs: 3_600_000, supervisor: null}
  it('robot formats follow WeCom, DingTalk and Feishu message bodies', () => {
    expect(webhookBody('wecom', r, 'Asia/Shanghai')).toMatchObject({msgtype: 'markdown', markdown: {content: expect.stringContaining('#7「路灯」办结时限 2024-03-04 18:00，已超期 1h 0m')}})
    expect(webhookBody('dingtalk', r, 'Asia/Shanghai')).toMatchObject({msgtype: 'markdown', markdown: {title: '【超期提醒】#7 路灯'}})
    expect(webhookBody('feishu', r, 'Asia/Shanghai')).toMatchObject({msg_type: 'text', content: {text: expect.stringContaining('单位：市政局')}})
    expect(webhookBody('generic', r, 'Asia/Shanghai')).toMatchObject({event: 'sla.reminder', caseId: 7, step: 'due'})
  })

  it('per unit by code, then name, then "*"; validation names the channel', () => {
    const s = {units: {zjj: [{type: 'webhook' as const, url: 'http://a'}], '*': [{type: 'email' as const, to: ['x@y']}]}}
    expect(channelsFor(s, 'zjj', '市住建局')).toHaveLength(1)
    expect(channelsFor(s, 'other', null)[0].type).toBe('email')
    expect(validateChannels({units: {zjj: [{type: 'webhook', url: 'ftp://x', format: 'slack'}, {type: 'email', to: []}]}})).toEqual([
      'units.zjj[0].url: expected an http(s) URL',
      'units.zjj[0].format: expected generic, wecom, dingtalk or feishu',
      'units.zjj[1].to: expected a list of email addresses',
      'smtp: needed for email channels (host, port, from)',
    ])
  })
})
