import {Config} from '@oclif/core'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import stringWidth from 'string-width'
import {describe, expect, it} from 'vitest'

import {entryFor, helpTextPlaces} from '../../src/cli/help/help-text.js'
import {help} from '../../src/i18n/messages/help.js'
import {ROOT} from '../helpers/run-cli.js'
import {runCommand, runHelp} from '../helpers/run-command.js'

// oclif's help speaks the user's language: every text a command shows in help has its Chinese in
// the help catalogue, and the help class uses it. The built CLI's wiring (package.json
// oclif.helpClass, the bundle) is checked in help-built.test.ts.

const ZH = {LANG: 'zh_CN.UTF-8'}
const config = await Config.load(ROOT)
// Topics are what has commands under it; oclif lists a command as a topic too.
const topics = config.topics.filter((t) => t.description && config.commands.some((c) => c.id.startsWith(`${t.name}:`)))

describe('the help catalogue', () => {
  it('translates every summary, description, flag and argument of every command, and nothing else', () => {
    const used = new Set<string>()
    const missing: string[] = []
    for (const cmd of config.commands) {
      for (const place of helpTextPlaces(cmd)) {
        const key = entryFor(help, place)
        if (key) used.add(key)
        else missing.push(`${place.key}: ${JSON.stringify(place.en)}`)
      }
    }
    for (const t of topics) {
      const key = `@topic.${t.name}`
      if (help[key]?.en === t.description) used.add(key)
      else missing.push(`${key}: ${JSON.stringify(t.description)}`)
    }
    used.add('@root.description')
    expect(help['@root.description'].en).toBe(config.pjson.description)
    // A missing entry, or one whose English no longer is the command's (add or update it in
    // src/i18n/messages/help.ts).
    expect(missing).toEqual([])
    // An entry nothing shows: its command, flag or argument is gone, or its English changed.
    const orphans = Object.keys(help).filter((k) => !used.has(k) && !/^@(heading|mark)\./.test(k))
    expect(orphans).toEqual([])
  })

  it('has a description for every example of board\'s own commands, which the test above asks Chinese for', () => {
    // An example without one is a bare command line: nothing to say in the user's language.
    const bare = config.commands
      .filter((c) => c.pluginName === config.name)
      .flatMap((c) => (c.examples ?? []).filter((e) => typeof e === 'string' || !e.description).map((e) => `${c.id}: ${JSON.stringify(e)}`))
    expect(bare).toEqual([])
  })

  it('says one English text one way, and keeps the placeholders and commands of the English', () => {
    const byEnglish = new Map<string, string>()
    for (const [key, m] of Object.entries(help)) {
      expect(m.zh.trim(), `${key} has no Chinese`).not.toBe('')
      const said = byEnglish.get(m.en)
      expect(said ?? m.zh, `${key}: "${m.en}" is translated two ways`).toBe(m.zh)
      byEnglish.set(m.en, m.zh)
      const kept = (s: string) => [...s.matchAll(/\{\{[^}]+\}\}|<%=[^%]+%>|--[a-z][\w-]*|\$\w+/g)].map((x) => x[0]).sort()
      expect(kept(m.zh), `${key}: variables, flags and commands must survive translation`).toEqual(kept(m.en))
    }
  })
})

describe('help in the user\'s language', () => {
  it('reads in Chinese under a Chinese locale: headings, summary, flags, global flags, marks', async () => {
    const {stdout} = await runHelp(['db', 'copy', '--help'], {env: ZH})
    expect(stdout).toMatch(/^把整个存储复制到另一个存储/)
    for (const heading of ['用法', '选项', '全局选项', '说明', '示例']) expect(stdout).toMatch(new RegExp(`^${heading}$`, 'm'))
    expect(stdout).toContain('（必填） 源存储：SQLite 文件或 postgres://… 地址')
    expect(stdout).toContain('以 JSON 格式输出。')
    expect(stdout).not.toMatch(/USAGE|FLAGS|DESCRIPTION|EXAMPLES|\(required\)|source store/)
    // Examples are command lines, shown as they are, under what they do in the user's language.
    expect(stdout).toMatch(/^ {2}把 PostgreSQL 存储备份到 SQLite 文件\n\n {4}\$ board db copy --from postgres:\/\/admin@db\/board --to backup\.db$/m)
    expect(stdout).not.toContain('Back a PostgreSQL store up')
    const en = await runHelp(['db', 'copy', '--help'])
    expect(en.stdout).toMatch(/^ {2}Back a PostgreSQL store up into a SQLite file\n\n {4}\$ board db copy --from postgres:\/\/admin@db\/board --to backup\.db$/m)
  })

  it('translates arguments, option lists and defaults', async () => {
    const show = await runHelp(['show', '--help'], {env: ZH})
    expect(show.stdout).toMatch(/^参数\n {2}ID {2}留言编号，或 来源\/留言编号（SOURCE\/REF）$/m)
    const list = await runHelp(['list', '--help'], {env: ZH})
    expect(list.stdout).toContain('<可选值：time|relevance>')
    expect(list.stdout).toContain('只看这些状态')
    const evaluate = await runHelp(['classifier', 'eval', '--help'], {env: ZH})
    expect(evaluate.stdout).toContain('[默认：5] 交叉验证的折数')
  })

  it('lists topics and commands in Chinese, at the root and in a topic; `board help COMMAND` too', async () => {
    const root = await runHelp(['--help'], {env: ZH})
    expect(root.stdout).toMatch(/^处理留言板群众留言的命令行工具/)
    expect(root.stdout).toMatch(/^版本$/m)
    expect(root.stdout).toContain('$ board [命令]')
    expect(root.stdout).toMatch(/^主题\n[\s\S]*db {10}存储管理$/m)
    expect(root.stdout).toMatch(/^命令\n[\s\S]*list {10}列出留言$/m)
    const topic = await runHelp(['db', '--help'], {env: ZH})
    expect(topic.stdout).toMatch(/^存储管理\n/)
    expect(topic.stdout).toMatch(/db status +显示存储的后端和已应用的迁移/)
    // plugin-help's `board help list` hands the help class the words after `help`.
    expect((await runHelp(['list'], {env: ZH})).stdout).toMatch(/^列出留言\n\n用法\n/)
  })

  it('follows --lang over the locale, as every command does', async () => {
    const en = await runHelp(['list', '--help', '--lang', 'en'], {env: ZH})
    expect(en.stdout).toMatch(/^List cases\n\nUSAGE\n/)
    expect(en.stdout).toContain('only these statuses')
    const zh = await runHelp(['list', '--help', '--lang=zh'])
    expect(zh.stdout).toMatch(/^列出留言\n\n用法\n/)
    const c = await runHelp(['list', '--help'])
    expect(c.stdout).toMatch(/^List cases\n\nUSAGE\n/)
    expect(c.stdout).not.toMatch(/只看|用法/)
  })

  it('`board help COMMAND` takes --lang and the locale as every command does', async () => {
    const zh = await runCommand(['help', 'list', '--lang', 'zh'])
    expect(zh.status, zh.stderr).toBe(0)
    expect(zh.stdout).toMatch(/^列出留言\n\n用法\n/)
    const en = await runCommand(['help', 'list', '--lang=en'], {env: ZH})
    expect(en.stdout).toMatch(/^List cases\n\nUSAGE\n/)
    const locale = await runCommand(['help', 'db', 'copy'], {env: ZH})
    expect(locale.stdout).toMatch(/^把整个存储复制到另一个存储/)
    // The flag before the command's words, and no command: the root.
    expect((await runCommand(['help', '--lang', 'zh', 'db', 'copy'])).stdout).toMatch(/^把整个存储复制到另一个存储/)
    expect((await runCommand(['help', '--lang', 'zh'])).stdout).toMatch(/^处理留言板群众留言的命令行工具/)
    const c = await runCommand(['help', 'list'])
    expect(c.stdout).toMatch(/^List cases\n\nUSAGE\n/)
    // Beside a broken config file help still helps, as `board COMMAND --help` does.
    const broken = join(mkdtempSync(join(tmpdir(), 'board-help-')), 'config.json')
    writeFileSync(broken, '{not json')
    expect((await runCommand(['help', 'list', '--lang', 'zh'], {env: {BOARD_CONFIG: broken}})).stdout).toMatch(/^列出留言\n/)
    // A command it does not know is a usage error, in the same language.
    const none = await runCommand(['help', 'db', 'nosuch', '--lang', 'zh'])
    expect(none.status).toBe(2)
    expect(none.stderr).toContain('没有命令或主题 db nosuch')
  })

  it('fits the terminal as the English does, by display width', async () => {
    // oclif leaves the first line (the summary) and examples' command lines to the terminal to
    // wrap, and its flag lists can pass a narrow width by a column or two, in English too: Chinese
    // may do no worse than that.
    const widest = (text: string) => Math.max(...text.split('\n').slice(1).filter((l) => !l.trimStart().startsWith('$ ')).map((l) => stringWidth(l)))
    for (const width of [40, 60, 100]) {
      for (const cmd of config.commands.filter((c) => !c.hidden)) {
        const argv = [...cmd.id.split(':'), '--help']
        const en = widest((await runHelp(argv, {width})).stdout)
        const zh = widest((await runHelp(argv, {env: ZH, width})).stdout)
        expect.soft(zh, `${cmd.id} at ${width} columns`).toBeLessThanOrEqual(Math.max(width, en))
      }
    }
  })

  it('goes through the terminal guard on a terminal, as every output does', async () => {
    const entry = help['list.summary']
    help['list.summary'] = {...entry, zh: `${entry.zh}\u001B]0;pwned\u0007\u001B[2J`}
    try {
      const terminal = await runHelp(['list', '--help'], {env: ZH, tty: {stdout: true}})
      expect(terminal.stdout).toMatch(/^列出留言\n/)
      expect(terminal.stdout).not.toMatch(/\u001B|\u0007/)
      // A pipe gets the bytes as they are, as from any command.
      expect((await runHelp(['list', '--help'], {env: ZH})).stdout).toContain('\u0007')
    } finally {
      help['list.summary'] = entry
    }
  })
})
