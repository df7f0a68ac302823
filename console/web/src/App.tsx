import { useCallback, useEffect, useState } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { me as fetchMe, type Me } from './api/auth';
import { ApiError, onUnauthorized, setCsrfToken } from './api/http';
import { AuthContext } from './hooks/useAuth';
import { Shell } from './components/Shell';
import { ProblemView } from './components/ProblemView';
import { can } from './lib/roles';
import { SignInPage } from './pages/SignInPage';
import { RunsPage } from './pages/RunsPage';
import { RunPage } from './pages/RunPage';
import { DefinitionsPage } from './pages/DefinitionsPage';
import { DefinitionPage } from './pages/DefinitionPage';
import { PrioritiesPage } from './pages/PrioritiesPage';
import { TemplatesPage } from './pages/TemplatesPage';
import { WebhooksPage } from './pages/WebhooksPage';
import { WebhookPage } from './pages/WebhookPage';
import { DeadLettersPage } from './pages/DeadLettersPage';
import { DeadLetterPage } from './pages/DeadLetterPage';
import { InboxPage } from './pages/InboxPage';
import { EntryPage } from './pages/EntryPage';
import { CasesPage } from './pages/CasesPage';
import { CasePage } from './pages/CasePage';
import { NotFoundPage } from './pages/NotFoundPage';

type Session = { state: 'loading' } | { state: 'signed-out' } | { state: 'failed'; error: ApiError } | { state: 'signed-in'; me: Me };

/** The first page a user's roles let them see. */
function homeOf(roles: string[]): string | null {
  if (can(roles, 'runs.read')) return '/runs';
  if (can(roles, 'definitions.read')) return '/definitions';
  if (can(roles, 'content.inbox')) return '/inbox';
  if (can(roles, 'deadLetters.manage')) return '/dead-letters';
  if (can(roles, 'cases.read')) return '/cases';
  return null;
}

export function App() {
  const [session, setSession] = useState<Session>({ state: 'loading' });

  const load = useCallback(() => {
    fetchMe().then(
      (me) => {
        setCsrfToken(me.csrfToken);
        setSession({ state: 'signed-in', me });
      },
      (e: ApiError) => setSession(e.status === 401 ? { state: 'signed-out' } : { state: 'failed', error: e }),
    );
  }, []);

  useEffect(load, [load]);
  useEffect(() => onUnauthorized(() => {
    setCsrfToken(null);
    setSession({ state: 'signed-out' });
  }), []);

  if (session.state === 'loading') {
    return <p className="loading-page">Loading…</p>;
  }
  if (session.state === 'signed-out') {
    return <SignInPage />;
  }
  if (session.state === 'failed') {
    return (
      <main className="signin">
        <ProblemView error={session.error} context="The console could not tell who you are" />
        <button type="button" onClick={load}>Try again</button>
      </main>
    );
  }
  const { me } = session;
  const home = homeOf(me.roles);
  const allowed = (ok: boolean, element: React.ReactElement) => (ok ? element : <NotFoundPage forbidden />);
  return (
    <AuthContext.Provider value={me}>
      <Shell>
        <Routes>
          <Route path="/" element={home ? <Navigate to={home} replace /> : <NotFoundPage forbidden />} />
          <Route path="/runs" element={allowed(can(me.roles, 'runs.read'), <RunsPage />)} />
          <Route path="/runs/:id" element={allowed(can(me.roles, 'runs.read'), <RunPage />)} />
          <Route path="/definitions" element={allowed(can(me.roles, 'definitions.read'), <DefinitionsPage />)} />
          <Route path="/definitions/priorities" element={allowed(can(me.roles, 'priorities.read'), <PrioritiesPage />)} />
          <Route path="/definitions/templates" element={allowed(can(me.roles, 'templates.read'), <TemplatesPage />)} />
          <Route path="/definitions/:id" element={allowed(can(me.roles, 'definitions.read'), <DefinitionPage />)} />
          <Route path="/webhooks" element={allowed(can(me.roles, 'webhooks.manage'), <WebhooksPage />)} />
          <Route path="/webhooks/:id" element={allowed(can(me.roles, 'webhooks.manage'), <WebhookPage />)} />
          <Route path="/dead-letters" element={allowed(can(me.roles, 'deadLetters.manage'), <DeadLettersPage />)} />
          <Route path="/dead-letters/:id" element={allowed(can(me.roles, 'deadLetters.manage'), <DeadLetterPage />)} />
          <Route path="/inbox" element={allowed(can(me.roles, 'content.inbox'), <InboxPage />)} />
          <Route path="/content/:type/:id" element={allowed(can(me.roles, 'content.read'), <EntryPage />)} />
          <Route path="/cases" element={allowed(can(me.roles, 'cases.read'), <CasesPage />)} />
          <Route path="/cases/:id" element={allowed(can(me.roles, 'cases.read'), <CasePage />)} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Shell>
    </AuthContext.Provider>
  );
}
