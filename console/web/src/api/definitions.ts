// definition-service through the console backend: /api/definitions/... is forwarded to the service's path as-is.
import { get, post, put, request } from './http';
import type { Paged } from '../lib/paging';
import { seg } from '../lib/url';

const BASE = '/api/definitions';

export const DEFINITION_STATUSES = ['DRAFT', 'ACTIVE', 'PAUSED', 'FINALIZED'] as const;
export type DefinitionStatus = (typeof DEFINITION_STATUSES)[number];

export interface GraphNode {
  id: string;
  type: string;
  name?: string;
  position?: { x: number; y: number } | null;
  properties?: Record<string, unknown>;
}

export interface ExecutionConnector {
  from: string;
  output: string;
  to: string;
}

export interface DataConnector {
  from: string;
  path: string;
  to: string;
  property: string;
}

export interface Trigger {
  kind: string;
  eventType?: string;
  filter?: string;
  cron?: string;
  interval?: string;
  timeZone?: string;
  method?: string;
  path?: string;
  [other: string]: unknown;
}

export interface Incident {
  code: string;
  nodeId?: string;
  property?: string;
  message: string;
}

/** What a graph needs, shared by a definition's draft and its published versions. */
export interface GraphContent {
  name: string;
  trigger?: Trigger;
  nodes: GraphNode[];
  executionConnectors: ExecutionConnector[];
  dataConnectors?: DataConnector[];
}

export interface Definition extends GraphContent {
  id: string;
  description?: string;
  tags?: string[];
  folderId?: string | null;
  exclusiveGroup?: string | null;
  status: DefinitionStatus;
  revision: number;
  publishedVersion?: number | null;
  pendingRevision: boolean;
  priority?: number | null;
  scheduledStartAt?: string | null;
  createdAt: string;
  createdBy?: string;
  updatedAt: string;
  updatedBy?: string;
}

export interface DefinitionSummary {
  id: string;
  name: string;
  description?: string;
  tags?: string[];
  folderId?: string | null;
  status: DefinitionStatus;
  triggerKind?: string;
  exclusiveGroup?: string | null;
  publishedVersion?: number | null;
  pendingRevision: boolean;
  revision: number;
  scheduledStartAt?: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PublishedVersion extends GraphContent {
  definitionId: string;
  version: number;
  publishedAt: string;
  publishedBy?: string;
}

export interface VersionSummary {
  version: number;
  publishedAt: string;
  publishedBy?: string;
  name: string;
}

export interface DefinitionFilter {
  q?: string;
  status?: string[];
  folderId?: string;
  tag?: string;
  triggerKind?: string;
  sort?: string;
}

export const searchDefinitions = (filter: DefinitionFilter, page: number, size: number) =>
  get<Paged<DefinitionSummary>>(`${BASE}/definitions`, { ...filter, page, size });

export const getDefinition = (id: string) => get<Definition>(`${BASE}/definitions/${seg(id)}`);

export const definitionIncidents = (id: string) =>
  get<{ definitionId: string; revision: number; incidents: Incident[] }>(`${BASE}/definitions/${seg(id)}/incidents`);

export type LifecycleAction = 'start' | 'publish' | 'pause' | 'resume' | 'finalize';

/** A lifecycle action on the revision the user saw (a stale one is a 409). */
export const lifecycle = (id: string, action: LifecycleAction, revision: number) =>
  post<Definition>(`${BASE}/definitions/${seg(id)}/${action}`, { revision });

export const versions = (id: string) => get<VersionSummary[]>(`${BASE}/definitions/${seg(id)}/versions`);
export const version = (id: string, n: number) =>
  get<PublishedVersion>(`${BASE}/definitions/${seg(id)}/versions/${seg(n)}`);

export const duplicate = (id: string, name?: string) =>
  post<Definition>(`${BASE}/definitions/${seg(id)}/duplicate`, name ? { name } : {});

/** A plain link downloads the .cn file (GET, Content-Disposition: attachment; the session cookie goes along). */
export const exportUrl = (id: string) => `${BASE}/definitions/${seg(id)}/export`;

export interface ImportResult {
  items: { sourceId: string; id: string; name: string; folderId?: string | null; incidents: Incident[] }[];
  unresolved: { type: string; name: string; message: string }[];
}

/** Uploads a .cn file as the browser sends files: the file part of a multipart form. */
export function importCn(file: File, folderId?: string): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  return request<ImportResult>('POST', `${BASE}/definitions/import`, { form, query: { folderId } });
}

// ---- folders, priorities, templates

export interface Folder {
  id: string;
  name: string;
  parentId?: string | null;
  path: string;
  revision: number;
}

export const folders = () => get<{ items: Folder[] }>(`${BASE}/folders`);

export interface PriorityItem {
  position: number;
  definitionId: string;
  name: string;
  exclusiveGroup?: string | null;
}

export const priorities = () => get<{ items: PriorityItem[] }>(`${BASE}/priorities`);
export const reorderPriorities = (order: string[]) => put<{ items: PriorityItem[] }>(`${BASE}/priorities`, { order });

export interface TemplateCatalog {
  categories: { category: string; templates: { id: string; name: string; description?: string }[] }[];
}

export const templates = () => get<TemplateCatalog>(`${BASE}/templates`);
export const createFromTemplate = (id: string, name?: string, folderId?: string) =>
  post<Definition>(`${BASE}/templates/${seg(id)}/definitions`, { name: name || undefined, folderId: folderId || undefined });
