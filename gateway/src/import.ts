import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseCsv } from 'csv-parse';
import { Kind, parse, type InputObjectTypeDefinitionNode } from 'graphql';
import { envInt, log, requestScope, scopeOf } from '@moukawil/kit/core';
import type { Admit } from './callers';
import { errorsBody, writeAnswer } from './graphql-http';
import type { GraphPath } from './request';

/** The rows sent to the register at a time (the registry's IMPORT_BATCH_ROWS: a request body stays small). */
const BATCH = 200;
/** The refusals listed in the answer (all are counted). */
const LISTED_REJECTS = 1_000;
const MUTATION = `mutation ImportApplications($source: String!, $rows: [ImportRowInput!]!) {
  importApplications(source: $source, rows: $rows) { imported alreadyImported rejected { line reason } }
}`;

interface Summary {
  rows: number;
  imported: number;
  alreadyImported: number;
  rejected: number;
  rejects: Array<{ line: number; reason: string }>;
}

/** The columns an import file may have: the fields of the graph's ImportRowInput (the register decides which are required). */
export function importColumns(supergraphSdl: string): string[] {
  const input = parse(supergraphSdl).definitions.find(
    (d): d is InputObjectTypeDefinitionNode => d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION && d.name.value === 'ImportRowInput',
  );
  return (input?.fields ?? []).map((f) => f.name.value).filter((name) => name !== 'line');
}

/**
 * POST /import/applications.csv: the national office uploads a file of applications (the CSV of
 * `npm run import`). The file is read as it arrives and sent to the register through the graph,
 * 200 rows at a time, as the caller (the register checks every row and who may import), so memory
 * stays flat whatever the file's size; the answer counts what was imported, found already imported
 * and refused, with the refusals by line. Sent again, a file changes nothing. One audit line per upload.
 */
export function importPath(graph: GraphPath['operate'], admit: Admit, columns: string[]) {
  const maxBytes = envInt('IMPORT_MAX_BYTES', 20 * 1024 * 1024, 1024);
  const known = new Set(columns);

  return (req: IncomingMessage, res: ServerResponse): void => {
    const scope = scopeOf(req.headers);
    requestScope.run(scope, () => {
      importFile(req, res, scope.requestId).catch((error: unknown) => {
        log.error({ err: error }, 'import failed');
        if (!res.headersSent) refuse(res, scope.requestId, 500, 'INTERNAL_SERVER_ERROR', 'Internal error');
      });
    });
  };

  async function importFile(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://gateway');
    if (url.pathname !== '/import/applications.csv') return refuse(res, requestId, 404, 'NOT_FOUND', 'No such import: POST /import/applications.csv.');
    if (req.method !== 'POST') return refuse(res, requestId, 405, 'BAD_REQUEST', 'A file is imported with POST.');
    if (Number(req.headers['content-length'] ?? 0) > maxBytes)
      return refuse(res, requestId, 413, 'PAYLOAD_TOO_LARGE', `An import file is ${maxBytes} bytes at most.`);
    const { viewer, refusal } = await admit(req, res, 'GRAPHQL');
    if (refusal) return refuse(res, requestId, refusal.status, refusal.code, refusal.message);
    // Checked again by the register; here so that a file is not read for nothing.
    if (viewer.role !== 'NATIONAL') return refuse(res, requestId, 403, 'FORBIDDEN', 'Imports of applications are for the national office');
    const source = (url.searchParams.get('source') ?? 'upload.csv').slice(0, 200) || 'upload.csv';

    let bytes = 0;
    let header: string[] = [];
    const parser = parseCsv({
      columns: (names: string[]) => (header = names.map((n) => n.trim())),
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    });
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) parser.destroy(new TooLarge());
    });
    req.pipe(parser);

    const summary: Summary = { rows: 0, imported: 0, alreadyImported: 0, rejected: 0, rejects: [] };
    let batch: Array<Record<string, unknown>> = [];
    const send = async (): Promise<string | null> => {
      if (batch.length === 0) return null;
      const rows = batch;
      batch = [];
      const answer = await graph({ method: 'POST', query: MUTATION, operationName: null, variables: { source, rows } }, viewer, requestId);
      const body = JSON.parse(answer.body.toString()) as {
        data?: { importApplications: { imported: number; alreadyImported: number; rejected: Array<{ line: number; reason: string }> } } | null;
        errors?: Array<{ message: string; extensions?: { code?: string } }>;
      };
      const done = body.data?.importApplications;
      if (!done) return body.errors?.[0]?.message ?? `the register answered ${answer.status}`;
      summary.imported += done.imported;
      summary.alreadyImported += done.alreadyImported;
      summary.rejected += done.rejected.length;
      summary.rejects.push(...done.rejected.slice(0, LISTED_REJECTS - summary.rejects.length));
      return null;
    };

    try {
      let checked = false;
      for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
        if (!checked) {
          const unknown = header.filter((h) => !known.has(h));
          if (unknown.length)
            return refuse(res, requestId, 400, 'BAD_USER_INPUT', `Unknown column(s) ${unknown.join(', ')}: the columns are ${columns.join(',')}`);
          checked = true;
        }
        summary.rows++;
        batch.push({ line: info.lines, ...Object.fromEntries(Object.entries(record).filter(([k, v]) => known.has(k) && v !== '')) });
        if (batch.length >= BATCH) {
          const failed = await send();
          if (failed) return refuse(res, requestId, 502, 'IMPORT_STOPPED', `Stopped after ${summary.rows - BATCH} rows: ${failed}`);
        }
      }
      const failed = await send();
      if (failed) return refuse(res, requestId, 502, 'IMPORT_STOPPED', `Stopped after ${summary.rows - batch.length} rows: ${failed}`);
    } catch (error) {
      if (error instanceof TooLarge) return refuse(res, requestId, 413, 'PAYLOAD_TOO_LARGE', `An import file is ${maxBytes} bytes at most.`);
      if ((error as { code?: string }).code?.startsWith('CSV_'))
        return refuse(res, requestId, 400, 'BAD_USER_INPUT', `Not a readable CSV file: ${(error as Error).message}`);
      throw error;
    }
    log.info(
      { audit: 'import', source, rows: summary.rows, imported: summary.imported, rejected: summary.rejected, actor: viewer.subject, role: viewer.role },
      'audit',
    );
    writeAnswer(res, 200, JSON.stringify(summary), { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId });
  }
}

class TooLarge extends Error {}

function refuse(res: ServerResponse, requestId: string, status: number, code: string, message: string): void {
  writeAnswer(res, status, errorsBody([{ message, extensions: { code } }]), { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId });
}
