import { z } from 'zod';

export const homeSummarySchema = z.object({
  scopeName: z.string(),
  programmes: z.number().int(),
  pairings: z.number().int(),
  recipientUnits: z.number().int(),
  supportUnits: z.number().int(),
  pairingsWithoutStaffingMinimum: z.number().int(),
  byCounty: z.array(z.object({ regionCode: z.string().nullable(), regionName: z.string(), pairings: z.number().int(), recipients: z.number().int(), supportUnits: z.number().int() })),
  byProgramme: z.array(z.object({ programmeId: z.string(), name: z.string(), policyCode: z.string(), pairings: z.number().int() })),
  recentAudit: z.number().int().nullable(),
});
export type HomeSummary = z.infer<typeof homeSummarySchema>;
