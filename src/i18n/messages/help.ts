import type {Messages} from './messages.js'

// oclif's help in Chinese (src/cli/help/): loaded only when help is shown in Chinese, so it is not
// in index.ts. Keys, as src/cli/help/help-text.ts reads them: COMMAND.summary, COMMAND.description,
// COMMAND.flag.NAME, COMMAND.arg.NAME; *.flag.NAME and *.arg.NAME for a text many commands share;
// @heading, @mark, @topic and @root for help's own words. Each entry's English is the command's, as
// test/cli/help.test.ts checks: change one and the test asks for the other.
export const help: Messages = {
  // Help's own words
  '@heading.USAGE': {en: 'USAGE', zh: '用法'},
  '@heading.ARGUMENTS': {en: 'ARGUMENTS', zh: '参数'},
  '@heading.FLAGS': {en: 'FLAGS', zh: '选项'},
  '@heading.GLOBAL FLAGS': {en: 'GLOBAL FLAGS', zh: '全局选项'},
  '@heading.DESCRIPTION': {en: 'DESCRIPTION', zh: '说明'},
  '@heading.EXAMPLES': {en: 'EXAMPLES', zh: '示例'},
  '@heading.COMMANDS': {en: 'COMMANDS', zh: '命令'},
  '@heading.TOPICS': {en: 'TOPICS', zh: '主题'},
  '@heading.ALIASES': {en: 'ALIASES', zh: '别名'},
  '@heading.FLAG DESCRIPTIONS': {en: 'FLAG DESCRIPTIONS', zh: '选项说明'},
  '@heading.VERSION': {en: 'VERSION', zh: '版本'},
  '@mark.required': {en: '(required)', zh: '（必填）'},
  '@mark.default': {en: '[default: ', zh: '[默认：'},
  '@mark.env': {en: 'env: ', zh: '环境变量：'},
  '@mark.options': {en: '<options: ', zh: '<可选值：'},
  '@mark.command': {en: '[COMMAND]', zh: '[命令]'},
  '@root.description': {en: 'Command-line toolkit for handling citizens\' messages on a public message board: import, triage, SLA, replies, statistics', zh: '处理留言板群众留言的命令行工具：导入、分拣、时限、答复、统计'},
  // Topics
  '@topic.db': {en: 'Store administration', zh: '存储管理'},
  '@topic.config': {en: 'Shared settings kept in the store', zh: '存储中的共享设置'},
  '@topic.calendar': {en: 'China\'s working calendar (holidays and make-up workdays)', zh: '国家工作日历（节假日和调休工作日）'},
  '@topic.sla': {en: 'SLA deadlines: explain and recompute', zh: 'SLA 时限：说明与重新计算'},
  '@topic.template': {en: 'Reply templates with variables', zh: '带变量的答复模板'},
  '@topic.reply': {en: 'Draft, check, approve and send replies', zh: '起草、检查、审核和发送答复'},
  '@topic.rate': {en: 'Citizens\' ratings of replied cases', zh: '群众对已答复留言的评价'},
  '@topic.unit': {en: 'Units (单位) that cases are routed to', zh: '留言交办的单位'},
  '@topic.handler': {en: 'Handlers (办理人) in units', zh: '单位中的办理人'},
  '@topic.classifier': {en: 'The category classifier kept in the store', zh: '存储中的分类模型'},
  '@topic.autocomplete': {en: 'Display autocomplete installation instructions.', zh: '显示自动补全的安装说明。'},
  // Flags and arguments that read the same in many commands
  '*.flag.json': {en: 'Format output as json.', zh: '以 JSON 格式输出。'},
  '*.flag.store': {en: 'store: a SQLite file path or postgres://… URL (else BOARD_STORE, the config file, the default file)', zh: '存储：SQLite 文件路径或 postgres://… 地址（否则取 BOARD_STORE、配置文件、默认文件）'},
  '*.flag.lang': {en: 'language of messages (else from LANG)', zh: '提示信息的语言（否则按 LANG）'},
  '*.flag.as': {en: 'actor recorded in the audit log (else BOARD_ACTOR, else the OS user)', zh: '记入审计日志的操作人（否则取 BOARD_ACTOR，再否则为系统用户）'},
  '*.flag.where': {en: 'select by category=…,region=…,status=…,unit=…,older-than=3d', zh: '按条件选择：category=…,region=…,status=…,unit=…,older-than=3d'},
  '*.flag.ids': {en: 'read ids from a file, or - for stdin (one per line, or the JSON of board list --json)', zh: '从文件读取编号，- 表示标准输入（每行一个，或 board list --json 的 JSON）'},
  '*.flag.yes': {en: 'apply without asking', zh: '不询问，直接执行'},
  '*.arg.ids': {en: 'case ids', zh: '留言编号'},
  '*.arg.id': {en: 'case id, or SOURCE/REF', zh: '留言编号，或 来源/留言编号（SOURCE/REF）'},
  '*.flag.since': {en: 'posted at or after (date or time, in the configured zone)', zh: '留言时间不早于此（日期或时间，按配置的时区）'},
  '*.flag.until': {en: 'posted before (date or time, in the configured zone)', zh: '留言时间早于此（日期或时间，按配置的时区）'},
  '*.flag.unit': {en: 'only this unit (code or name)', zh: '只看这个单位（代码或名称）'},
  '*.flag.category': {en: 'only this category (分类)', zh: '只看这个分类'},
  '*.arg.file': {en: 'CSV file, or - for stdin', zh: 'CSV 文件，- 表示标准输入'},
  '*.arg.name': {en: 'template name', zh: '模板名称'},
  '*.arg.shell': {en: 'Shell type', zh: 'Shell 类型'},
  // assign
  'assign.summary': {en: 'Assign (交办) cases to a unit or handler, one or thousands', zh: '把留言交办给单位或办理人，一条或成千上万条'},
  'assign.description': {en: 'Cases come from ids, --where, --ids - (stdin) or --from-csv. With --strategy, cases are spread over the unit\'s on-duty handlers within capacity. --dry-run prints the plan; applying more than one case without a terminal needs --yes.', zh: '留言来自编号、--where、--ids -（标准输入）或 --from-csv。使用 --strategy 时，留言在上限之内分给该单位在岗的办理人。--dry-run 打印计划；不在终端中一次交办多条留言需要 --yes。'},
  'assign.flag.to': {en: 'UNIT or UNIT/HANDLER (codes or names)', zh: '单位 或 单位/办理人（代码或名称）'},
  'assign.flag.from-csv': {en: 'CSV mapping id,unit[,handler] per row', zh: '每行 编号,单位[,办理人] 的 CSV 对照表'},
  'assign.flag.strategy': {en: 'spread over the unit\'s on-duty handlers', zh: '分给该单位在岗的办理人'},
  'assign.flag.dry-run': {en: 'print the plan; write nothing', zh: '打印计划；不写入任何数据'},
  'assign.flag.force': {en: 'assign to a named handler who is off duty or at capacity', zh: '交办给指名的办理人，即使其不在岗或已达上限'},
  // calendar import
  'calendar:import.summary': {en: 'Add a year of China\'s holidays and make-up workdays (holiday-cn JSON)', zh: '添加一年的国家节假日和调休工作日（holiday-cn JSON）'},
  'calendar:import.description': {en: 'Stored years override the bundled ones. Run board sla recompute afterwards so deadlines use it.', zh: '存储中的年份优先于自带的年份。之后请运行 board sla recompute，使时限按新日历计算。'},
  'calendar:import.arg.file': {en: 'holiday-cn JSON file, or - for stdin', zh: 'holiday-cn JSON 文件，- 表示标准输入'},
  // calendar show
  'calendar:show.summary': {en: 'Show the holidays and make-up workdays of a year', zh: '显示某年的节假日和调休工作日'},
  'calendar:show.arg.year': {en: 'year, e.g. 2024', zh: '年份，例如 2024'},
  // classifier eval
  'classifier:eval.summary': {en: 'Measure the classifier: per-category precision/recall/F1 and macro-F1', zh: '评估分类模型：各分类的精确率/召回率/F1 及宏平均 F1'},
  'classifier:eval.description': {en: 'k-fold cross-validation on --from (default 5 folds), or train on --from and score on --test. Nothing is written to the store.', zh: '对 --from 做 k 折交叉验证（默认 5 折），或用 --from 训练、用 --test 评分。不向存储写入任何数据。'},
  'classifier:eval.flag.from': {en: 'CSV of labeled messages (留言主题, 留言详情, 一级标签)', zh: '已标注留言的 CSV（留言主题、留言详情、一级标签）'},
  'classifier:eval.flag.folds': {en: 'number of cross-validation folds', zh: '交叉验证的折数'},
  'classifier:eval.flag.also': {en: 'extra training data for every fold (e.g. labeled_titles.csv)', zh: '每一折都加入的额外训练数据（例如 labeled_titles.csv）'},
  'classifier:eval.flag.test': {en: 'held-out CSV to score instead of cross-validating', zh: '用于评分的留出 CSV，代替交叉验证'},
  // classifier train
  'classifier:train.summary': {en: 'Train the category classifier and keep it in the store', zh: '训练分类模型并保存在存储中'},
  'classifier:train.description': {en: 'Learns from cases already categorised in the store, or from CSV files (留言主题, 留言详情, 一级标签). Every clerk of the store then gets suggestions from this model.', zh: '从存储中已分类的留言学习，或从 CSV 文件学习（留言主题、留言详情、一级标签）。此后使用该存储的每位工作人员都会得到该模型的建议。'},
  'classifier:train.flag.from': {en: 'CSV of labeled messages (repeatable); default: categorised cases in the store', zh: '已标注留言的 CSV（可重复）；默认：存储中已分类的留言'},
  // close
  'close.summary': {en: 'Close (办结) a case: records resolvedAt', zh: '办结留言：记录办结时间（resolvedAt）'},
  'close.flag.note': {en: 'a note for the history', zh: '记入历史的备注'},
  // config export
  'config:export.summary': {en: 'Print the shared settings as YAML (the input of config import)', zh: '以 YAML 打印共享设置（即 config import 的输入）'},
  // config import
  'config:import.summary': {en: 'Import shared settings (YAML) into the store', zh: '把共享设置（YAML）导入存储'},
  'config:import.description': {en: 'Every key is validated before anything is written; each change is an audit event.', zh: '写入之前先校验每一个键；每项修改都记为一条审计事件。'},
  'config:import.flag.dry-run': {en: 'validate and show what would change', zh: '校验并显示将要修改的内容'},
  'config:import.arg.file': {en: 'YAML file, or - for stdin', zh: 'YAML 文件，- 表示标准输入'},
  // config show
  'config:show.summary': {en: 'Show machine-local settings and the shared settings in the store', zh: '显示本机设置和存储中的共享设置'},
  'config:show.arg.key': {en: 'one shared setting', zh: '一个共享设置项'},
  // db copy
  'db:copy.summary': {en: 'Copy a whole store into another (SQLite ⇄ PostgreSQL), ids kept, counts checked', zh: '把整个存储复制到另一个存储（SQLite ⇄ PostgreSQL），保留编号并核对数量'},
  'db:copy.description': {en: 'Copies every table both stores have, parents before children, in one transaction on the target; new ids then continue after the copied ones. Both stores are migrated first. A non-empty target is refused unless --replace (which empties it; needs --yes when not interactive). Exit 1 when a count differs.\nPasswords: not in --from/--to (they are visible to other users); use PGPASSWORD or ~/.pgpass.', zh: '复制两个存储都有的每一张表，先父表后子表，在目标库的一个事务中完成；之后新的编号接在复制来的编号之后。两个存储都会先迁移。目标库非空时拒绝复制，除非使用 --replace（会清空目标库；非交互时还需 --yes）。数量不一致时退出码为 1。\n密码：不要写在 --from/--to 中（其他用户能看到）；请使用 PGPASSWORD 或 ~/.pgpass。'},
  'db:copy.flag.from': {en: 'source store: SQLite file or postgres://… URL', zh: '源存储：SQLite 文件或 postgres://… 地址'},
  'db:copy.flag.to': {en: 'target store: SQLite file or postgres://… URL', zh: '目标存储：SQLite 文件或 postgres://… 地址'},
  'db:copy.flag.replace': {en: 'empty a non-empty target first', zh: '先清空非空的目标库'},
  'db:copy.flag.yes': {en: 'confirm --replace without asking', zh: '不询问，直接确认 --replace'},
  'db:copy.flag.dry-run': {en: 'show what would be copied', zh: '显示将要复制的内容'},
  // db grant
  'db:grant.summary': {en: 'Let a PostgreSQL role see and change only one unit\'s cases (and its sub-units\'), enforced by the database', zh: '让一个 PostgreSQL 角色只能查看和修改一个单位（及其下级单位）的留言，由数据库强制执行'},
  'db:grant.description': {en: 'Creates the role (LOGIN, no password) when it does not exist, grants it the board tables, and records the unit in unit_grants; row-level security then limits it to the cases of that unit and every unit below it, with their events, replies and ratings. Events it writes carry its own name as actor. Repeat for more units. --admin makes the role a member of board_admin, which sees everything (so do the tables\' owner and superusers).\nRun as the tables\' owner with CREATEROLE (or a superuser). PostgreSQL stores only.', zh: '角色不存在时创建它（LOGIN，无密码），授予它 board 的各表，并把该单位记入 unit_grants；此后行级安全把它限制在该单位及其以下每个单位的留言，以及这些留言的事件、答复和评价。它写入的事件以它自己的名字为操作人。如需更多单位，请重复运行。--admin 使该角色成为 board_admin 的成员，可以看到全部数据（表的所有者和超级用户也一样）。\n请以具有 CREATEROLE 的表所有者（或超级用户）身份运行。仅适用于 PostgreSQL 存储。'},
  'db:grant.flag.unit': {en: 'unit code or name', zh: '单位代码或名称'},
  'db:grant.flag.admin': {en: 'make the role a board admin (sees all units)', zh: '让该角色成为 board 管理员（可看到所有单位）'},
  'db:grant.arg.role': {en: 'database role (letters, digits, _)', zh: '数据库角色（字母、数字、_）'},
  // db grants
  'db:grants.summary': {en: 'List which PostgreSQL roles reach which units (db grant)', zh: '列出哪些 PostgreSQL 角色可以访问哪些单位（db grant）'},
  // db migrate
  'db:migrate.summary': {en: 'Bring the store\'s schema up to date (every command also does this on open)', zh: '把存储的结构升级到最新（每条命令打开存储时也会这样做）'},
  // db revoke
  'db:revoke.summary': {en: 'Take a unit back from a PostgreSQL role granted it with db grant (the role itself is kept)', zh: '收回用 db grant 授予某个 PostgreSQL 角色的单位（角色本身保留）'},
  'db:revoke.flag.unit': {en: 'unit code or name', zh: '单位代码或名称'},
  'db:revoke.arg.role': {en: 'database role', zh: '数据库角色'},
  // db search-index
  'db:search-index.summary': {en: 'Index for search the cases that wait for it', zh: '为等待建立搜索索引的留言建立索引'},
  'db:search-index.description': {en: 'A large import leaves its cases to be indexed by a process of its own, which the import starts; until then searches find them too, only more slowly. This runs that catch-up itself: after a crash, or from cron. While another one runs it says so and ends (exit 0). Ctrl-C stops it between batches, keeping what it indexed.', zh: '大批导入会把留言留给导入自行启动的一个独立进程建立索引；在此之前也能搜到这些留言，只是较慢。本命令自己完成这项补建：用于崩溃之后，或由 cron 运行。另一个补建正在运行时，本命令会说明并结束（退出码 0）。Ctrl-C 会在两批之间停止，已建立的索引保留。'},
  // db status
  'db:status.summary': {en: 'Show the store\'s backend and applied migrations', zh: '显示存储的后端和已应用的迁移'},
  // doctor
  'doctor.summary': {en: 'Check the store, the settings and the capabilities that depend on them', zh: '检查存储、设置以及依赖它们的各项功能'},
  'doctor.description': {en: 'Exit code 1 when any check fails (3 with --fail-if-any is not needed: failures already exit 1).', zh: '任何一项检查失败时退出码为 1（无需 --fail-if-any 取得 3：失败已经以 1 退出）。'},
  'doctor.flag.quiet': {en: 'print only failing checks', zh: '只打印未通过的检查'},
  // export
  'export.summary': {en: 'Export cases as CSV, JSON or Open311 (GeoReport v2), safe to open', zh: '把留言导出为 CSV、JSON 或 Open311（GeoReport v2），可放心打开'},
  'export.description': {en: 'CSV cells that a spreadsheet would run as formulas are neutralised. Phone numbers, ID-card numbers and email addresses in citizen text are masked unless --no-redact is given (recorded in the audit log).', zh: '电子表格会当作公式执行的 CSV 单元格会被消除危害。留言人文本中的电话号码、身份证号和电子邮件地址会被遮盖，除非使用 --no-redact（记入审计日志）。'},
  'export.flag.format': {en: 'output format', zh: '输出格式'},
  'export.flag.out': {en: 'write to this file (else stdout)', zh: '写入此文件（否则写到标准输出）'},
  'export.flag.redact': {en: 'mask phone numbers, ID numbers and emails (--no-redact: admins, audited)', zh: '遮盖电话号码、身份证号和电子邮件（--no-redact：仅管理员，记入审计）'},
  // flag
  'flag.summary': {en: 'Set or clear urgency flags (urgent 紧急, collective 群体性, utility 水电气热, safety 安全) on cases', zh: '设置或清除留言的紧急标记（紧急 urgent、群体性 collective、水电气热 utility、安全 safety）'},
  'flag.description': {en: 'Each change is an audit event ("flag") and the case\'s deadlines are recomputed at once, since flags choose the SLA rule. Cases come from ids, --where or --ids - (stdin). Changing more than one case without a terminal needs --yes.', zh: '每项修改都记为一条审计事件（"flag"），并立即重新计算留言的时限，因为标记决定适用的 SLA 规则。留言来自编号、--where 或 --ids -（标准输入）。不在终端中修改多条留言需要 --yes。'},
  'flag.flag.urgent': {en: 'urgent (紧急); --no-urgent clears it', zh: '紧急；--no-urgent 清除'},
  'flag.flag.collective': {en: 'collective (群体性); --no-collective clears it', zh: '群体性；--no-collective 清除'},
  'flag.flag.utility': {en: 'water, power, gas, heating (水电气热)', zh: '水电气热（供水、供电、燃气、供暖）'},
  'flag.flag.safety': {en: 'safety (安全)', zh: '安全'},
  'flag.flag.reason': {en: 'why, kept in the audit event', zh: '原因，记入审计事件'},
  'flag.flag.dry-run': {en: 'show what would change; write nothing', zh: '显示将要修改的内容；不写入任何数据'},
  // handler add
  'handler:add.summary': {en: 'Add or update a handler (办理人) in a unit', zh: '在单位中添加或更新办理人'},
  'handler:add.flag.name': {en: 'full name', zh: '姓名'},
  'handler:add.flag.unit': {en: 'unit code or name', zh: '单位代码或名称'},
  'handler:add.flag.email': {en: 'email address', zh: '电子邮件地址'},
  'handler:add.flag.off-duty': {en: 'not taking new cases', zh: '不接新的留言'},
  'handler:add.flag.capacity': {en: 'most open cases at once (default: no limit)', zh: '同时在办留言的上限（默认：不限）'},
  'handler:add.arg.code': {en: 'handler code (unique)', zh: '办理人代码（唯一）'},
  // handler import
  'handler:import.summary': {en: 'Import handlers from CSV (code,name,unit,email,on_duty,capacity)', zh: '从 CSV 导入办理人（code,name,unit,email,on_duty,capacity）'},
  // handler list
  'handler:list.summary': {en: 'List handlers with their open load', zh: '列出办理人及其在办数量'},
  // import
  'import.summary': {en: 'Import messages from CSV exports (UTF-8, BOM or GB18030) or Open311 JSON', zh: '从 CSV 导出文件（UTF-8、带 BOM 或 GB18030）或 Open311 JSON 导入留言'},
  'import.description': {en: 'Recognises the message-board headers (留言编号, 留言用户, 留言主题, 留言时间, 留言详情, 一级标签, 答复意见, 答复时间, 点赞数, 反对数) and their English equivalents; --map names the columns of any other export.\nRe-importing a file changes nothing; changed rows update their case with an audit event. Bad rows are reported with file and line and written to a rejects CSV; the exit code is 1 when any row was rejected.', zh: '识别留言板的表头（留言编号、留言用户、留言主题、留言时间、留言详情、一级标签、答复意见、答复时间、点赞数、反对数）及其英文对应；--map 指定其他导出文件的列名。\n重复导入同一文件不会改变任何数据；有变化的行会更新其留言并记一条审计事件。有问题的行会报告文件和行号，并写入拒收 CSV；有任何一行被拒收时退出码为 1。'},
  'import.flag.source': {en: 'the id space of the files\' refs (留言编号)', zh: '文件中留言编号所属的编号空间（来源）'},
  'import.flag.tz': {en: 'zone of local times in the file (default: the store zone, setting store.timezone)', zh: '文件中本地时间的时区（默认：存储的时区，即设置项 store.timezone）'},
  'import.flag.encoding': {en: 'utf8 or gb18030/gbk (default: detected)', zh: 'utf8 或 gb18030/gbk（默认：自动识别）'},
  'import.flag.map': {en: 'JSON/YAML map file: {"fields": {field: column}, "timezone", "dateFormat"}', zh: 'JSON/YAML 列名对照文件：{"fields": {field: column}, "timezone", "dateFormat"}'},
  'import.flag.format': {en: 'input format', zh: '输入格式'},
  'import.flag.rejects': {en: 'CSV file for rejected rows (default: beside the store)', zh: '存放被拒收行的 CSV 文件（默认：存储旁边）'},
  'import.flag.dry-run': {en: 'parse and validate without writing', zh: '只解析和校验，不写入'},
  'import.flag.index-now': {en: 'index the cases for search before returning (a large import leaves that to a process of its own)', zh: '返回之前为留言建立搜索索引（大批导入默认把这项工作交给一个独立进程）'},
  'import.arg.file': {en: 'CSV or JSON file(s); - for stdin', zh: 'CSV 或 JSON 文件；- 表示标准输入'},
  // list
  'list.summary': {en: 'List cases', zh: '列出留言'},
  'list.flag.status': {en: 'only these statuses', zh: '只看这些状态'},
  'list.flag.handler': {en: 'only this handler (code or name)', zh: '只看这个办理人（代码或名称）'},
  'list.flag.source': {en: 'only this import source', zh: '只看这个导入来源'},
  'list.flag.search': {en: 'text in title or body, or an exact ref', zh: '标题或正文中的文字，或一个完整的留言编号'},
  'list.flag.order': {en: 'with --search: newest first (the default), or most relevant first (the ref, then the title, then how often the body has it; a word with more than 5,000 matches ranks its newest 5,000)', zh: '配合 --search：最新的在前（默认），或最相关的在前（先留言编号，再标题，再看正文中出现的次数；匹配超过 5,000 条的词只对其最新的 5,000 条排序）'},
  'list.flag.limit': {en: 'at most this many (0: all); default: all when piped or with --json, 50 on a terminal', zh: '最多显示这么多条（0：全部）；默认：通过管道或使用 --json 时全部，在终端中 50 条'},
  // overdue
  'overdue.summary': {en: 'List cases past (or close to) their respond/resolve deadline; --notify sends reminders', zh: '列出已超过（或临近）签收/办结时限的留言；--notify 发送提醒'},
  'overdue.description': {en: 'Sorted by how late, grouped by unit. --fail-if-any exits 3 when anything is listed (monitoring).\n--notify (from cron) records each due reminder in the outbox before sending it and sends each once; failed sends are retried by later runs with backoff; exit 1 when a send failed.', zh: '按超期时长排序，按单位分组。--fail-if-any 在列出任何留言时以 3 退出（用于监控）。\n--notify（由 cron 运行）在发送之前把每条到期提醒记入发件箱，每条只发送一次；发送失败的由之后的运行按退避间隔重试；有发送失败时退出码为 1。'},
  'overdue.flag.at': {en: 'evaluate as of this time (in the configured zone) instead of now', zh: '按此时间（配置的时区）而不是现在来计算'},
  'overdue.flag.within': {en: 'also list deadlines due within this span, e.g. 2h or 1d', zh: '同时列出在此时长内到期的时限，例如 2h 或 1d'},
  'overdue.flag.unit': {en: 'only this unit (code or name); with --notify, only its reminders are recorded and sent', zh: '只看这个单位（代码或名称）；配合 --notify 时只记录和发送该单位的提醒'},
  'overdue.flag.csv': {en: 'CSV on stdout', zh: '以 CSV 输出到标准输出'},
  'overdue.flag.fail-if-any': {en: 'exit 3 when any case is listed', zh: '列出任何留言时以 3 退出'},
  'overdue.flag.notify': {en: 'send due reminders through the units\' channels (setting notify.channels)', zh: '通过各单位的渠道发送到期提醒（设置项 notify.channels）'},
  'overdue.flag.dry-run': {en: 'with --notify: show what would be sent', zh: '配合 --notify：显示将要发送的内容'},
  // rate
  'rate.summary': {en: 'Record the citizen\'s rating (群众点评) of a replied case; unsatisfied reopens it', zh: '记录群众对已答复留言的点评；不满意会重新办理'},
  'rate.flag.satisfied': {en: 'the citizen is satisfied', zh: '留言人满意'},
  'rate.flag.unsatisfied': {en: 'the citizen is not satisfied (reopens the case)', zh: '留言人不满意（重新办理该留言）'},
  'rate.flag.comment': {en: 'the citizen\'s comment', zh: '留言人的评价内容'},
  'rate.flag.time': {en: 'when the citizen rated (default: now)', zh: '留言人评价的时间（默认：现在）'},
  // rate import
  'rate:import.summary': {en: 'Import citizens\' ratings from CSV (ref, rating, comment, time)', zh: '从 CSV 导入群众评价（留言编号、评价、评价内容、评价时间）'},
  'rate:import.description': {en: 'rating: satisfied/unsatisfied, 满意/基本满意/不满意, 1/0. Chinese headers (留言编号, 评价, 评价内容, 评价时间) work too. Re-importing a file records nothing twice; unsatisfied rows reopen their case. Exit 1 when any row failed.', zh: '评价：satisfied/unsatisfied、满意/基本满意/不满意、1/0。也可使用中文表头（留言编号、评价、评价内容、评价时间）。重复导入同一文件不会重复记录；不满意的行会重新办理其留言。有任何一行失败时退出码为 1。'},
  'rate:import.flag.source': {en: 'the import source the refs belong to', zh: '留言编号所属的导入来源'},
  'rate:import.arg.file': {en: 'CSV file (- for stdin)', zh: 'CSV 文件（- 表示标准输入）'},
  // reopen
  'reopen.summary': {en: 'Reopen a replied or closed case, with a reason', zh: '重新办理已答复或已办结的留言，需说明原因'},
  'reopen.flag.reason': {en: 'why the case is reopened (kept in the history)', zh: '重新办理的原因（记入历史）'},
  // reply approve
  'reply:approve.summary': {en: 'Approve a case\'s draft reply (the approver must not be its author)', zh: '审核通过留言的答复草稿（审核人不能是起草人）'},
  // reply check
  'reply:check.summary': {en: 'Check a case\'s draft reply: length, on topic, concrete action or time, contact, others\' personal data', zh: '检查留言的答复草稿：长度、是否切题、具体措施或时间、联系方式、他人的个人信息'},
  'reply:check.description': {en: 'Findings are warnings unless the unit\'s reply.policy says check: block; then approve and send refuse the draft.', zh: '检查结果只是提醒，除非本单位的 reply.policy 设为 check: block；此时 approve 和 send 会拒绝该草稿。'},
  'reply:check.flag.fail-if-any': {en: 'exit 3 when there is any finding', zh: '有任何问题时以 3 退出'},
  // reply draft
  'reply:draft.summary': {en: 'Draft (or redraft) a case\'s reply; every version is kept', zh: '起草（或重新起草）留言的答复；每一版都会保留'},
  'reply:draft.description': {en: 'Without --template, --body or --body-file, opens $EDITOR on the current draft (only on a terminal). A new version drops any approval.', zh: '未给出 --template、--body 或 --body-file 时，用 $EDITOR 打开当前草稿（仅在终端中）。新的一版会取消已有的审核。'},
  'reply:draft.flag.template': {en: 'render this template for the case', zh: '为该留言套用此模板'},
  'reply:draft.flag.body': {en: 'reply text', zh: '答复正文'},
  'reply:draft.flag.body-file': {en: 'file with the reply text (- for stdin)', zh: '含答复正文的文件（- 表示标准输入）'},
  // reply list
  'reply:list.summary': {en: 'List replies waiting for someone: drafts to approve, approved to send, failed to retry', zh: '列出等人处理的答复：待审核的草稿、待发送的已审核答复、待重试的失败答复'},
  'reply:list.flag.status': {en: 'only these (default: draft, approved, failed)', zh: '只看这些状态（默认：draft、approved、failed）'},
  'reply:list.flag.unit': {en: 'only cases of this unit (code or name) and the units below it', zh: '只看这个单位（代码或名称）及其下级单位的留言'},
  'reply:list.flag.limit': {en: 'at most this many (0: all)', zh: '最多显示这么多条（0：全部）'},
  // reply send
  'reply:send.summary': {en: 'Send replies through the configured channel (webhook, email or outbox)', zh: '通过配置的渠道（webhook、电子邮件或发件箱）发送答复'},
  'reply:send.description': {en: 'Channels come from the shared setting reply.channels. Each reply carries one idempotency key on every try, so retrying after a failure never publishes it twice. A failed reply is retried by the next run; the exit code is 1 when any reply failed.', zh: '渠道取自共享设置 reply.channels。每条答复每次尝试都带同一个幂等键，因此失败后重试也不会重复发布。发送失败的答复由下一次运行重试；有任何答复失败时退出码为 1。'},
  'reply:send.flag.approved': {en: 'every approved reply (and every failed one, to retry)', zh: '所有已审核的答复（以及所有失败的答复，予以重试）'},
  'reply:send.flag.channel': {en: 'channel for replies never tried before (default: by reply.channels order)', zh: '从未尝试过的答复所用的渠道（默认：按 reply.channels 的顺序）'},
  'reply:send.flag.yes': {en: 'send several without asking', zh: '发送多条时不询问'},
  'reply:send.flag.dry-run': {en: 'show what would be sent, and where', zh: '显示将要发送什么、发往哪里'},
  'reply:send.arg.id': {en: 'case id(s), or SOURCE/REF', zh: '留言编号（可多个），或 来源/留言编号（SOURCE/REF）'},
  // reply show
  'reply:show.summary': {en: 'Show a case\'s current draft with its versions, send attempts and earlier replies', zh: '显示留言当前的答复草稿及其各版本、发送记录和此前的答复'},
  // report
  'report.summary': {en: 'Yearly report: one self-contained HTML file with charts (or Markdown)', zh: '年度报告：一个带图表的独立 HTML 文件（或 Markdown）'},
  'report.flag.year': {en: 'the year reported on', zh: '报告的年份'},
  'report.flag.compare': {en: 'a year to compare with', zh: '用于对比的年份'},
  'report.flag.format': {en: 'HTML page (charts) or Markdown (tables, for email)', zh: 'HTML 页面（图表）或 Markdown（表格，适合邮件）'},
  'report.flag.out': {en: 'write to this file (Markdown may go to stdout)', zh: '写入此文件（Markdown 也可输出到标准输出）'},
  // show
  'show.summary': {en: 'Show a case with its replies and full history', zh: '显示一条留言及其答复和完整历史'},
  // sla explain
  'sla:explain.summary': {en: 'Show which SLA rule matched a case, its deadlines, waits, transfers and the days the calendar skipped', zh: '显示留言适用的 SLA 规则、时限、等待、转办以及日历跳过的日子'},
  // sla recompute
  'sla:recompute.summary': {en: 'Recompute the deadlines of every open case (after a policy or calendar change)', zh: '重新计算所有在办留言的时限（在规则或日历变更之后）'},
  'sla:recompute.flag.dry-run': {en: 'show what would change, write nothing', zh: '显示将要修改的内容，不写入任何数据'},
  // stats
  'stats.summary': {en: 'Statistics: counts, shares, handling days, satisfaction, on-time rates', zh: '统计：数量、占比、办理天数、满意度、按时办结率'},
  'stats.description': {en: 'Aggregated in the store (SQL). Handling days from posting to the first reply and to resolution, in calendar days and in working days of the State Council calendar (see `board calendar`).', zh: '在存储中汇总（SQL）。办理天数从留言时间算到首次答复和办结，分别按自然日和国务院节假日安排下的工作日计算（见 `board calendar`）。'},
  'stats.flag.by': {en: 'group by, comma-separated: year, quarter, month, category, type, region, unit, handler, status', zh: '分组维度，用逗号分隔：year、quarter、month、category、type、region、unit、handler、status'},
  'stats.flag.csv': {en: 'CSV on stdout (ratios 0–1, days as decimals)', zh: '以 CSV 输出到标准输出（比率为 0–1，天数为小数）'},
  'stats.flag.chart': {en: 'bars in the terminal for one --by dimension', zh: '在终端中为一个 --by 维度画条形图'},
  'stats.flag.metric': {en: 'what --chart draws', zh: '--chart 画哪一项指标'},
  'stats.flag.wide': {en: 'on a terminal, every metric (default: a compact set that fits; piped output always has all)', zh: '在终端中显示全部指标（默认：放得下的一组精简指标；管道输出总是全部）'},
  // supervise
  'supervise.summary': {en: 'Supervise (督办) a case: flag it for follow-up and raise its priority', zh: '督办留言：标记以便跟进，并提高其优先级'},
  'supervise.flag.note': {en: 'the instruction (kept in the audit log)', zh: '督办意见（记入审计日志）'},
  'supervise.arg.id': {en: 'case id', zh: '留言编号'},
  // template add
  'template:add.summary': {en: 'Add a reply template', zh: '添加答复模板'},
  'template:add.description': {en: 'Variables: {{citizen}} the message author (留言用户), else 市民; {{case.title}} the message title (留言主题); {{case.ref}} the message number (留言编号); {{case.id}} board\'s case id; {{case.category}} the category (分类); {{unit}} the handling unit; {{handler}} the handler; {{postedAt}} when the message was posted (a time); {{today}} the day the reply is drafted (a time). Times take a filter: {{postedAt | date}} or {{postedAt | datetime}}. An unknown variable is an error here, not when a reply is sent.', zh: '变量：{{citizen}} 留言人（留言用户），没有时为“市民”；{{case.title}} 留言主题；{{case.ref}} 留言编号；{{case.id}} board 中的留言编号；{{case.category}} 分类；{{unit}} 承办单位；{{handler}} 办理人；{{postedAt}} 留言时间（时间）；{{today}} 起草答复的日期（时间）。时间可加过滤器：{{postedAt | date}} 或 {{postedAt | datetime}}。未知的变量在这里就会报错，而不是等到发送答复时。'},
  'template:add.flag.body': {en: 'template text', zh: '模板正文'},
  'template:add.flag.body-file': {en: 'file with the template text (- for stdin)', zh: '含模板正文的文件（- 表示标准输入）'},
  'template:add.flag.unit': {en: 'only for cases of this unit (code or name) and units below it', zh: '只用于这个单位（代码或名称）及其下级单位的留言'},
  // template list
  'template:list.summary': {en: 'List reply templates', zh: '列出答复模板'},
  // template remove
  'template:remove.summary': {en: 'Remove a reply template (drafts made from it keep their text)', zh: '删除答复模板（用它生成的草稿保留其正文）'},
  'template:remove.flag.yes': {en: 'do not ask for confirmation', zh: '不询问确认'},
  // template show
  'template:show.summary': {en: 'Show a reply template', zh: '显示一个答复模板'},
  // transfer
  'transfer.summary': {en: 'Transfer (转办) a case to another unit, with a reason', zh: '把留言转办给另一个单位，需说明原因'},
  'transfer.flag.to': {en: 'unit code or name', zh: '单位代码或名称'},
  'transfer.flag.reason': {en: 'why it moves (kept in the audit log)', zh: '转办的原因（记入审计日志）'},
  'transfer.arg.id': {en: 'case id', zh: '留言编号'},
  // triage
  'triage.summary': {en: 'Triage new messages: one at a time at a terminal, or --auto', zh: '分拣新留言：在终端中逐条分拣，或使用 --auto'},
  'triage.description': {en: 'At a terminal, shows the next new message with suggestions (category, type, urgency, unit, duplicates) and saves each decision at once; two clerks never get the same message.\nWith --auto, applies the suggestions to every new message whose confidence reaches --min-confidence and leaves the rest for people.', zh: '在终端中显示下一条新留言及建议（分类、类型、紧急程度、单位、重复留言），每个决定立即保存；两位工作人员不会拿到同一条留言。\n使用 --auto 时，对置信度达到 --min-confidence 的每条新留言套用建议，其余留给人工处理。'},
  'triage.flag.auto': {en: 'apply suggestions without asking', zh: '不询问，直接套用建议'},
  'triage.flag.min-confidence': {en: 'with --auto: least category confidence (0–1) to act on', zh: '配合 --auto：执行所需的最低分类置信度（0–1）'},
  'triage.flag.dry-run': {en: 'with --auto: show what would be done; nothing is claimed or written', zh: '配合 --auto：显示将要做什么；不领取也不写入任何数据'},
  // unit add
  'unit:add.summary': {en: 'Add or update a unit (单位)', zh: '添加或更新单位'},
  'unit:add.flag.name': {en: 'unit name', zh: '单位名称'},
  'unit:add.flag.parent': {en: 'parent unit code or name', zh: '上级单位代码或名称'},
  'unit:add.flag.kind': {en: 'e.g. province, city, district, department, ministry', zh: '例如 province、city、district、department、ministry'},
  'unit:add.flag.supervisor': {en: 'who is escalated to (email or channel)', zh: '升级督办时通知谁（电子邮件或渠道）'},
  'unit:add.arg.code': {en: 'unit code (unique)', zh: '单位代码（唯一）'},
  // unit import
  'unit:import.summary': {en: 'Import units from CSV (code,name,parent,kind,supervisor)', zh: '从 CSV 导入单位（code,name,parent,kind,supervisor）'},
  'unit:import.description': {en: 'Rows are upserted by code; a parent may appear after its children. Chinese headers (编码,名称,上级,类型) work too.', zh: '按代码新增或更新各行；上级单位可以出现在下级之后。也可使用中文表头（编码,名称,上级,类型）。'},
  // unit list
  'unit:list.summary': {en: 'List units as a hierarchy', zh: '按层级列出单位'},
  // wait
  'wait.summary': {en: 'Put a case on waiting for the citizen (the SLA clock stops), or --resume it', zh: '让留言等待留言人补充（SLA 计时暂停），或用 --resume 恢复'},
  'wait.flag.resume': {en: 'end the wait: back to the previous status; deadlines move by the time waited', zh: '结束等待：回到之前的状态；时限顺延等待的时长'},
  'wait.flag.reason': {en: 'why (kept in the audit log)', zh: '原因（记入审计日志）'},
  // autocomplete
  'autocomplete.description': {en: 'Display autocomplete installation instructions.', zh: '显示自动补全的安装说明。'},
  'autocomplete.flag.refresh-cache': {en: 'Refresh cache (ignores displaying instructions)', zh: '刷新缓存（不显示安装说明）'},
  // autocomplete create
  'autocomplete:create.description': {en: 'create autocomplete setup scripts and completion functions', zh: '生成自动补全的安装脚本和补全函数'},
  // autocomplete script
  'autocomplete:script.description': {en: 'outputs autocomplete config script for shells', zh: '输出各 Shell 的自动补全配置脚本'},
  // help
  'help.description': {en: 'Display help for <%= config.bin %>.', zh: '显示 <%= config.bin %> 的帮助。'},
  'help.flag.nested-commands': {en: 'Include all nested commands in the output.', zh: '在输出中包括所有下级命令。'},
  'help.arg.command': {en: 'Command to show help for.', zh: '要查看帮助的命令。'},
}
