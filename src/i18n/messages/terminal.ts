import type {Messages} from './messages.js'

// The terminal's own words: typos, interrupts, parse errors, listings cut on a screen, store paths.
export const terminal: Messages = {
  'notFound.command': {en: '{bin}: "{typed}" is not a {bin} command.', zh: '{bin}：“{typed}” 不是 {bin} 的命令。'},
  'notFound.didYouMean': {en: 'Did you mean (nothing was run; copy the line to run it):', zh: '您是否想运行（未执行任何命令；如需运行请复制此行）：'},
  'notFound.help': {en: 'Run {bin} help for a list of commands.', zh: '运行 {bin} help 查看全部命令。'},
  'interrupt.stopping': {en: 'Stopping at the next safe point (Ctrl-C again to stop at once)…', zh: '正在于下一个安全点停止（再按 Ctrl-C 立即停止）…'},
  'interrupt.stopped': {en: 'interrupted: {done} of {total} {what} done, {left} not done', zh: '已中断：共 {total} 项{what}，已完成 {done} 项，未完成 {left} 项'},
  'interrupt.stoppedOpen': {en: 'interrupted: {done} {what} done, the rest not done', zh: '已中断：已完成 {done} 项{what}，其余未完成'},
  'interrupt.again': {en: 'nothing was left half-done; run the same command again to do the rest', zh: '没有做了一半的数据；再次运行同一命令可完成其余部分'},
  'what.cases': {en: 'cases', zh: '留言'},
  'what.replies': {en: 'replies', zh: '答复'},
  'what.reminders': {en: 'reminders', zh: '提醒'},
  'what.ratings': {en: 'ratings', zh: '评价'},
  'copy.rolledBack': {en: 'interrupted: the copy was rolled back, the target store is as it was; nothing was copied', zh: '已中断：复制已回滚，目标库保持原样；未复制任何数据'},
  'parse.unknownFlag': {en: 'unknown flag: {flags}', zh: '未知的选项：{flags}'},
  'parse.unexpectedArg': {en: 'unexpected argument: {args}', zh: '多余的参数：{args}'},
  'parse.missingArgs': {en: '{n} required argument(s) missing', zh: '缺少 {n} 个必需参数'},
  'parse.missingFlag': {en: 'missing required flag {flag}', zh: '缺少必需的选项 {flag}'},
  'parse.flagOption': {en: '--{flag}={value} is not one of: {options}', zh: '--{flag}={value} 不是可选值之一：{options}'},
  'parse.argOption': {en: '{value} is not one of: {options}', zh: '{value} 不是可选值之一：{options}'},
  'parse.integer': {en: '--{flag} takes a whole number, not {value}', zh: '--{flag} 需要整数，而不是 {value}'},
  'parse.integerMin': {en: '--{flag} takes a whole number of at least {min}, not {value}', zh: '--{flag} 需要不小于 {min} 的整数，而不是 {value}'},
  'parse.flagValue': {en: '--{flag} needs a value', zh: '--{flag} 需要一个值'},
  'parse.exclusive': {en: '--{flag} cannot be used with --{other}', zh: '--{flag} 不能与 --{other} 同时使用'},
  'parse.help': {en: 'see the command\'s --help', zh: '查看该命令的 --help'},
  'listing.more': {en: 'showing {shown} of {total}; {more} more (pass --limit 0 for all, or pipe / --json)', zh: '显示 {shown} 条，共 {total} 条；还有 {more} 条（--limit 0 显示全部，或使用管道 / --json）'},
}
