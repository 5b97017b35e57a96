'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '@/lib/i18n/client';
import { curlLine } from '@/lib/curl';
import { callApi } from './api';
import { lookupsOf, reasonOf } from '@/lib/ui/format';
import { classifyReplay, cookiesAfterReplay, innerAnswer } from '@/lib/ui/replay-outcome';
import { StrategyPanel } from './StrategyPanel';
import { AttackerRail } from './AttackerRail';
import { OperatorRail, type OperatorAction } from './OperatorRail';
import { Timeline } from './Timeline';
import { focusKeeper } from '@/lib/ui/focus';
import { useLabClock } from './useLabClock';
import type { Actor, ApiResult, CredentialView, LabState, StolenCopy, TimelineEntry } from './types';

const DEFAULT_STRATEGIES = ['jwt', 'session'] as const;

/**
 * The lab page's state: the lab (users, key, clock), the two panels'
 * strategies, the attacker's stolen copies and the timeline. Every request
 * goes through `record`, so the timeline is complete by construction.
 */
export function LabWorkbench({ initial }: { initial: LabState }) {
  const t = useT('lab');
  const labId = initial.labId;
  const [lab, setLab] = useState(initial);
  // When the current `lab` arrived, on the browser's monotonic clock (null: the server-rendered state, counted from mount).
  const [receivedAt, setReceivedAt] = useState<number | null>(null);
  const labNow = useLabClock(lab.now, receivedAt);
  const [panelStrategies, setPanelStrategies] = useState<string[]>(() =>
    DEFAULT_STRATEGIES.map((s, i) => (initial.strategies.includes(s) ? s : (initial.strategies[i] ?? s))),
  );
  const [passwords, setPasswords] = useState<Record<string, string>>(() =>
    Object.fromEntries(initial.users.filter((u) => u.password).map((u) => [u.username, u.password!])),
  );
  const [timeline, setTimeline] = useState<TimelineEntry[]>([]);
  const [copies, setCopies] = useState<StolenCopy[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [replaying, setReplaying] = useState<number | null>(null);
  const [operatorBusy, setOperatorBusy] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);
  const nextId = useRef(1);
  const nextCopyId = useRef(1);
  const labNowRef = useRef(labNow);
  useEffect(() => {
    labNowRef.current = labNow;
  }, [labNow]);

  // The id of the last entry that changed something (victim or operator): answers older than it may be stale.
  const [lastChangeId, setLastChangeId] = useState(0);

  const record = useCallback((entry: Omit<TimelineEntry, 'id' | 'at'>): number => {
    const id = nextId.current++;
    setTimeline((list) => [...list, { ...entry, id, at: labNowRef.current }]);
    if (entry.actor !== 'attacker' && entry.method !== 'GET') setLastChangeId(id);
    return id;
  }, []);

  const reloadLab = useCallback(async () => {
    const res = await callApi('GET', `/api/labs/${labId}`);
    if (res.status === 200) {
      setLab(res.body as unknown as LabState);
      setReceivedAt(performance.now());
    }
  }, [labId]);

  /** A victim request from one of the panels. */
  const runVictim = useCallback(
    async (actor: Actor, strategy: string, method: string, action: string, json?: unknown): Promise<ApiResult> => {
      const path = `/api/labs/${labId}/${strategy}/${action}`;
      const res = await callApi(method, path, json);
      record({
        actor,
        strategy,
        method,
        path,
        status: res.status,
        reason: reasonOf(res.body),
        lookups: lookupsOf(res.body),
        curl: curlLine({ origin: window.location.origin, method, path, json, jar: `${actor}-${strategy}.txt` }),
      });
      return res;
    },
    [labId, record],
  );

  const onSteal = useCallback(
    (strategy: string, view: CredentialView, username: string | null) => {
      const path = `/api/labs/${labId}/${strategy}/credential`;
      record({
        actor: 'attacker',
        strategy,
        method: 'GET',
        path,
        status: 200,
        reason: null,
        lookups: null,
        curl: curlLine({ origin: window.location.origin, method: 'GET', path, jar: `victim-${strategy}.txt` }),
      });
      if (view.cookies.length === 0) {
        setNotice(t('stealNothing', { strategy }));
        return;
      }
      const fromToken = view.cookies[0]?.jwt?.payload.username;
      const copy: StolenCopy = {
        id: nextCopyId.current++,
        strategy,
        cookies: view.cookies.map((c) => ({ name: c.name, value: c.value })),
        username: username ?? (typeof fromToken === 'string' ? fromToken : null),
        stolenAt: labNowRef.current,
        last: null,
      };
      setNotice(null);
      setCopies((list) => [...list, copy]);
    },
    [labId, record, t],
  );

  const replay = useCallback(
    async (copy: StolenCopy, endpoint: 'me' | 'admin' | 'refresh') => {
      setReplaying(copy.id);
      try {
        const replayPath = `/api/labs/${labId}/replay`;
        const replayJson = { strategy: copy.strategy, endpoint, cookies: copy.cookies };
        const res = await callApi('POST', replayPath, replayJson);
        const outcome = classifyReplay(endpoint, res);
        // The replay endpoint answers with the inner request's status and body: that is what the timeline shows.
        // When the replay endpoint itself failed, the timeline shows that request instead (it is the one that failed).
        const inner = innerAnswer(res.status, res.body);
        const body = inner ? inner.body : res.body;
        const method = inner ? inner.request.method : 'POST';
        const path = inner ? inner.request.path : replayPath;
        const seq = record({
          actor: 'attacker',
          strategy: copy.strategy,
          method,
          path,
          status: inner ? inner.status : res.status,
          reason: reasonOf(body),
          lookups: lookupsOf(body),
          curl: inner
            ? curlLine({ origin: window.location.origin, method, path, cookies: copy.cookies })
            : curlLine({ origin: window.location.origin, method, path, json: replayJson }),
        });
        const expiresAt = inner && typeof body.expiresAt === 'number' ? body.expiresAt : null;
        // The attacker's machine keeps what the answer set (a refresh rotates the cookies): the next
        // replay of this copy sends those, as a real attacker would — not the spent refresh token.
        const rotated = cookiesAfterReplay(res.status, res.body);
        setCopies((list) =>
          list.map((c) => (c.id === copy.id ? { ...c, cookies: rotated ?? c.cookies, last: { endpoint, outcome, expiresAt, seq } } : c)),
        );
      } finally {
        setReplaying(null);
      }
    },
    [labId, record],
  );

  // "Replay after every change": each victim or operator change is followed by a real /me replay of
  // every stolen copy, so a room sees the verdicts move without anyone clicking Replay.
  const [autoReplay, setAutoReplay] = useState(false);
  const copiesRef = useRef(copies);
  useEffect(() => {
    copiesRef.current = copies;
  }, [copies]);
  useEffect(() => {
    if (!autoReplay || lastChangeId === 0) return;
    let cancelled = false;
    void (async () => {
      for (const copy of copiesRef.current) {
        if (cancelled) break;
        await replay(copy, 'me');
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [autoReplay, lastChangeId, replay]);

  const operate = useCallback(
    async (action: OperatorAction) => {
      const giveFocusBack = focusKeeper();
      setOperatorBusy(true);
      const { method, path, json } = operatorRequest(`/api/labs/${labId}`, action);
      try {
        const res = await callApi(method, path, json);
        record({
          actor: 'operator',
          strategy: null,
          method,
          path,
          status: res.status,
          reason: reasonOf(res.body),
          lookups: null,
          curl: curlLine({ origin: window.location.origin, method, path, json }),
        });
        await reloadLab();
        setRefreshKey((k) => k + 1);
      } finally {
        setOperatorBusy(false);
        giveFocusBack();
      }
    },
    [labId, record, reloadLab],
  );

  return (
    <div className="flex flex-col gap-3">
      <div className="grid gap-3 grid-cols-1 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(17rem,0.8fr)] items-start">
        {panelStrategies.map((strategy, i) => (
          <StrategyPanel
            key={i}
            index={i + 1}
            labId={labId}
            strategy={strategy}
            strategies={lab.strategies}
            onStrategyChange={(s) => setPanelStrategies((list) => list.map((old, j) => (j === i ? s : old)))}
            users={lab.users}
            passwords={passwords}
            onPasswordChanged={(username, password) => setPasswords((p) => ({ ...p, [username]: password }))}
            run={runVictim}
            onSteal={onSteal}
            refreshKey={refreshKey}
            labNow={labNow}
          />
        ))}
        {/* Sticky, so the attacker's verdicts and the operator's buttons stay in view while the panels scroll. */}
        <div className="rails flex flex-col gap-3">
          <AttackerRail
            copies={copies}
            refreshable={lab.refreshableStrategies ?? []}
            lastChangeId={lastChangeId}
            notice={notice}
            labNow={labNow}
            busyId={replaying}
            onReplay={(copy, endpoint) => void replay(copy, endpoint)}
            autoReplay={autoReplay}
            onAutoReplayChange={setAutoReplay}
            onReplayAll={async () => {
              for (const copy of copies) await replay(copy, 'me');
            }}
          />
          <OperatorRail lab={lab} labNow={labNow} busy={operatorBusy} onAction={(a) => void operate(a)} onSettingsSaved={reloadLab} />
        </div>
      </div>
      <Timeline entries={timeline} />
    </div>
  );
}

/** The operator API call for one console action (the lab's admin endpoints). */
function operatorRequest(base: string, action: OperatorAction): { method: string; path: string; json?: unknown } {
  switch (action.kind) {
    case 'role':
      return { method: 'POST', path: `${base}/users/${action.username}/role`, json: { role: action.role } };
    case 'ban':
    case 'unban':
      return { method: 'POST', path: `${base}/users/${action.username}/${action.kind}` };
    case 'rotate':
      return { method: 'POST', path: `${base}/keys/rotate` };
    case 'clock':
      return { method: 'POST', path: `${base}/clock`, json: { advanceSeconds: action.seconds } };
  }
}
