// A real OpenID Connect provider for the sign-in tests: panva's oidc-provider (certified by the OpenID
// Foundation) on 127.0.0.1, with its built-in login and consent pages (any login name, any password).
// Configured by one JSON argument: {port, clients: [{client_id, client_secret, redirect_uris}],
// accounts: {login: {email, roles}}}. Prints "ready <issuer>" once it listens.
import Provider from "oidc-provider";

const cfg = JSON.parse(process.argv[2]);
const issuer = `http://127.0.0.1:${cfg.port}`;
const accounts = cfg.accounts || {};

const provider = new Provider(issuer, {
  clients: cfg.clients.map((c) => ({
    ...c,
    grant_types: ["authorization_code"],
    response_types: ["code"],
    token_endpoint_auth_method: "client_secret_basic",
  })),
  pkce: { required: () => true },
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "roles"] },
  conformIdTokenClaims: false,
  cookies: { keys: ["scribe-test-provider-cookie-key"] },
  features: { devInteractions: { enabled: true } },
  async findAccount(ctx, id) {
    const known = accounts[id] || {};
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: known.email || `${id}@idp.example`, email_verified: true, name: id, roles: known.roles || [] };
      },
    };
  },
});
provider.proxy = false;
const server = provider.listen(cfg.port, "127.0.0.1", () => console.log(`ready ${issuer}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
