import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { ImportBatchResult, ImportRowInput } from '../entities/ImportBatch';
import type { Context } from '../loaders';
import { importBatch, IMPORT_BATCH_ROWS } from '../write/import';

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportBatchResult, {
    description: `Imports a batch of applications (at most ${IMPORT_BATCH_ROWS} rows of an import file; the gateway's POST /import/applications.csv sends a whole file this way): every row checked as submitApplication checks it, the valid ones written together, a batch sent again changes nothing. The national office only.`,
  })
  importApplications(
    @Arg('source', { description: 'The file the rows come from (its name), recorded with every application and in the audit trail.' }) source: string,
    @Arg('rows', () => [ImportRowInput], { description: 'The rows, each with its line in the file.' }) rows: ImportRowInput[],
    @Ctx() { db, viewer }: Context,
  ): Promise<ImportBatchResult> {
    return importBatch(
      db,
      viewer,
      source,
      rows.map(({ line, ...values }) => ({
        line,
        values: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null)) as Record<string, string>,
      })),
    );
  }
}
