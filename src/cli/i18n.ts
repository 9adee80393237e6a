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
  'stats.durations': {en: 'handling times of cases new to statistics', zh: '正在计算新留言的办理时长'},
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
  'col.stage': {en: 'Stage', zh: '环节'},
  'col.deadline': {en: 'Deadline', zh: '时限'},
  'col.lateBy': {en: 'Late by', zh: '超期'},
  'sla.respond': {en: 'respond', zh: '签收'},
  'sla.resolve': {en: 'resolve', zh: '办结'},
  'sla.dueIn': {en: 'due in {span}', zh: '{span} 后到期'},
  'overdue.none': {en: 'nothing overdue', zh: '没有超期的留言'},
  'template.added': {en: 'template {name} added', zh: '模板 {name} 已添加'},
  'template.removed': {en: 'template {name} removed', zh: '模板 {name} 已删除'},
  'template.none': {en: 'no templates', zh: '没有模板'},
  'reply.drafted': {en: 'case {id}: reply {reply} draft version {version} saved', zh: '留言 {id}：答复 {reply} 第 {version} 版草稿已保存'},
  'reply.approved': {en: 'case {id}: reply {reply} approved by {actor}', zh: '留言 {id}：答复 {reply} 已由 {actor} 审核通过'},
  'reply.sendFailed': {en: 'case {id}: {reason}', zh: '留言 {id}：{reason}'},
  'reply.none': {en: 'no replies waiting', zh: '没有待处理的答复'},
  'reply.skipped': {en: 'case {id}: skipped: {reason}', zh: '留言 {id}：已跳过：{reason}'},
  'reply.sent': {en: 'sent {ok}, failed {failed}', zh: '已发送 {ok}，失败 {failed}'},
  'reply.wouldSend': {en: 'would send {ok}, failed {failed}', zh: '将发送 {ok}，失败 {failed}'},
  'rate.recorded': {en: 'case {id}: rating recorded', zh: '留言 {id}：评价已记录'},
  'rate.reopened': {en: 'case {id}: unsatisfied, reopened', zh: '留言 {id}：不满意，已重新办理'},
  'rate.duplicate': {en: 'case {id}: this rating was already recorded', zh: '留言 {id}：该评价已记录过'},
  'rate.summary': {
    en: '{file}: recorded {recorded}, already there {duplicates}, reopened {reopened}, failed {failed}',
    zh: '{file}：记录 {recorded}，已存在 {duplicates}，重新办理 {reopened}，失败 {failed}',
  },
  'case.closed': {en: 'case {id} closed', zh: '留言 {id} 已办结'},
  'case.reopened': {en: 'case {id} reopened', zh: '留言 {id} 已重新办理'},
  'triage.needsTty': {en: 'interactive triage needs a terminal', zh: '交互式分拣需要在终端中运行'},
  'triage.summary': {
    en: 'examined {examined}: triaged {triaged}, assigned {assigned}, left for people {left}, failed {failed}',
    zh: '已检查 {examined}：已分拣 {triaged}，已交办 {assigned}，留待人工 {left}，失败 {failed}',
  },
  'triage.summaryDry': {
    en: 'dry run, nothing written: examined {examined}: would triage {triaged}, assign {assigned}, leave {left} for people',
    zh: '试运行，未写入：已检查 {examined}：将分拣 {triaged}，交办 {assigned}，留待人工 {left}',
  },
  'tri.remaining': {en: '{n} new left', zh: '剩余 {n} 条'},
  'tri.suggestions': {en: 'Suggestions', zh: '建议'},
  'tri.noModel': {en: 'no classifier (board classifier train)', zh: '无分类模型（board classifier train）'},
  'tri.urgency': {en: 'Urgency', zh: '紧急标记'},
  'tri.flag.collective': {en: 'collective', zh: '群体性'},
  'tri.flag.utility': {en: 'utility', zh: '水电气热'},
  'tri.flag.safety': {en: 'safety', zh: '安全'},
  'tri.duplicate': {en: 'Possible duplicate', zh: '疑似重复'},
  'tri.action': {en: 'Decision', zh: '处理'},
  'tri.accept': {en: 'Accept suggestions', zh: '采纳建议'},
  'tri.acceptHandler': {en: 'Accept and pick a handler', zh: '采纳并指定办理人'},
  'tri.correct': {en: 'Correct category / type / urgency / unit', zh: '修改分类/类型/紧急标记/单位'},
  'tri.merge': {en: 'Merge into a duplicate (并案)', zh: '并案'},
  'tri.reject': {en: 'Reject as spam / invalid', zh: '不予受理（垃圾/无效）'},
  'tri.skip': {en: 'Skip', zh: '跳过'},
  'tri.quit': {en: 'Quit', zh: '退出'},
  'tri.none': {en: '(none)', zh: '（无）'},
  'tri.unitSearch': {en: 'Unit (type to search)', zh: '单位（输入以搜索）'},
  'tri.handler': {en: 'Handler', zh: '办理人'},
  'tri.reason': {en: 'Reason', zh: '理由'},
  'tri.saved': {en: 'saved: #{id} → {status}', zh: '已保存：#{id} → {status}'},
  'tri.empty': {en: 'no new messages left', zh: '没有待分拣的留言'},
  'tri.done': {en: '{n} decision(s) saved', zh: '已保存 {n} 项处理'},
  'tri.conflict': {en: 'someone else changed #{id}; it was left as is', zh: '#{id} 已被他人修改，未保存'},
  'doctor.ok': {en: 'all checks passed', zh: '全部检查通过'},
  'doctor.failed': {en: '{n} check(s) need attention', zh: '{n} 项检查需要处理'},
  'doctor.warnings': {en: 'no failures; {n} warning(s) above', zh: '没有失败项；上面有 {n} 条提醒'},
}

export function translate(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const m = messages[key]
  const text = m ? m[lang] : key
  return text.replace(/\{(\w+)\}/g, (_, k: string) => (k in vars ? String(vars[k]) : `{${k}}`))
}
