import { randomUUID } from 'node:crypto';
import { signToken } from '@moukawil/kit/core';
import { ROLES, type Role } from '@moukawil/kit/domain';

/** `npm run token -- --role ROLE [--region MA-xx] [--advisor ID] [--subject ID] [--expires 12h]`: prints a signed development token, last. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const role = value('--role') as Role | undefined;
  if (!role || !ROLES.includes(role)) {
    process.stderr.write(`usage: npm run token -- --role ${ROLES.join('|')} [--region MA-xx] [--advisor ID] [--subject ID] [--expires 12h]\n`);
    process.exit(2);
  }
  const region = value('--region');
  const token = await signToken(
    { subject: value('--subject') ?? `dev-${role.toLowerCase()}-${randomUUID().slice(0, 8)}`, role, region, advisor: value('--advisor') },
    value('--expires') ?? '12h',
  );
  process.stdout.write(`${token}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`token: ${error.message}\n`);
  process.exit(2);
});
