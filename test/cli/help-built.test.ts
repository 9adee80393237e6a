import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'

import {boardAsync, cliEnv, ROOT, spawnAsync} from '../helpers/run-cli.js'
import {runCommand} from '../helpers/run-command.js'

// The built CLI finds the help class where package.json says (oclif.helpClass, an export of the
// bundle). The class and its Chinese catalogue are modules of the bundle, evaluated only when help
// is shown: a run reads no file for them beyond the bundle itself.

const dir = mkdtempSync(join(tmpdir(), 'board-help-'))
const store = join(dir, 'b.db')
const ZH = {LANG: 'zh_CN.UTF-8'}

// Node's module hooks: every module the run resolves, one URL a line.
const register = join(dir, 'register.mjs')
const hooks = join(dir, 'hooks.mjs')
writeFileSync(register, `import {register} from 'node:module'\nregister(${JSON.stringify(new URL(`file://${hooks}`).href)})\n`)
writeFileSync(hooks, "import {appendFileSync} from 'node:fs'\nexport async function resolve(s, c, next) {\n  const r = await next(s, c)\n  appendFileSync(process.env.RESOLVED_LOG, r.url + '\\n')\n  return r\n}\n")

async function resolvedBy(name: string, args: string[], env: Record<string, string> = {}): Promise<string[]> {
  const log = join(dir, `${name}.log`)
  writeFileSync(log, '')
  const r = await spawnAsync(process.execPath, ['--import', register, join(ROOT, 'bin', 'run.js'), ...args], {env: cliEnv({store, env: {...env, RESOLVED_LOG: log}})})
  expect(r.status, r.stderr).toBe(0)
  return readFileSync(log, 'utf8').split('\n').filter(Boolean)
}

/** What a run resolves of board's own files (bin/ and dist/), beyond Node's modules and packages. */
const ownFiles = (urls: string[]) => urls.filter((u) => u.startsWith('file://') && !u.includes('/node_modules/')).map((u) => u.slice(u.indexOf('/', 'file://'.length)))

describe('help in the built CLI', () => {
  beforeAll(async () => void (await runCommand(['db', 'migrate'], {store})), 60_000)

  it('reads in Chinese under a Chinese locale, by --help and by board help; --lang en keeps English', async () => {
    const flag = await boardAsync(['list', '--help'], {store, env: ZH})
    expect(flag.status).toBe(0)
    expect(flag.stdout).toMatch(/^列出留言\n\n用法\n/)
    expect(flag.stdout).toMatch(/^全局选项$/m)
    const command = await boardAsync(['help', 'db', 'copy'], {store, env: ZH})
    expect(command.stdout).toMatch(/^把整个存储复制到另一个存储/)
    const en = await boardAsync(['list', '--help', '--lang', 'en'], {store, env: ZH})
    expect(en.stdout).toMatch(/^List cases\n\nUSAGE\n/)
  })

  it('`board help COMMAND` takes --lang as every command does', async () => {
    const zh = await boardAsync(['help', 'db', 'copy', '--lang', 'zh'], {store})
    expect(zh.status, zh.stderr).toBe(0)
    expect(zh.stdout).toMatch(/^把整个存储复制到另一个存储/)
    const en = await boardAsync(['help', 'list', '--lang=en'], {store, env: ZH})
    expect(en.status, en.stderr).toBe(0)
    expect(en.stdout).toMatch(/^List cases\n\nUSAGE\n/)
  })

  it('a command run reads neither the help class nor its catalogue', async () => {
    // The class sits in the bundle behind a getter, evaluated when oclif asks for it.
    const probe = await spawnAsync(process.execPath, ['--input-type=module', '-e', `const {help} = await import(${JSON.stringify(new URL(`file://${join(ROOT, 'dist', 'bundle', 'board.js')}`).href)}); console.log(typeof Object.getOwnPropertyDescriptor(help, 'default').get)`])
    expect(probe.stdout.trim()).toBe('function')
    const list = ownFiles(await resolvedBy('list', ['list']))
    expect(list.some((u) => u.endsWith('/dist/bundle/board.js'))).toBe(true)
    expect(list.filter((u) => /\/help\b|\/help-/.test(u))).toEqual([])
    // Help, in English or in Chinese, is found in the bundle too: no file more is read for it.
    expect(ownFiles(await resolvedBy('help-en', ['list', '--help']))).toEqual(list)
    expect(ownFiles(await resolvedBy('help-zh', ['list', '--help'], ZH))).toEqual(list)
  })
})
