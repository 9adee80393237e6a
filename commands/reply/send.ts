import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../../src/cli/base-command.js'
import {confirmBulk} from '../../src/cli/confirm.js'
import {stoppedEarly} from '../../src/cli/interrupts.js'
import {renderTable} from '../../src/cli/render.js'
import {CHANNEL_NAMES, type ChannelName} from '../../src/domain/reply-channels.js'
import {BoardError, ExitCode, UsageError} from '../../src/errors.js'
import {type SendPlanItem, sendReplies, type SendResult} from '../../src/services/replies/send.js'

export type ReplySendResult = SendResult

export default class ReplySend extends BoardCommand<typeof ReplySend> {
  static override summary = 'Send replies through the configured channel (webhook, email or outbox)'
  static override description = `Channels come from the shared setting reply.channels. Each reply carries one idempotency key on every try, so retrying after a failure never publishes it twice. A failed reply is retried by the next run; the exit code is 1 when any reply failed.`
  static override strict = false
  static override args = {id: Args.string({description: 'case id(s), or SOURCE/REF'})}
  static override examples = [
    {description: "Send a case's approved reply", command: '<%= config.bin %> reply send 42'},
    {description: 'Send every approved reply, without asking', command: '<%= config.bin %> reply send --approved --yes'},
    {description: 'Show what would be sent; send nothing', command: '<%= config.bin %> reply send --approved --dry-run'},
  ]
  static override flags = {
    approved: Flags.boolean({description: 'every approved reply (and every failed one, to retry)'}),
    channel: Flags.string({options: [...CHANNEL_NAMES], description: 'channel for replies never tried before (default: by reply.channels order)'}),
    yes: Flags.boolean({char: 'y', description: 'send several without asking'}),
    'dry-run': Flags.boolean({description: 'show what would be sent, and where'}),
  }

  async run(): Promise<ReplySendResult> {
    const ids = this.positional
    const f = this.flags
    if (f.approved && ids.length > 0) throw new UsageError('give case ids or --approved, not both')
    if (!f.approved && ids.length === 0) throw new UsageError('no case given', 'pass case ids, or --approved --yes to send every approved reply')
    if (!f['dry-run'] && (f.approved || ids.length > 1)) {
      const what = f.approved ? 'send every approved reply' : `send ${ids.length} replies`
      if (!(await confirmBulk(what, {json: this.json, yes: f.yes}))) throw new BoardError('not confirmed; nothing was sent')
    }
    const store = await this.store()
    const result = await sendReplies(store, f.approved ? {approved: true} : {keys: ids}, {
      actor: await this.actor(),
      now: this.now(),
      dryRun: f['dry-run'],
      channel: f.channel as ChannelName | undefined,
      signal: this.abort.signal,
      onFailure: (x) => this.note(this.t('reply.sendFailed', {id: x.caseId ?? x.key ?? '', reason: x.reason})),
    })
    if (result.succeeded.length > 0) {
      const cols = [
        {header: this.t('col.case'), value: (x: SendPlanItem) => x.caseId},
        {header: this.t('col.reply'), value: (x: SendPlanItem) => x.replyId},
        {header: this.t('col.channel'), value: (x: SendPlanItem) => x.channel},
      ]
      this.out(renderTable(result.succeeded, cols, {tty: this.tty, color: this.color}))
    }
    for (const x of result.skipped) this.note(this.t('reply.skipped', {id: x.caseId, reason: x.reason}))
    if (result.notDone > 0) {
      const done = result.succeeded.length + result.failed.length + result.skipped.length
      throw stoppedEarly(this.lang, {done, total: done + result.notDone, what: 'what.replies'})
    }
    this.note(this.t(f['dry-run'] ? 'reply.wouldSend' : 'reply.sent', {ok: result.succeeded.length, failed: result.failed.length}))
    if (result.failed.length > 0) process.exitCode = ExitCode.failure
    return result
  }
}
