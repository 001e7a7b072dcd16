import { errors, z } from '@strapi/utils';

/**
 * Wraps a schema into a validator that throws Strapi's ValidationError (a 400) with the
 * schema's own bilingual message. An unknown parameter is reported before a bad value, as it always was:
 * a typo in a name explains the rest. No `details`: the answers stay the bytes they were.
 */
export function validateQuery<T extends z.ZodType>(schema: T): (query: unknown) => z.output<T> {
  return (query) => {
    const result = schema.safeParse(query);
    if (result.success) return result.data;
    const issues = result.error.issues;
    const first = issues.find((issue) => issue.code === 'unrecognized_keys') ?? issues[0];
    throw new errors.ValidationError(first.message);
  };
}
