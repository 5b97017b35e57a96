'use client';
import type { ApiResult } from './types';

/**
 * One fetch to our own API; a network failure becomes status 0 so the page can show it instead of throwing.
 * `actor` names who is asking in the lab journal (X-Lab-Actor: panel-1, attacker, operator, page).
 */
export async function callApi(method: string, path: string, json?: unknown, actor?: string): Promise<ApiResult> {
  const headers: Record<string, string> = {};
  // Every state change says JSON, also without a body: the server refuses any other (CSRF, lib/http.ts).
  if (json !== undefined || method !== 'GET') headers['content-type'] = 'application/json';
  if (actor) headers['x-lab-actor'] = actor;
  try {
    const res = await fetch(path, {
      method,
      headers,
      body: json === undefined ? undefined : JSON.stringify(json),
      cache: 'no-store',
      credentials: 'same-origin',
    });
    const text = await res.text();
    let body: Record<string, unknown> = {};
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      body = { error: 'not-json', reason: 'not-json' };
    }
    return { status: res.status, body };
  } catch {
    return { status: 0, body: { error: 'network', reason: 'network-error' } };
  }
}
