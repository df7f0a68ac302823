import { createContext, useContext } from 'react';
import type { Me } from '../api/auth';
import { can, type Action } from '../lib/roles';

export const AuthContext = createContext<Me | null>(null);

/** The signed-in user; pages render only inside the signed-in shell. */
export function useMe(): Me {
  const me = useContext(AuthContext);
  if (!me) {
    throw new Error('useMe outside the signed-in console');
  }
  return me;
}

/** Whether the signed-in user's roles allow an action. */
export function useCan(): (action: Action) => boolean {
  const me = useMe();
  return (action) => can(me.roles, action);
}
