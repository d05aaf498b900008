import type { FormRule } from 'antd';

interface SafeParser {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: ReadonlyArray<{ message: string }> } };
}

/**
 * An antd Form rule that runs a contracts zod schema, so the client says exactly what the server would.
 * Empty values are left to `required` rules.
 */
export function zodRule(schema: SafeParser, transform: (v: unknown) => unknown = (v) => v): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return;
      const result = schema.safeParse(transform(value));
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '格式不正确');
    },
  };
}
