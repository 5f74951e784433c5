import type { z } from 'zod';
import type { StaffUser as StaffUserSchema } from '../../../contracts/identity';
import { apiDelete, apiGet, apiPost, type RequestOptions } from '../../api/client';

export type StaffUser = z.infer<typeof StaffUserSchema>;
export type Assignment = StaffUser['assignments'][number];

/** A role of GET /identity/roles (with the actions it allows). */
export interface Role {
  code: string;
  nameVi: string;
  nameEn: string;
  staff: boolean;
  scoped: boolean;
  needsSector: boolean;
  actions: string[];
}

const BASE = '/api/v1/identity';
const user = (id: string) => `${BASE}/users/${encodeURIComponent(id)}`;

export const listUsers = (options?: RequestOptions) => apiGet<{ items: StaffUser[] }>(`${BASE}/users`, options);
export const listRoles = (options?: RequestOptions) => apiGet<{ items: Role[] }>(`${BASE}/roles`, options);

/** Creates an account; without a password the server makes a temporary one, returned once. */
export const createUser = (body: { username: string; displayName: string }) =>
  apiPost<{ user: StaffUser; temporaryPassword?: string }>(`${BASE}/users`, body);

export const assignRole = (id: string, body: { role: string; unitCode: string; sector?: string | null }) =>
  apiPost<StaffUser>(`${user(id)}/assignments`, body);

export const removeAssignment = (id: string, assignmentId: string) =>
  apiDelete<StaffUser>(`${user(id)}/assignments/${encodeURIComponent(assignmentId)}`);

export const resetPassword = (id: string) => apiPost<{ temporaryPassword: string }>(`${user(id)}/reset-password`, {});

export const setDisabled = (id: string, disabled: boolean) => apiPost<StaffUser>(`${user(id)}/${disabled ? 'disable' : 'enable'}`, {});
