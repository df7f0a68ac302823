// content-workflow-service through the console backend: /api/content/... is forwarded to the service's path as-is
// (its own paths start with /api/v1/...).
import { get, post } from './http';
import { fromContentPage, type ContentPage, type Paged } from '../lib/paging';
import { seg } from '../lib/url';

const BASE = '/api/content/api/v1';

/** An entry as the service renders it: its fields at the top level, plus id, internal and sys. */
export interface Entry {
  id: string;
  internal: {
    createdAt: string;
    updatedAt: string;
    deletedAt?: string;
    contentType: string;
    workflowState: string;
    latestVersion: number;
    /** -1 while nothing is public */
    workflowPublishedAt: string | number;
    /** '' while nothing is public */
    workflowPublicVersion: number | string;
    /** who last changed it (assumed addition for the inbox; shown when present) */
    updatedBy?: string;
  };
  sys: { versionNo: string; workflowId?: string; revision?: number; availableEvents?: string[] };
  [field: string]: unknown;
}

export interface EventParameter {
  id: string;
  name?: Record<string, string>;
  dataType?: string;
  description?: Record<string, string>;
  validations?: { required?: unknown; [other: string]: unknown };
}

export interface AvailableEvent {
  event: string;
  permission: string;
  name: string;
  groupId?: string;
  transition: string;
  to: string;
  parameters: EventParameter[];
}

export interface HistoryRecord {
  seq: number;
  when: string;
  who: string;
  from?: string;
  event?: string;
  to?: string;
  transition?: string;
  message?: string;
  auditText?: string;
}

export interface Difference {
  field: string;
  change: 'added' | 'removed' | 'changed';
  from: unknown;
  to: unknown;
}

export interface Comparison {
  from: number;
  to: number;
  fromVersionNo: string;
  toVersionNo: string;
  differences: Difference[];
}

/** awaiting: entries the caller's roles may act on now; mine: the caller's own drafts and submissions. */
export type InboxView = 'awaiting' | 'mine';

/**
 * The approval inbox across content types (assumed endpoint: GET /api/v1/inbox?view=awaiting|mine&page=&limit=,
 * answering entries as the content list does, each with internal.contentType and sys.availableEvents).
 */
export async function inbox(view: InboxView, page: number, limit: number): Promise<Paged<Entry>> {
  const found = await get<ContentPage<Entry>>(`${BASE}/inbox`, { view, page: page + 1, limit });
  return fromContentPage(found, limit);
}

const entryPath = (type: string, id: string) => `${BASE}/content/${seg(type)}/${seg(id)}`;

export const getEntry = (type: string, id: string) => get<Entry>(entryPath(type, id));

export const entryEvents = (type: string, id: string) => get<AvailableEvent[]>(`${entryPath(type, id)}/workflow/events`);

export async function entryHistory(type: string, id: string, page: number, limit: number): Promise<Paged<HistoryRecord>> {
  const found = await get<ContentPage<HistoryRecord>>(`${entryPath(type, id)}/workflow/history`, { page: page + 1, limit });
  return fromContentPage(found, limit);
}

export const compareVersions = (type: string, id: string, from: number, to: number) =>
  get<Comparison>(`${entryPath(type, id)}/version/compare`, { from, to });

/** Approve, decline, submit...: invokes the event with its message, if any. */
export const invokeEvent = (type: string, id: string, event: string, message?: string) =>
  post<Entry>(`${entryPath(type, id)}/workflow/events`, { event, data: message ? { message } : {} });
