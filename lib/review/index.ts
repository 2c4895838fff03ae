/** The review board's domain logic: units, their classification, gold plans, feedback. No framework imports. */
export * from "./types";
export { groupUnits, classify, unitKey, RELABEL_OVERLAP } from "./units";
export { planDecision, type DecisionInput, type GoldPlan, type GoldSpanState, type PlannedSpan, type PlannedLink, type SpanRef, type Bounds } from "./plan";
export { feedbackAgainstGold, projectFeedback, sumFeedback, type AnalystFeedback } from "./feedback";
export { isReadyForReview, byDisagreement, queuePage, QUEUE_PAGE_SIZE, type QueuePage } from "./queue";
export { segmentText, type TextSegment } from "./segments";
