// Clerks read Chinese; admins' scripts read English. Chosen by --lang, else LC_ALL / LC_MESSAGES / LANG.
export type Lang = 'en' | 'zh'

export function detectLang(flag?: string, configLocale?: string): Lang {
  // POSIX: an empty variable counts as unset.
  const env = (name: string) => process.env[name] || undefined
  const raw = flag ?? env('LC_ALL') ?? env('LC_MESSAGES') ?? env('LANG') ?? configLocale ?? ''
  return /^zh/i.test(raw) ? 'zh' : 'en'
}

type Messages = Record<string, {en: string; zh: string}>

const messages: Messages = {
  'error.prefix': {en: 'Error', zh: '错误'},
  'error.hint': {en: 'Hint', zh: '提示'},
  'error.bug': {en: 'Unexpected error (a bug in board; run with DEBUG=board for the stack)', zh: '意外错误（board 的缺陷；设置 DEBUG=board 可查看堆栈）'},
  interrupted: {en: 'Interrupted', zh: '已中断'},
  'import.summary': {
    en: '{file}: read {read}, inserted {inserted}, updated {updated}, unchanged {unchanged}, rejected {rejected}, conflicts {conflicts} ({rate} rows/s)',
    zh: '{file}：读取 {read}，新增 {inserted}，更新 {updated}，未变 {unchanged}，拒收 {rejected}，编号冲突 {conflicts}（{rate} 行/秒）',
  },
  'import.unchanged': {en: 'nothing changed: every row was already in the store', zh: '无变化：所有行均已在库中'},
  'import.rejects': {en: 'rejected rows written to {path}', zh: '被拒收的行已写入 {path}'},
  'import.dryRun': {en: 'dry run: nothing was written', zh: '试运行：未写入任何数据'},
  'import.reject': {en: '{file}:{line}: {reason}', zh: '{file} 第 {line} 行：{reason}'},
  'list.none': {en: 'no cases match', zh: '没有符合条件的留言'},
  'col.id': {en: 'ID', zh: '编号'},
  'col.ref': {en: 'Ref', zh: '留言编号'},
  'col.title': {en: 'Title', zh: '留言主题'},
  'col.posted': {en: 'Posted', zh: '留言时间'},
  'col.category': {en: 'Category', zh: '分类'},
  'col.type': {en: 'Type', zh: '类型'},
  'col.status': {en: 'Status', zh: '状态'},
  'col.unit': {en: 'Unit', zh: '单位'},
  'col.handler': {en: 'Handler', zh: '办理人'},
  'col.author': {en: 'Author', zh: '留言用户'},
  'col.replied': {en: 'Replied', zh: '答复时间'},
  'col.time': {en: 'Time', zh: '时间'},
  'col.actor': {en: 'Actor', zh: '操作人'},
  'col.action': {en: 'Action', zh: '操作'},
  'col.detail': {en: 'Detail', zh: '详情'},
  'show.body': {en: 'Message', zh: '留言详情'},
  'show.replies': {en: 'Replies', zh: '答复'},
  'show.history': {en: 'History', zh: '办理记录'},
  'doctor.ok': {en: 'all checks passed', zh: '全部检查通过'},
  'doctor.failed': {en: '{n} check(s) need attention', zh: '{n} 项检查需要处理'},
}

export function translate(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const m = messages[key]
  const text = m ? m[lang] : key
  return text.replace(/\{(\w+)\}/g, (_, k: string) => (k in vars ? String(vars[k]) : `{${k}}`))
}
