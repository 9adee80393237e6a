import {existsSync} from 'node:fs'
import {join} from 'node:path'

import {DATA, ROOT} from '../helpers/run-cli.js'

/** DATA beside the checkout, or two levels up when the checkout is a worktree under wt/. */
export const REPLY_DATA = existsSync(DATA) ? DATA : join(ROOT, '..', '..', 'shared', 'data')
