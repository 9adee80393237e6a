import {DATA} from '../helpers/run-cli.js'

/** The vendored fixtures; kept as its own name for the reply tests that import it. */
export const REPLY_DATA = DATA
