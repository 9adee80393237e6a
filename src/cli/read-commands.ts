// Commands that only read. Opening the store for one of them does no maintenance that writes (such
// as building an index an interrupted import left out): on a full disk, or a store being written
// by an import, reading still works. The next command that writes does that maintenance.
// Commands that read but may fill what is missing (stats, report, overdue) are not listed.
const READ_COMMANDS = new Set([
  'calendar:show', 'config:export', 'config:show', 'db:grants', 'db:status', 'doctor', 'export', 'handler:list', 'list',
  'reply:list', 'reply:show', 'show', 'sla:explain', 'template:list', 'template:show', 'unit:list',
])

export function onlyReads(commandId: string | undefined): boolean {
  return commandId !== undefined && READ_COMMANDS.has(commandId)
}
