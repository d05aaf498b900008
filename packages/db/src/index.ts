export * as schema from './schema.js';
export * from './schema.js';
export * from './client.js';
export * from './lock.js';
export * from './seed/seed.js';
export * from './seed/calendar.seed.js';
export * from './seed/policy.seed.js';
export * from './generate/activity.generator.js';
