// case-service through the console backend: /api/cases/... is forwarded to the service's path as-is.
import { get } from './http';
import type { Paged } from '../lib/paging';
import { seg } from '../lib/url';

const BASE = '/api/cases';

export interface Case {
  id: string;
  firstName?: string;
  lastName?: string;
  personalNumber?: string;
  email?: string;
  companyName?: string;
  companyNumber?: string;
  companyAddress?: string;
  externalRef?: string;
  attributes?: Record<string, unknown>;
  erased: boolean;
  erasedAt?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CaseFilter {
  email?: string;
  externalRef?: string;
  personalNumber?: string;
  companyNumber?: string;
  /**
   * up to 200 characters, ignoring case: the start of the first, last or company name; several words also the start
   * of a first name and of a last name, in either order ("Gra Hop" and "Hopper G" find Grace Hopper)
   */
  name?: string;
}

export const searchCases = (filter: CaseFilter, page: number, size: number) =>
  get<Paged<Case>>(`${BASE}/cases`, { ...filter, page, size });

export const getCase = (id: string) => get<Case>(`${BASE}/cases/${seg(id)}`);
