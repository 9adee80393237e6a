import type {Messages} from './messages.js'

// Urgency flags, the store's zone and reminders (SLA capability).
export const sla: Messages = {
  'flag.summary': {en: 'flags changed on {changed} case(s), {unchanged} already so, {failed} failed', zh: '已修改 {changed} 条留言的标记，{unchanged} 条无需修改，{failed} 条失败'},
  'flag.summaryDry': {en: 'dry run, nothing written: would change {changed} case(s), {unchanged} already so, {failed} cannot', zh: '试运行，未写入：将修改 {changed} 条，{unchanged} 条无需修改，{failed} 条无法修改'},
  'remind.head.escalate': {en: '[Overdue, escalated]', zh: '【超期督办】'},
  'remind.head.late': {en: '[Overdue]', zh: '【超期提醒】'},
  'remind.head.soon': {en: '[Deadline reminder]', zh: '【时限提醒】'},
  'remind.stage.respond': {en: 'respond', zh: '签收'},
  'remind.stage.resolve': {en: 'resolve', zh: '办结'},
  'remind.late': {en: 'overdue by {span}', zh: '已超期 {span}'},
  'remind.dueIn': {en: 'due in {span}', zh: '将于 {span} 后到期'},
  'remind.line1': {en: '{head}Case #{id} "{title}": {stage} deadline {due}, {state}.', zh: '{head}留言 #{id}「{title}」{stage}时限 {due}，{state}。'},
  'remind.line2': {en: 'Unit: {unit}; handler: {handler}{supervisor}', zh: '单位：{unit}；办理人：{handler}{supervisor}'},
  'remind.supervisor': {en: '; supervisor: {who}', zh: '；督办：{who}'},
  'remind.noUnit': {en: 'not assigned', zh: '未交办'},
  'remind.noHandler': {en: 'none', zh: '未指定'},
  'remind.tail': {en: '(case {id}, {stage} due {due}, step {step}, key {key})', zh: '（留言 {id}，{stage}时限 {due}，提醒 {step}，编号 {key}）'},
}
