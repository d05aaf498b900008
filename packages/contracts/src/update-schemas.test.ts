import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as contracts from './index.js';

/**
 * A PATCH changes only the fields it names: an update schema must not fill in create-time defaults
 * (zod 4 applies `.default()` inside `.partial()`), or a PATCH of one field would reset the others.
 */
const updateSchemas = Object.entries(contracts).filter(([name, v]) => /UpdateSchema$/.test(name) && typeof (v as z.ZodType).safeParse === 'function') as [string, z.ZodType][];

describe('update schemas', () => {
  it('exist for the editable records', () => {
    expect(updateSchemas.map(([n]) => n)).toEqual(expect.arrayContaining(['pairingUpdateSchema', 'organisationUpdateSchema', 'personUpdateSchema', 'assignmentUpdateSchema']));
  });
  it.each(updateSchemas)('%s adds no field the request did not send', (_name, schema) => {
    const res = schema.safeParse({});
    if (res.success) expect(res.data).toEqual({});
  });
});
