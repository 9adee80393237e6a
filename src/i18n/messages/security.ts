import type {Messages} from './messages.js'

// The shared store's protections as users meet them: hidden settings, conflicts, busy stores.
export const security: Messages = {
  'config.hidden': {en: 'hidden: only admins read this setting (it holds secrets)', zh: '已隐藏：此设置含密钥，仅管理员可读'},
}
