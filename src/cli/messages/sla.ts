import type {Messages} from './messages.js'

// Urgency flags, the store's zone and reminders (SLA capability).
export const sla: Messages = {
  'flag.summary': {en: 'flags changed on {changed} case(s), {unchanged} already so, {failed} failed', zh: '已修改 {changed} 条留言的标记，{unchanged} 条无需修改，{failed} 条失败'},
  'flag.summaryDry': {en: 'dry run, nothing written: would change {changed} case(s), {unchanged} already so, {failed} cannot', zh: '试运行，未写入：将修改 {changed} 条，{unchanged} 条无需修改，{failed} 条无法修改'},
}
