// A stand-in identity provider for tests: an ES256 key pair, its JWKS served on a free port,
// and tokens signed with it. Prints one JSON line, then serves until killed.
const { createServer } = require('node:http');
const { SignJWT, exportJWK, generateKeyPair } = require('jose');

(async () => {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' };
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
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
        valid: await sign({ role: 'NATIONAL' }),
        wrongKey: await sign({ role: 'NATIONAL' }, other),
      }) + '\n',
    );
  });
})();
