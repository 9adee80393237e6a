import type {Messages} from './messages.js'

// What import, settings, the calendar, statistics and the store's administration say, in the
// English the code writes and the Chinese that localise.ts says it in at the terminal.
export const admin: Messages = {
  // import
  'import.noFile': {en: 'no file given', zh: '没有指定文件'},
  'import.badZone': {en: 'unknown time zone "{tz}"', zh: '未知的时区“{tz}”'},
  'import.encoding': {en: 'unsupported encoding "{name}" (use utf8 or gb18030)', zh: '不支持的编码“{name}”（请使用 utf8 或 gb18030）'},
  'import.notObject': {en: 'service request is not an object', zh: '服务请求不是一个对象'},
  'import.parserStopped': {en: 'the parser thread stopped (exit code {code})', zh: '解析线程已停止（退出码 {code}）'},
  'import.rolledBack': {en: 'rolled back', zh: '已回滚'},
  'date.empty': {en: 'empty date', zh: '日期为空'},
  'date.invalid': {en: 'not a valid date: "{raw}"', zh: '不是有效的日期：“{raw}”'},
  'date.unrecognised': {en: 'not a recognised date: "{raw}"', zh: '无法识别的日期：“{raw}”'},
  'date.when': {en: '{flag}: "{raw}" is not a date or time', zh: '{flag}：“{raw}” 不是日期或时间'},
  'map.noColumn': {en: '{file}: the map names column "{name}" for {field}, but the file has no such column', zh: '{file}：映射文件为 {field} 指定了列“{name}”，但文件中没有这一列'},
  'map.cannotRead': {en: 'cannot read map file {path}: {reason}', zh: '无法读取映射文件 {path}：{reason}'},
  'map.parse': {en: 'map file {path} does not parse: {reason}', zh: '映射文件 {path} 无法解析：{reason}'},
  'map.fields': {en: 'map file {path}: key "fields" (field: column) is required', zh: '映射文件 {path}：必须有键 "fields"（字段: 列）'},
  'map.unknownField': {en: 'map file {path}: fields.{field} is not a field board knows', zh: '映射文件 {path}：fields.{field} 不是 board 认识的字段'},
  'map.fieldColumns': {en: 'map file {path}: fields.{field} must be a column name or a list of column names', zh: '映射文件 {path}：fields.{field} 必须是列名或列名列表'},
  'map.timezone': {en: 'map file {path}: timezone must be text', zh: '映射文件 {path}：timezone 必须是文本'},
  'map.dateFormat': {en: 'map file {path}: dateFormat must be text', zh: '映射文件 {path}：dateFormat 必须是文本'},
  'csv.yesNo': {en: 'not a yes/no value: {raw}', zh: '不是“是/否”值：{raw}'},
  // settings
  'config.noSetting': {en: 'no setting {key}', zh: '没有设置项 {key}'},
  'config.yaml': {en: '{file}: not valid YAML: {reason}', zh: '{file}：不是有效的 YAML：{reason}'},
  'config.mapping': {en: '{file}: expected a mapping of setting keys', zh: '{file}：应为设置项的键值映射'},
  'config.fileJson': {en: 'config file {path} is not valid JSON: {reason}', zh: '配置文件 {path} 不是有效的 JSON：{reason}'},
  'config.notObject': {en: 'not an object', zh: '不是一个对象'},
  'config.fixHint': {en: 'fix or delete the file', zh: '请修正或删除该文件'},
  'store.password': {en: '{flag} must not carry a password: the command line is visible to other users', zh: '{flag} 中不能带密码：命令行对其他用户可见'},
  'pg.badUrl': {en: 'not a valid PostgreSQL URL: {url}', zh: '不是有效的 PostgreSQL 地址：{url}'},
  // the calendar and deadlines
  'calendar.notYear': {en: '"{year}" is not a year', zh: '“{year}” 不是年份'},
  'calendar.none': {en: 'no State Council schedule for {year}: Monday–Friday assumed (board calendar import FILE)', zh: '{year} 年没有国务院节假日安排：按周一至周五计算（board calendar import 文件）'},
  'calendar.days': {en: '{year}: {days} working days', zh: '{year} 年：{days} 个工作日'},
  'calendar.added': {en: 'added {year}: {days} listed days; run board sla recompute to apply it to open cases', zh: '已添加 {year} 年：列出 {days} 天；运行 board sla recompute 可应用到在办留言'},
  'calendar.replaced': {en: 'replaced {year}: {days} listed days; run board sla recompute to apply it to open cases', zh: '已替换 {year} 年：列出 {days} 天；运行 board sla recompute 可应用到在办留言'},
  'calendar.json': {en: 'cannot read {file} as JSON: {reason}', zh: '无法按 JSON 读取 {file}：{reason}'},
  'calendar.ends': {
    en: 'the working calendar ends with {last}; days in {year} were counted Monday–Friday: import the State Council schedule (board calendar import) and run board sla recompute',
    zh: '工作日历只到 {last}；{year} 年的日期按周一至周五计算：请导入国务院节假日安排（board calendar import）并运行 board sla recompute',
  },
  'calendar.noYear': {en: 'no year', zh: '无'},
  'calendar.uncovered': {
    en: 'deadlines in {years} were counted Monday–Friday (no State Council schedule loaded): board calendar import, then board sla recompute',
    zh: '{years} 年的时限按周一至周五计算（未导入国务院节假日安排）：请运行 board calendar import，再运行 board sla recompute',
  },
  'calendar.noWorkingTime': {en: 'no working time within {days} days of {from}', zh: '{from} 起 {days} 天内没有工作时间'},
  'recompute.changed': {en: 'changed {changed} of {checked} open cases', zh: '已修改 {checked} 条在办留言中的 {changed} 条'},
  'recompute.wouldChange': {en: 'would change {changed} of {checked} open cases', zh: '将修改 {checked} 条在办留言中的 {changed} 条'},
  'recompute.failed': {en: '; {n} failed', zh: '；{n} 条失败'},
  // statistics, export, report
  'stats.by': {en: '--by: unknown dimension "{by}"', zh: '--by：未知的维度“{by}”'},
  'stats.chart': {en: '--chart draws one dimension', zh: '--chart 只能画一个维度'},
  'stats.zone': {
    en: 'handling times in this store are counted in {zone} with its holiday calendar, and this role may not count them again in {tz}: {reason}',
    zh: '本库的办理时长按 {zone} 及其节假日安排计算，当前角色无权按 {tz} 重新计算：{reason}',
  },
  'export.needsFile': {en: '--json prints the summary, so the export needs a file', zh: '--json 输出的是摘要，因此导出需要指定文件'},
  'report.html': {en: 'the HTML report is a file', zh: 'HTML 报告需要写入文件'},
  'report.needsFile': {en: '--json prints the figures, so the report needs a file', zh: '--json 输出的是数据，因此报告需要指定文件'},
  // the store's administration
  'db.version': {en: 'schema version {current} of {latest}', zh: '库结构版本 {current}（最新 {latest}）'},
  'db.status': {en: '{backend} {location}: schema version {current} of {latest}', zh: '{backend} {location}：库结构版本 {current}（最新 {latest}）'},
  'db.pgDetail': {en: '{version}; schema {schema}; statement timeout {timeout}', zh: '{version}；模式 {schema}；语句超时 {timeout}'},
  'db.deferred': {en: '{indexes} left out by an import under way (built again when it ends)', zh: '{indexes} 因导入正在进行而暂缺（导入结束后会重建）'},
  'copy.skipped': {en: 'not in both stores, not copied: {tables}', zh: '不同时存在于两个库中，未复制：{tables}'},
  'copy.nothing': {en: 'nothing copied', zh: '未复制任何数据'},
  'import.isDirectory': {en: '{file} is a directory, not a file', zh: '{file} 是目录，不是文件'},
}
