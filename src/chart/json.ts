/**
 * The CLI's JSON that the chart reads (SPEC §4): the typed documents of
 * src/report, re-exported so that the chart modules name one place.
 */
export type { NoticeOutcomeJson, OutcomeJson, PeriodJson, ProjectJson, ScenarioHeaderJson, TerminateJson } from '../report/documents.js';
