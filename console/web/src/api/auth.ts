import { post, request } from './http';

/** The signed-in user as the console backend knows them (console contract: GET /auth/me). */
export interface Me {
  subject: string;
  tenant: string;
  roles: string[];
  csrfToken: string;
}

export const me = () => request<Me>('GET', '/auth/me');

export const logout = () => post<void>('/auth/logout');
