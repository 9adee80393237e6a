import type {Messages} from './messages.js'

// What bulk and listing commands say (assign, reply, notify, show, doctor), in both languages.
export const commands: Messages = {
  'assign.caseFailed': {en: 'case {id}: {reason}', zh: '留言 {id}：{reason}'},
  'assign.dryRun': {en: 'dry run: would assign {ok}, cannot assign {cannot}; nothing written', zh: '试运行：将交办 {ok} 条，无法交办 {cannot} 条；未写入任何数据'},
  'assign.confirm': {en: 'assign {n} cases as planned above', zh: '按上面的计划交办 {n} 条留言'},
  'assign.nothing': {en: 'nothing assigned', zh: '未交办任何留言'},
  'assign.summary': {en: 'assigned {ok}, failed {failed}', zh: '已交办 {ok} 条，失败 {failed} 条'},
  'assign.offDuty': {en: 'handler {handler} is off duty.', zh: '办理人 {handler} 不在岗。'},
  'assign.full': {en: 'handler {handler} has {load} open cases of a capacity of {capacity}; {n} more would exceed it.', zh: '办理人 {handler} 已有 {load} 件在办（上限 {capacity}），再交办 {n} 件将超出上限。'},
  'assign.anyway': {en: 'Assign anyway?', zh: '仍要交办吗？'},
  'assign.forceHint': {en: 'pass --force to assign anyway, or pick another handler', zh: '如仍要交办请加 --force，或选择其他办理人'},
  'assign.noTarget': {en: 'say where the cases go', zh: '请指明交办给谁'},
  'assign.noTargetHint': {en: 'pass --to UNIT[/HANDLER], or --from-csv FILE', zh: '使用 --to 单位[/办理人]，或 --from-csv 文件'},
  'assign.noCases': {en: 'no cases given', zh: '没有指定留言'},
  'assign.noCasesHint': {en: 'pass ids, --where, --ids - or --from-csv', zh: '请给出编号，或使用 --where、--ids - 、--from-csv'},
  'col.resolved': {en: 'Resolved', zh: '办结时间'},
  'show.deadlines': {en: 'Deadlines: respond {respond}  resolve {resolve}', zh: '时限：签收 {respond}  办结 {resolve}'},
  'show.mergedInto': {en: 'Merged into #{id}', zh: '已并入 #{id}'},
  'show.mergedFrom': {en: 'Merged into this case: {ids}', zh: '并入本件的留言：{ids}'},
}
