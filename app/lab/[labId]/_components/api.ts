'use client';
import type { ApiResult } from './types';

/** One fetch to our own API; a network failure becomes status 0 so the page can show it instead of throwing. */
export async function callApi(method: string, path: string, json?: unknown): Promise<ApiResult> {
  try {
    const res = await fetch(path, {
      method,
      // Every state change says JSON, also without a body: the server refuses any other (CSRF, lib/http.ts).
    headers: method === 'GET' ? undefined : { 'content-type': 'application/json' },
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
