/**
 * The shapes the workshop API answers (the contract between the server's
 * app/api/workshops/** and the pages). Types only: the pages read what the
 * server says and never compute a mission's status themselves.
 */
export type MissionStatus = 'solved' | 'attempted' | 'not-started';
export const MISSION_STATUSES: readonly MissionStatus[] = ['solved', 'attempted', 'not-started'];

export type ConsolePrediction = { options: string[]; counts: Record<string, number>; total: number; revealed: boolean };

export type ConsoleView = {
  workshop: {
    workshopId: string;
    title: string | null;
    language: string;
    joinCode: string;
    joinUrl: string;
    closed: boolean;
    createdAt: number | string;
    participantCount: number;
    capacity: number | null;
  };
  missions: { missionId: string; order: number; scenario: string }[];
  participants: {
    participantId: string;
    name: string;
    joinedAt: number | string;
    currentMission: string | null;
    progress: Record<string, MissionStatus>;
    hintsRevealed: Record<string, number>;
  }[];
  stuck: Record<string, number>;
  predictions: Record<string, ConsolePrediction>;
};

export type ParticipantPrediction = {
  options: string[];
  myAnswer: string | null;
  revealed: boolean;
  counts?: Record<string, number>;
  measured?: string | null;
};

export type ParticipantMission = {
  missionId: string;
  order: number;
  scenario: string;
  status: MissionStatus;
  solvedAt: number | string | null;
  hintsRevealed: number;
  hintCount: number;
  prediction: ParticipantPrediction | null;
};

export type ParticipantView = {
  participantId: string;
  name: string;
  labId: string;
  labUrl: string;
  workshop: { title: string | null; language: string; closed: boolean; joinCode: string };
  missions: ParticipantMission[];
};

/** The mission a participant works on now: the first one not solved, in path order (null: all solved). */
export function currentMissionOf<M extends { order: number; status: MissionStatus }>(missions: readonly M[]): M | null {
  return [...missions].sort((a, b) => a.order - b.order).find((m) => m.status !== 'solved') ?? null;
}
