import type { IncomingMessage, ServerResponse } from 'node:http';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import { log, requestScope, scopeOf } from '@moukawil/kit/core';
import type { Admit } from './callers';
import { errorsBody, writeAnswer } from './graphql-http';
import type { GraphPath } from './request';
import { spreadsheetCell } from './spreadsheet-cell';

type Row = Record<string, unknown>;

/**
 * A list a user can export: the graph query that reads it a page at a time (its variables are the
 * export's filters, plus `first` and `after` for keyset lists), where the rows are in its answer,
 * and the columns of the file.
 */
interface ListExport {
  query: string;
  filters: string[];
  rows(data: Row): { rows: Row[]; next: string | null };
  columns: Array<[header: string, value: (row: Row) => unknown]>;
}

const PAGE = 500;
const at = (row: Row, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v as Row | null | undefined)?.[k], row);
const col = (header: string, path: string): [string, (row: Row) => unknown] => [header, (row) => at(row, path)];
const connection = (field: string) => (data: Row) => {
  const page = data[field] as { edges: Array<{ node: Row }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  return { rows: page.edges.map((e) => e.node), next: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null };
};

/**
 * The lists, read through the graph as the caller: what a file holds is exactly what the caller
 * may read there, masks included (a council's file has the same masked CINs as its answers).
 * Contact details stay out of every file (proportionality, law 09-08).
 */
const LISTS: Record<string, ListExport> = {
  people: {
    query: `query ExportPeople($region: ID, $status: RegistrationStatus, $first: Int, $after: String) {
      autoEntrepreneurs(region: $region, status: $status, first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { registrationNumber status fullName nationalId gender segment region { code } province { code } activity { code label } submittedAt registeredAt } } } }`,
    filters: ['region', 'status'],
    rows: connection('autoEntrepreneurs'),
    columns: [
      col('rnae', 'registrationNumber'),
      col('status', 'status'),
      col('full_name', 'fullName'),
      col('national_id', 'nationalId'),
      col('gender', 'gender'),
      col('segment', 'segment'),
      col('region', 'region.code'),
      col('province', 'province.code'),
      col('activity', 'activity.code'),
      col('activity_label', 'activity.label'),
      col('submitted_at', 'submittedAt'),
      col('registered_at', 'registeredAt'),
    ],
  },
  enrolments: {
    query: `query ExportEnrolments($region: ID, $programme: ID, $status: EnrolmentStatus, $first: Int, $after: String) {
      enrolments(region: $region, programme: $programme, status: $status, first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { id programme { code name } regionCode status enrolledAt amount repaymentStatus repaidAmount beneficiary { registrationNumber fullName nationalId } } } } }`,
    filters: ['region', 'programme', 'status'],
    rows: connection('enrolments'),
    columns: [
      col('enrolment', 'id'),
      col('programme', 'programme.code'),
      col('programme_name', 'programme.name'),
      col('region', 'regionCode'),
      col('status', 'status'),
      col('enrolled_at', 'enrolledAt'),
      col('amount_mad', 'amount'),
      col('repayment', 'repaymentStatus'),
      col('repaid_mad', 'repaidAmount'),
      col('rnae', 'beneficiary.registrationNumber'),
      col('full_name', 'beneficiary.fullName'),
      col('national_id', 'beneficiary.nationalId'),
    ],
  },
  advisors: {
    query: `query ExportAdvisors($region: ID, $first: Int, $after: String) {
      advisorsConnection(region: $region, first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { id fullName regionCode partner { code } trainedOn active } } } }`,
    filters: ['region'],
    rows: connection('advisorsConnection'),
    columns: [
      col('advisor', 'id'),
      col('full_name', 'fullName'),
      col('region', 'regionCode'),
      col('partner', 'partner.code'),
      col('trained_on', 'trainedOn'),
      col('active', 'active'),
    ],
  },
  events: {
    query: `query ExportEvents($region: ID, $kind: EventKind, $year: Int, $first: Int, $after: String) {
      eventsConnection(region: $region, kind: $kind, year: $year, first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { id kind title regionCode heldOn place partner { code } women men attendance } } } }`,
    filters: ['region', 'kind', 'year'],
    rows: connection('eventsConnection'),
    columns: [
      col('event', 'id'),
      col('kind', 'kind'),
      col('title', 'title'),
      col('region', 'regionCode'),
      col('held_on', 'heldOn'),
      col('place', 'place'),
      col('partner', 'partner.code'),
      col('women', 'women'),
      col('men', 'men'),
      col('attendance', 'attendance'),
    ],
  },
  scorecards: {
    query: `query ExportScorecards($year: Int!) {
      scorecards(year: $year) { scope statuses { indicator { code name } fromYear toYear target actual progress status } } }`,
    filters: ['year'],
    rows: (data) => ({
      rows: (data.scorecards as Array<{ scope: string; statuses: Row[] }>).flatMap((card) => card.statuses.map((s) => ({ ...s, scope: card.scope }))),
      next: null,
    }),
    columns: [
      col('scope', 'scope'),
      col('indicator', 'indicator.code'),
      col('indicator_name', 'indicator.name'),
      col('from_year', 'fromYear'),
      col('to_year', 'toYear'),
      col('target', 'target'),
      col('actual', 'actual'),
      col('progress', 'progress'),
      col('status', 'status'),
    ],
  },
};

const INT_FILTERS = new Set(['year']);

/**
 * `GET /export/<list>.csv?<filters>[&separator=semicolon]`: a list as a CSV file, streamed a page
 * at a time (the gateway holds one page, whatever the list's size), UTF-8 with a byte order mark
 * so that spreadsheets read accents and Arabic names right; `,` between fields, or `;` for the
 * spreadsheets of French-speaking desktops. The caller's token decides what is in it, as for the
 * graph; a refusal comes before any row. Each export counts once against the caller's rate and
 * writes one audit line.
 */
export function exportPath(graph: GraphPath['operate'], admit: Admit) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const scope = scopeOf(req.headers);
    const { requestId } = scope;
    requestScope.run(scope, () => {
      exportList(req, res, requestId).catch((error: unknown) => {
        log.error({ err: error }, 'export failed');
        if (!res.headersSent) refuse(res, requestId, 500, 'INTERNAL_SERVER_ERROR', 'Internal error');
        else res.destroy(); // a file cut short must not look complete
      });
    });
  };

  async function exportList(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://gateway');
    const name = /^\/export\/([a-z]+)\.csv$/.exec(url.pathname)?.[1];
    // Own keys only: a client names this key, and `constructor` is not a list.
    const list = name && Object.hasOwn(LISTS, name) ? LISTS[name] : undefined;
    if (req.method !== 'GET') return refuse(res, requestId, 405, 'BAD_REQUEST', 'Exports are read with GET.');
    if (!list) return refuse(res, requestId, 404, 'NOT_FOUND', `No such export: the lists are ${Object.keys(LISTS).join(', ')} (/export/<list>.csv).`);
    const { viewer, refusal } = await admit(req, res, 'EXPORTS');
    if (refusal) return refuse(res, requestId, refusal.status, refusal.code, refusal.message);

    const variables: Record<string, unknown> = {};
    for (const filter of list.filters) {
      const value = url.searchParams.get(filter);
      if (value !== null) variables[filter] = INT_FILTERS.has(filter) ? Number(value) : value;
    }
    if (name === 'scorecards' && variables.year === undefined) variables.year = new Date().getUTCFullYear();
    const paged = list.query.includes('$after');
    const page = async (after: string | null) => {
      const answer = await graph(
        { method: 'GET', query: list.query, operationName: null, variables: paged ? { ...variables, first: PAGE, after } : variables },
        viewer,
        requestId,
      );
      const body = JSON.parse(answer.body.toString()) as { data?: Row | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
      return { status: answer.status, body };
    };

    // The first page decides: a refusal or bad filter is the client's answer, before any row.
    let { status, body } = await page(null);
    if (body.errors?.length || !body.data) {
      const error = body.errors?.[0];
      const code = error?.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
      const http =
        code === 'FORBIDDEN'
          ? 403
          : code === 'UNAUTHENTICATED'
            ? 401
            : code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED'
              ? 400
              : Math.max(status, 502);
      return refuse(res, requestId, http, code, error?.message ?? 'The export could not be read');
    }

    const semicolon = url.searchParams.get('separator') === 'semicolon';
    const file = `${name}${variables.region ? `-${variables.region}` : ''}-${new Date().toISOString().slice(0, 10)}.csv`;
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${file}"`,
      'cache-control': 'no-store',
      'x-request-id': requestId,
    });
    const csv = stringify({
      bom: true,
      header: true,
      delimiter: semicolon ? ';' : ',',
      columns: list.columns.map(([header]) => header),
      cast: { boolean: (v) => String(v) },
    });
    csv.pipe(res);
    let rows = 0;
    for (;;) {
      const { rows: found, next } = list.rows(body.data!);
      for (const row of found) {
        rows++;
        // Backpressure: a slow client holds the next page back rather than filling memory.
        if (!csv.write(list.columns.map(([, value]) => spreadsheetCell(value(row))))) await once(csv, 'drain');
      }
      if (!next) break;
      ({ status, body } = await page(next));
      if (body.errors?.length || !body.data) throw new Error(`export ${name}: page failed with ${body.errors?.[0]?.extensions?.code ?? status}`);
    }
    csv.end();
    await once(res, 'finish');
    log.info({ audit: 'export', list: name, filters: variables, rows, actor: viewer.subject, role: viewer.role, region: viewer.region }, 'audit');
  }
}

function refuse(res: ServerResponse, requestId: string, status: number, code: string, message: string): void {
  writeAnswer(res, status, errorsBody([{ message, extensions: { code } }]), {
    'content-type': 'application/json; charset=utf-8',
    'x-request-id': requestId,
    'cache-control': 'no-store',
  });
}
