/** Shown when /auth/me answers 401: how to sign in, in production and locally. */
export function SignInPage() {
  const next = encodeURIComponent(window.location.pathname + window.location.search);
  return (
    <main className="signin" data-testid="sign-in-page">
      <h1>Orchestrion console</h1>
      <p>You are not signed in, or your session has expired.</p>
      <p>
        <a className="button primary" href={`/auth/login?next=${next}`} data-testid="sign-in-link">
          Sign in
        </a>
      </p>
      <p className="muted">
        Running the platform locally? Open the sign-in link that <code>./orchestrion up</code> printed; it signs you in
        with the tenant and roles it names.
      </p>
    </main>
  );
}
