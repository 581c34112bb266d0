// A real OpenID Connect provider for the end-to-end SSO test, built on the
// certified `oidc-provider` package. tests/beheer/test_sso_browser.py starts it:
//
//   PROVIDER_CONFIG='{"client": {...}, "users": {...}}' node provider.mjs
//
// It listens on 127.0.0.1 at config.port (a free one when 0) and prints one
// line, `issuer <url>`, once it is ready. Its own sign-in page checks the test users' passwords; the
// users' claims (e-mail, name, groups) come from PROVIDER_CONFIG. No page of it
// loads anything from another host (the package's default pages load a web font).

import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';

import Provider from 'oidc-provider';

const config = JSON.parse(process.env.PROVIDER_CONFIG);
const users = config.users; // login -> { password, sub, email, name, groups, ... }

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title, body) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;

function findUser(accountId) {
  return Object.values(users).find((user) => user.sub === accountId);
}

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key-1', alg: 'RS256', use: 'sig' };

const configuration = {
  clients: [
    {
      client_id: config.client.client_id,
      client_secret: config.client.client_secret,
      redirect_uris: config.client.redirect_uris,
      post_logout_redirect_uris: config.client.post_logout_redirect_uris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  // Like Microsoft Entra ID and Keycloak: the claims are in the ID token too,
  // not only at the userinfo endpoint.
  conformIdTokenClaims: false,
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name', 'preferred_username', 'groups'],
  },
  scopes: ['openid', 'email', 'profile'],
  // Refuse any authorization request without PKCE: the test then proves the app sends it.
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: async (ctx, form) => {
        ctx.body = page(
          'Sign out',
          `${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>`,
        );
      },
      postLogoutSuccessSource: async (ctx) => {
        ctx.body = page('Signed out', '<p>You are signed out.</p>');
      },
    },
  },
  // A first-party application: the users' consent is implied, as in an organisation's own IdP.
  loadExistingGrant: async (ctx) => {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      return ctx.oidc.provider.Grant.find(grantId);
    }
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
  findAccount: async (ctx, sub) => {
    const user = findUser(sub);
    if (!user) {
      return undefined;
    }
    return {
      accountId: sub,
      claims: async () => {
        const { password, ...claims } = user;
        return claims;
      },
    };
  },
  renderError: async (ctx, out) => {
    ctx.type = 'html';
    ctx.body = page('Error', Object.entries(out)
      .map(([key, value]) => `<p><strong>${escape(key)}</strong>: ${escape(value)}</p>`).join(''));
  },
};

function signInForm(uid, error = '') {
  return page('Sign in to the identity provider', `
    ${error ? `<p role="alert">${escape(error)}</p>` : ''}
    <form method="post" action="/interaction/${escape(uid)}">
      <label>Username <input name="login" autocomplete="username"></label>
      <label>Password <input name="password" type="password" autocomplete="current-password"></label>
      <button type="submit">Sign in</button>
    </form>`);
}

async function readForm(req) {
  const chunks = [];
  for await (const chunk of req) {
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString());
}

let provider;
let handle;

// The sign-in step (the "interaction"): the only part an organisation builds itself.
async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name !== 'login') {
    res.writeHead(501).end(`prompt ${details.prompt.name} is not implemented`);
    return;
  }
  if (req.method === 'GET') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(signInForm(details.uid));
    return;
  }
  const form = await readForm(req);
  const user = users[form.get('login')];
  if (!user || user.password !== form.get('password')) {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      .end(signInForm(details.uid, 'Wrong username or password.'));
    return;
  }
  await provider.interactionFinished(req, res, { login: { accountId: user.sub } }, {
    mergeWithLastSubmission: false,
  });
}

const server = http.createServer((req, res) => {
  if (req.url.startsWith('/interaction/')) {
    interaction(req, res).catch((error) => {
      res.writeHead(500).end(String(error));
    });
    return;
  }
  handle(req, res);
});

server.listen(config.port || 0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  provider = new Provider(issuer, configuration);
  handle = provider.callback();
  process.stdout.write(`issuer ${issuer}\n`);
});

// Stop with the test run, also when the test process dies without a word.
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
