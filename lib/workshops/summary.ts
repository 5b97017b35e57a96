import 'server-only';
import { dictionaries } from '../i18n/dictionaries';
import type { summaryData } from './views';

type Summary = ReturnType<typeof summaryData>;
type Lang = 'en' | 'ja';

const words = (lang: Lang) => dictionaries.missions[lang] as Record<string, string>;

/** Markdown table cells: a name is the participant's text, so pipes and line breaks are neutralised, never interpreted. */
// One pass, so an escaped pipe is not escaped again (\\| would end the table cell after all).
const cell = (text: string) => text.replace(/[\r\n]+/g, ' ').replace(/([\\`*_[\]<>#|])/g, '\\$1');

/** The summary as Markdown: missions, solve counts, prediction results; names only when the data holds them. */
export function summaryMarkdown(s: Summary, lang: Lang): string {
  const w = words(lang);
  const lines: string[] = [];
  lines.push(`# ${w.summaryTitle}: ${cell(s.workshop.title || w.summaryUntitled!)}`, '');
  lines.push(`- ${w.summaryCreated}: ${new Date(s.workshop.createdAt).toISOString()}`);
  lines.push(`- ${w.summaryParticipants}: ${s.workshop.participantCount}`);
  lines.push(`- ${s.workshop.closed ? w.summaryClosed : w.summaryOpen}`, '');
  lines.push(`| # | ${w.summaryMission} | ${w.summarySolved} | ${w.summaryAttempted} | ${w.summaryNotStarted} | ${w.summaryStuck} |`);
  lines.push('|---|---|---|---|---|---|');
  for (const m of s.missions) {
    lines.push(`| ${m.order} | ${cell(w[`mission_${m.missionId}_goal`]!)} | ${m.solved} | ${m.attempted} | ${m.notStarted} | ${m.stuck} |`);
  }
  lines.push('', `## ${w.summaryPredictions}`, '');
  for (const m of s.missions) {
    const p = m.prediction;
    lines.push(`### ${m.order}. ${cell(w[`mission_${m.missionId}_question`]!)}`, '');
    lines.push(`${p.total} ${w.summaryAnswers} (${p.revealed ? w.summaryRevealed : w.summaryHidden})`, '');
    for (const o of p.options) lines.push(`- ${cell(w[`mission_${m.missionId}_option_${o}`]!)}: ${p.counts[o] ?? 0}`);
    lines.push('');
  }
  if (s.participants) {
    lines.push(`## ${w.summaryNames}`, '');
    for (const p of s.participants) lines.push(`- ${cell(p.name)}: ${p.solved.length ? p.solved.join(', ') : w.summaryNone}`);
    lines.push('');
  }
  return lines.join('\n');
}
