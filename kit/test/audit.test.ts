import { DataSource } from 'typeorm';
import { auditWrite } from '../src/subgraph/audit';
import type { Viewer } from '../src/core/tokens';
import { writeTransaction } from '../src/subgraph/idempotency';
import { log } from '../src/core/log';

/** The write lines of the audit trail (law 09-08) follow the transaction's fate, on the test PostgreSQL. */
describe('audit lines of writes', () => {
  let db: DataSource;
  let info: jest.SpyInstance;
  const viewer: Viewer = { subject: 'advisor-ma09', role: 'ADVISOR', region: 'MA-09', token: null };
  const written = () => info.mock.calls.map(([line]) => line).filter((line) => line?.audit === 'write');

  beforeAll(async () => {
    db = new DataSource({ type: 'postgres', url: process.env.TEST_DATABASE_URL });
    await db.initialize();
  });
  afterAll(() => db?.destroy());
  beforeEach(() => {
    info = jest.spyOn(log, 'info');
  });
  afterEach(() => info.mockRestore());

  it('are logged once the transaction has committed, not before', async () => {
    await writeTransaction(db.manager, async (tx) => {
      await tx.query('CREATE TEMP TABLE audited_thing (id int) ON COMMIT DROP');
      await tx.query('INSERT INTO audited_thing VALUES (1)');
      auditWrite(viewer, 'THING_WRITTEN', { thing: 1 });
      expect(written()).toEqual([]);
    });
    expect(written()).toEqual([{ audit: 'write', action: 'THING_WRITTEN', actor: 'advisor-ma09', role: 'ADVISOR', region: 'MA-09', thing: 1 }]);
  });

  it('are dropped with a transaction that fails after them', async () => {
    await expect(
      writeTransaction(db.manager, async (tx) => {
        auditWrite(viewer, 'THING_WRITTEN', { thing: 2 });
        await tx.query('SELECT 1 / 0');
      }),
    ).rejects.toThrow(/division by zero/);
    expect(written()).toEqual([]);
  });

  it("outside a write transaction (a bulk import's summary) are logged at once", () => {
    auditWrite(viewer, 'IMPORT', { rows: 3 });
    expect(written()).toEqual([expect.objectContaining({ action: 'IMPORT', rows: 3 })]);
  });
});
