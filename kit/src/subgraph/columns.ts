/** TypeORM column transformer: PostgreSQL numeric arrives as a string; the API speaks numbers. */
export const numericColumn = {
  from: (value: string | null): number | null => (value === null ? null : Number(value)),
  to: (value: number | null): number | null => value,
};

/** `__resolveReference` of another subgraph's entity stub: the representation is all this subgraph needs. */
export const referenceAsIs = async <T>(reference: T): Promise<T> => reference;
