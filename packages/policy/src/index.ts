/**
 * @duikou/policy — the pure rules engine of Duikou. Policies are versioned data (policy.schema.ts);
 * each rule takes facts, a policy and, where days matter, the holiday calendar, and returns verdicts
 * that explain themselves. No I/O and no clock: "today" is always a parameter.
 */
export * from './verdict.js';
export * from './vocabulary.js';
export {
  parsePolicyDocument, policySchema, policySourceSchema, citeParameter,
  type Cited, type Policy, type PolicyDocument, type PolicyIssue, type PolicyParameters, type PolicySource, type ParsePolicyResult,
  type StaffingMinimum, type OnSiteDaysParameter, type IntervalVisitsParameter, type SegmentedStaysParameter,
  type LeaveApprovalParameter, type PostAppointment, type MentorshipParameter, type ProgrammeDeadlineParameter,
} from './policy.schema.js';
export { SHIPPED_POLICIES, findShippedPolicy, CX_2018_POLICY, MY_2018_POLICY } from './policies/index.js';
export * from './calendar/index.js';
export { isIsoDate } from './calendar/dates.js';

export { evaluateEligibility, type EligibilityInput } from './rules/eligibility.rule.js';
export { evaluateOnSiteDays, type AttendanceFact, type OnSiteDaysInput } from './rules/on-site-days.rule.js';
export { evaluateStaffing, type StaffingInput } from './rules/staffing.rule.js';
export { evaluateLeave, type LeaveEvaluation, type LeaveInput, type LeaveStep } from './rules/leave.rule.js';
export {
  evaluateMonthlySelfCheck, evaluateSpotChecks, type MonthlySelfCheckInput, type SpotCheckFact, type SpotChecksInput,
} from './rules/spot-checks.rule.js';
export { evaluateAppraisalConsequence, type AppraisalConsequenceInput } from './rules/appraisal-consequence.rule.js';
export { evaluateMentorship, type MentorshipAgreementFact, type MentorshipInput } from './rules/mentorship.rule.js';
export { evaluateLeadershipVisits, type LeadershipVisitsInput } from './rules/leadership-visits.rule.js';
export {
  evaluateReportingSchedule, listProgrammeDeadlines, listReportingDeadlines,
  type ReportKind, type ReportSubmission, type ReportingDeadline, type ReportingScheduleInput,
} from './rules/reporting-schedule.rule.js';
export { evaluatePosts, type PostOption, type PostsEvaluation, type PostsInput } from './rules/posts.rule.js';
export { evaluateInsuranceAndSafety, type InsuranceAndSafetyInput } from './rules/insurance-safety.rule.js';
export { findPolicyConflicts, type PolicyConflict } from './rules/policy-conflicts.rule.js';
export { evaluateAnnualAgreement, type AnnualAgreementFact, type AnnualAgreementInput } from './rules/annual-agreement.rule.js';
export {
  evaluateQuarterlyProgress, quarterBounds, quarterOf, quarterlyProgressDeadline,
  type QuarterlyProgressDeadline, type QuarterlyProgressInput, type QuarterlyProgressReportFact,
} from './rules/quarterly-progress.rule.js';
export { evaluateOffSiteGuidance, type OffSiteGuidanceInput, type OffSiteMonth } from './rules/off-site-guidance.rule.js';
export { appraisalChainOf, evaluateAppraisalChain, type AppraisalChainInput } from './rules/appraisal-chain.rule.js';
