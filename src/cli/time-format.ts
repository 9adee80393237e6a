// Formatting a stored time is pure (the zone is passed in), so it lives in the domain, where
// services may use it too; the CLI's renderers import it from here.
export {formatTime} from '../domain/time-format.js'
