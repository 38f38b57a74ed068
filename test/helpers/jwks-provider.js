// A stand-in identity provider for tests: an ES256 key pair, its JWKS served on a free port,
// and tokens signed with it. Prints one JSON line, then serves until killed. POST /withdraw
// takes the key out of the key set, as a provider does when a key is compromised.
const { createServer } = require('node:http');
const { SignJWT, exportJWK, generateKeyPair } = require('jose');

(async () => {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' };
  let keys = [jwk];
  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/withdraw') keys = [];
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys }));
  });
  server.listen(0, '127.0.0.1', async () => {
    const sign = (claims, key = privateKey) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
        .setSubject('idp-user')
        .setIssuer('moukawil-graph')
        .setAudience('moukawil-graph')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(key);
    const other = (await generateKeyPair('ES256')).privateKey;
    process.stdout.write(
      JSON.stringify({
        url: `http://127.0.0.1:${server.address().port}/jwks.json`,
        withdraw: `http://127.0.0.1:${server.address().port}/withdraw`,
        valid: await sign({ role: 'NATIONAL' }),
        wrongKey: await sign({ role: 'NATIONAL' }, other),
      }) + '\n',
    );
  });
})();
