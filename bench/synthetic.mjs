// Synthetic messages shaped like the TipDM exports, the same rows on every run (a fixed PRNG):
// ref, user, title, time, ~300 Chinese characters of body with the odd quoted comma and line
// break, label, and (unless replies is false) for a third of them a reply with its time.
import {createWriteStream} from 'node:fs'
import {once} from 'node:events'

const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质'
const LABELS = ['城乡建设', '环境保护', '交通运输', '教育文体', '劳动和社会保障', '商贸旅游', '卫生计生']
const pad = (n) => String(n).padStart(2, '0')

/** Writes `rows` messages as a CSV export (UTF-8, the platform's Chinese headers) to path. */
export async function writeMessages(path, rows, {replies = true} = {}) {
  let seed = 42
  const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32)
  const han = (n) => {
    let s = ''
    for (let i = 0; i < n; i++) s += HAN[(rand() * HAN.length) | 0]
    return s
  }
  const time = (t) => `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`
  const header = `留言编号,留言用户,留言主题,留言时间,留言详情,一级标签${replies ? ',答复意见,答复时间' : ''}\n`
  await writeLines(path, header, rows, (i) => {
    const t = new Date(Date.UTC(2018, 0, 1) + Math.floor(rand() * 2 * 365 * 86_400) * 1000)
    let body = han(240 + ((rand() * 120) | 0))
    const quoted = rand() < 0.05
    if (quoted) body = body.slice(0, 100) + '，"引用"，\n' + body.slice(100)
    const b = quoted ? `"${body.replaceAll('"', '""')}"` : body
    const reply = !replies ? '' : rand() < 0.33 ? `,${han(80)},${time(new Date(t.getTime() + 5 * 86_400_000))}` : ',,'
    return `${100000 + i},A${String((rand() * 1e8) | 0).padStart(9, '0')},${han(12 + ((rand() * 16) | 0))},${time(t)},${b},${LABELS[(rand() * LABELS.length) | 0]}${reply}\n`
  })
}

/** Writes header, then rowAt(1) … rowAt(rows), to path a megabyte at a time. */
export async function writeLines(path, header, rows, rowAt) {
  const out = createWriteStream(path)
  out.write(header)
  let buf = ''
  for (let i = 1; i <= rows; i++) {
    buf += rowAt(i)
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain')
      buf = ''
    }
  }
  out.write(buf)
  out.end()
  await once(out, 'finish')
}
