/** Scenario modules register here (one file each in lib/scenarios/). */
export const scenarioIds: readonly string[] = [];
