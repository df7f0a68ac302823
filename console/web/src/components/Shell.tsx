import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { logout } from '../api/auth';
import { useCan, useMe } from '../hooks/useAuth';
import { useLiveState } from '../hooks/useLive';
import type { Action } from '../lib/roles';

const SECTIONS: { to: string; label: string; action: Action; testId: string }[] = [
  { to: '/runs', label: 'Runs', action: 'runs.read', testId: 'nav-runs' },
  { to: '/definitions', label: 'Definitions', action: 'definitions.read', testId: 'nav-definitions' },
  { to: '/webhooks', label: 'Webhooks', action: 'webhooks.manage', testId: 'nav-webhooks' },
  { to: '/dead-letters', label: 'Dead letters', action: 'deadLetters.manage', testId: 'nav-dead-letters' },
  { to: '/inbox', label: 'Inbox', action: 'content.inbox', testId: 'nav-inbox' },
  { to: '/cases', label: 'Cases', action: 'cases.read', testId: 'nav-cases' },
];

/** The frame around every page: the sections the user's roles open, who is signed in, and sign-out. */
export function Shell({ children }: { children: ReactNode }) {
  const me = useMe();
  const allowed = useCan();
  const live = useLiveState();
  const signOut = async () => {
    await logout().catch(() => undefined);
    window.location.assign('/');
  };
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">Orchestrion</span>
        <nav className="sections">
          {SECTIONS.filter((s) => allowed(s.action)).map((s) => (
            <NavLink key={s.to} to={s.to} data-testid={s.testId}>
              {s.label}
            </NavLink>
          ))}
        </nav>
        <span className={`live live-${live}`} title={live === 'open' ? 'Updating live' : 'Not receiving live updates'} data-testid="live-state" data-state={live}>
          {live === 'open' ? '● live' : live === 'connecting' ? '○ connecting' : ''}
        </span>
        <span className="who" data-testid="signed-in-user" title={`Roles: ${me.roles.join(', ') || 'none'}`}>
          {me.subject} · <span data-testid="tenant">{me.tenant}</span>
        </span>
        <button type="button" className="link" onClick={signOut} data-testid="sign-out">
          Sign out
        </button>
      </header>
      <main className="page">{children}</main>
    </div>
  );
}
