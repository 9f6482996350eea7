// The test identity provider (tests/support/oidcProvider.ts) as a process of its own, for
// `npm run screenshots`: the app it starts is told the provider's address before it listens, so the
// provider runs first. Argument: the app's address (its callback is registered). Prints one JSON
// line (issuer, client id and secret) and runs until it is stopped.
import { startOidcProvider } from '../support/oidcProvider.ts';

const appUrl = process.argv[2];
if (!appUrl) throw new Error('usage: oidcProviderProcess.ts <app url>');
const provider = await startOidcProvider();
provider.allowRedirect(`${appUrl}/api/auth/callback`);
console.log(
  JSON.stringify({ issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret }),
);
const stop = () => void provider.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
