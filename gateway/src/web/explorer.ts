/**
 * A minimal offline query page served at GET / (no CDN, no external asset): a query box,
 * a token box and the answer. The full GraphiQL explorer replaces it (issue 8).
 */
export const EXPLORER_HTML = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Moukawil Graph</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}textarea{width:100%;font-family:monospace}
pre{background:#f4f4f4;padding:1rem;overflow:auto;max-height:30rem}button{padding:.4rem 1rem}</style></head>
<body><h1>Moukawil Graph</h1>
<p>One GraphQL graph over the auto-entrepreneur register, the regions, the support programmes and the indicators of Maroc PME. Endpoint: <code>POST /graphql</code>.</p>
<h2>What you can read</h2>
<ul>
<li><b>Without a token</b> (and with a <code>PARTNER</code> token): regions, provinces, ecosystems, partners and conventions;
the activities; every statistic (<code>nationalStats</code>, <code>Region.registrationStats</code>, <code>programmeStats</code>);
programmes and events; the indicator catalogue, targets, assessments and scorecards (<code>nationalScorecard</code>, <code>Region.scorecard</code>).</li>
<li><b>People</b> (names, national IDs, phones, birth dates; law 09-08): a regional council reads its own region, national IDs masked;
advisors read and write their region; the national office everything. Anyone else gets <code>FORBIDDEN</code>.</li>
<li>Development tokens: <code>npm run token -- --role NATIONAL|REGIONAL|ADVISOR|PARTNER [--region MA-09]</code>.</li>
</ul>
<label>Bearer token (optional)<br><input id="token" size="80" placeholder="npm run token -- --role NATIONAL"></label>
<p><textarea id="query" rows="14">{
  regions {
    code name isPilot
    registrationStats { registered womenShare }
    programmes { code kind }
    scorecard(year: 2019) { indicator { code } target actual status }
  }
}</textarea></p>
<button id="run">Run</button>
<pre id="result" aria-live="polite"></pre>
<script>
document.getElementById('run').onclick = async () => {
  const out = document.getElementById('result');
  out.textContent = '…';
  const headers = { 'content-type': 'application/json' };
  const token = document.getElementById('token').value.trim();
  if (token) headers.authorization = 'Bearer ' + token;
  try {
    const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query: document.getElementById('query').value }) });
    out.textContent = JSON.stringify(await response.json(), null, 2);
  } catch (error) { out.textContent = String(error); }
};
</script></body></html>`;
