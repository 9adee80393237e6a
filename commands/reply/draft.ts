import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../../src/cli/base-command.js'
import {editText} from '../../src/cli/editor.js'
import {textFromFlags} from '../../src/cli/read-text.js'
import {NoInputError, UsageError} from '../../src/errors.js'
import {type DraftResult, type DraftSource, draftReply} from '../../src/services/replies/draft.js'

export type ReplyDraftResult = DraftResult

export default class ReplyDraft extends BoardCommand<typeof ReplyDraft> {
  static override summary = "Draft (or redraft) a case's reply; every version is kept"
  static override description = 'Without --template, --body or --body-file, opens $EDITOR on the current draft (only on a terminal). A new version drops any approval.'
  static override examples = [
    {description: 'Draft from a template', command: '<%= config.bin %> reply draft 42 --template ack'},
    {description: 'Draft from a text', command: "<%= config.bin %> reply draft 42 --body '您好！经核实，…'"},
    {description: 'Draft from a file', command: '<%= config.bin %> reply draft 42 --body-file reply.txt'},
    {description: 'Draft in your editor', command: '<%= config.bin %> reply draft 42'},
  ]
  static override args = {id: Args.string({description: 'case id, or SOURCE/REF', required: true})}
  static override flags = {
    template: Flags.string({char: 't', description: 'render this template for the case'}),
    body: Flags.string({description: 'reply text'}),
    'body-file': Flags.string({description: 'file with the reply text (- for stdin)'}),
  }

  async run(): Promise<ReplyDraftResult> {
    const text = textFromFlags(this.flags.body, this.flags['body-file'])
    if (text !== undefined && this.flags.template) throw new UsageError('give --template or a body, not both')
    let source: DraftSource
    if (this.flags.template) source = {kind: 'template', name: this.flags.template}
    else if (text !== undefined) source = {kind: 'body', text}
    else if (this.canPrompt()) source = {kind: 'editor', edit: (initial) => editText(initial, `reply to case ${this.args.id}`)}
    else throw new NoInputError('no reply text and no terminal to open an editor on', 'pass --body TEXT, --body-file FILE or --template NAME')
    const store = await this.store()
    const r = await draftReply(store, this.args.id, source, {actor: await this.actor(), now: this.now(), tz: this.tz})
    this.note(this.t('reply.drafted', {id: r.caseId, reply: r.reply.id, version: r.version}))
    return r
  }
}
