import type { z } from 'zod';
import type { RoleEvent, RoleList, RoleView, StaffUser as StaffUserSchema } from '../../../contracts/identity';
import { apiDelete, apiGet, apiPost, type RequestOptions } from '../../api/client';

export type StaffUser = z.infer<typeof StaffUserSchema>;
export type Assignment = StaffUser['assignments'][number];

/** A role of GET /identity/roles (with the actions it allows). */
export type Role = RoleView;

const BASE = '/api/v1/identity';
const user = (id: string) => `${BASE}/users/${encodeURIComponent(id)}`;

export const listUsers = (options?: RequestOptions) => apiGet<{ items: StaffUser[] }>(`${BASE}/users`, options);
export const listRoles = (options?: RequestOptions) => apiGet<RoleList>(`${BASE}/roles`, options);
export const listRoleEvents = (options?: RequestOptions) =>
  apiGet<{ items: RoleEvent[] }>(`${BASE}/roles/events`, options);

/** Creates a staff role (no actions yet unless given). */
export const createRole = (body: {
  code: string;
  nameVi: string;
  nameEn: string;
  needsSector?: boolean;
  actions?: string[];
}) => apiPost<RoleView>(`${BASE}/roles`, body);

/** Replaces the actions of a role (the whole list). */
export const setRoleActions = (code: string, actions: string[]) =>
  apiPost<RoleView>(`${BASE}/roles/${encodeURIComponent(code)}/actions`, { actions });

/** Creates an account; without a password the server makes a temporary one, returned once. */
export const createUser = (body: { username: string; displayName: string }) =>
  apiPost<{ user: StaffUser; temporaryPassword?: string }>(`${BASE}/users`, body);

export const assignRole = (id: string, body: { role: string; unitCode: string; sector?: string | null }) =>
  apiPost<StaffUser>(`${user(id)}/assignments`, body);

export const removeAssignment = (id: string, assignmentId: string) =>
  apiDelete<StaffUser>(`${user(id)}/assignments/${encodeURIComponent(assignmentId)}`);

export const resetPassword = (id: string) => apiPost<{ temporaryPassword: string }>(`${user(id)}/reset-password`, {});

export const setDisabled = (id: string, disabled: boolean) =>
  apiPost<StaffUser>(`${user(id)}/${disabled ? 'disable' : 'enable'}`, {});
