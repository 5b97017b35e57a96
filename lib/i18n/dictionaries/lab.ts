import { defineNamespace } from '../define';

/** The lab page `/lab/[labId]`: panels, inspector, rails, timeline. */
export const lab = defineNamespace(
  {
    title: 'Lab',
    notFound: 'This lab does not exist (labs idle for a day are deleted).',
    startNew: 'Start a new lab',
  },
  {
    title: 'ラボ',
    notFound: 'このラボは存在しません（1 日使われなかったラボは削除されます）。',
    startNew: '新しいラボを始める',
  },
);
