'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '@/lib/i18n/client';
import { isVictimOrOperatorChange, mayChangeState } from '@/lib/ui/journal-view';
import { classifyReplay } from '@/lib/ui/replay-outcome';
import { callApi } from './api';
import { StrategyPanel } from './StrategyPanel';
import { AttackerRail, type ReplayFailure } from './AttackerRail';
import { OperatorRail, type OperatorAction } from './OperatorRail';
import { Timeline } from './Timeline';
import { focusKeeper } from '@/lib/ui/focus';
import { useLabClock } from './useLabClock';
import type { ApiResult, CopyView, JournalEntry, LabState } from './types';

const DEFAULT_STRATEGIES = ['jwt', 'session'] as const;
/** How often an open, visible page asks the journal for news: a curl request shows within about this long. */
const POLL_MS = 1000;
/** Entries the page keeps in memory (the server keeps its own bound). */
const KEEP_ENTRIES = 1000;

type JournalAnswer = { entries: JournalEntry[]; lastSeq: number; dropped: number; clearedThrough: number; more: boolean };

/**
 * The lab page's state. The timeline IS the lab journal (GET …/journal, polled
 * while the page is visible) and the stolen copies are the lab's attacker
 * store (GET …/copies): both live on the server, so they survive reload and
 * navigation and read the same on every screen opened on the lab link. After
 * any journal entry that may have changed something, every panel asks the
 * server again about its own credential.
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
  const [entries, setEntries] = useState<JournalEntry[]>([]);
  const [dropped, setDropped] = useState(0);
  const [copies, setCopies] = useState<CopyView[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [replaying, setReplaying] = useState<number | null>(null);
  // A replay whose answer came back without a copy (the replay endpoint failed, or answered in an unexpected
  // shape): shown on that copy as an error with its status — never as a verdict — until the next replay.
  const [failures, setFailures] = useState<Record<number, ReplayFailure>>({});
  const [operatorBusy, setOperatorBusy] = useState(false);
  // The seq of the newest entry that may have changed what the server holds: the panels re-check on it.
  const [changeSeq, setChangeSeq] = useState(0);
  // The seq of the newest change by a victim or the operator: replay answers older than it may be stale.
  const [lastChangeSeq, setLastChangeSeq] = useState(0);

  const reloadLab = useCallback(async () => {
    const res = await callApi('GET', `/api/labs/${labId}`, undefined, 'page');
    if (res.status === 200) {
      setLab(res.body as unknown as LabState);
      setReceivedAt(performance.now());
    }
  }, [labId]);

  const loadCopies = useCallback(async () => {
    const res = await callApi('GET', `/api/labs/${labId}/copies`, undefined, 'page');
    if (res.status === 200 && Array.isArray(res.body.copies)) setCopies(res.body.copies as CopyView[]);
  }, [labId]);

  // Polling: one read of the journal at a time; a request for news while one runs runs once more after it.
  const cursor = useRef(0);
  const clearedThrough = useRef(0);
  const polling = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const readNews = useCallback(async () => {
    const fresh: JournalEntry[] = [];
    for (let page = 0; page < 10; page++) {
      const res = await callApi('GET', `/api/labs/${labId}/journal?after=${cursor.current}`, undefined, 'page');
      if (res.status !== 200) return;
      const answer = res.body as unknown as JournalAnswer;
      if (answer.clearedThrough > clearedThrough.current) {
        clearedThrough.current = answer.clearedThrough;
        const cut = answer.clearedThrough;
        setEntries((list) => list.filter((e) => e.seq > cut));
      }
      setDropped(answer.dropped);
      fresh.push(...answer.entries);
      if (answer.entries.length > 0) cursor.current = answer.entries[answer.entries.length - 1]!.seq;
      if (!answer.more) break;
    }
    if (fresh.length === 0) return;
    setEntries((list) => [...list, ...fresh].slice(-KEEP_ENTRIES));
    const changes = fresh.filter(mayChangeState);
    if (changes.length > 0) {
      setChangeSeq(changes[changes.length - 1]!.seq);
      void loadCopies();
      if (changes.some((e) => e.method !== 'GET')) void reloadLab();
    }
    const victimOrOperator = fresh.filter(isVictimOrOperatorChange);
    if (victimOrOperator.length > 0) setLastChangeSeq(victimOrOperator[victimOrOperator.length - 1]!.seq);
  }, [labId, loadCopies, reloadLab]);

  const poll = useCallback((): Promise<void> => {
    if (polling.current) {
      again.current = true;
      return polling.current;
    }
    const run = async () => {
      do {
        again.current = false;
        await readNews();
      } while (again.current);
    };
    polling.current = run().finally(() => {
      polling.current = null;
    });
    return polling.current;
  }, [readNews]);

  useEffect(() => {
    // From a promise callback: the answers arrive from the network, not during this effect.
    void Promise.resolve().then(() => Promise.all([loadCopies(), poll()]));
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void poll();
    }, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void poll();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [loadCopies, poll]);

  /** A victim request from one of the panels; the journal then tells every panel. */
  const runVictim = useCallback(
    async (actor: string, strategy: string, method: string, action: string, json?: unknown): Promise<ApiResult> => {
      const res = await callApi(method, `/api/labs/${labId}/${strategy}/${action}`, json, actor);
      void poll();
      return res;
    },
    [labId, poll],
  );

  const steal = useCallback(
    async (strategy: string, subPath: string | null) => {
      // From the sub-path the browser sends every cookie of the strategy (jwt-refresh's refresh cookie lives there).
      const path = `/api/labs/${labId}/${strategy}/${subPath ? `${subPath}/` : ''}steal`;
      const res = await callApi('POST', path, undefined, 'attacker');
      setNotice(res.status === 201 ? null : res.body.reason === 'no-credential' ? t('stealNothing', { strategy }) : String(res.body.reason ?? res.status));
      await loadCopies();
      void poll();
    },
    [labId, loadCopies, poll, t],
  );

  const replay = useCallback(
    async (copy: CopyView, endpoint: 'me' | 'admin' | 'refresh') => {
      setReplaying(copy.copyId);
      try {
        const res = await callApi('POST', `/api/labs/${labId}/replay`, { copyId: copy.copyId, endpoint }, 'attacker');
        const outcome = classifyReplay(endpoint, res);
        const updated = res.status === 200 && outcome.kind !== 'error' ? (res.body.copy as CopyView | undefined) : undefined;
        if (updated) setCopies((list) => list.map((c) => (c.copyId === updated.copyId ? updated : c)));
        setFailures(({ [copy.copyId]: _old, ...rest }) => (updated ? rest : { ...rest, [copy.copyId]: { endpoint, outcome } }));
        void poll();
      } finally {
        setReplaying(null);
      }
    },
    [labId, poll],
  );

  // "Replay after every change": each victim or operator change is followed by a real /me replay of
  // every stolen copy, so a room sees the verdicts move without anyone clicking Replay. The replays
  // are the attacker's own requests, so they never trigger another round.
  const [autoReplay, setAutoReplay] = useState(false);
  const copiesRef = useRef(copies);
  useEffect(() => {
    copiesRef.current = copies;
  }, [copies]);
  useEffect(() => {
    if (!autoReplay || lastChangeSeq === 0) return;
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
  }, [autoReplay, lastChangeSeq, replay]);

  const operate = useCallback(
    async (action: OperatorAction) => {
      const giveFocusBack = focusKeeper();
      setOperatorBusy(true);
      const { method, path, json } = operatorRequest(`/api/labs/${labId}`, action);
      try {
        await callApi(method, path, json, 'operator');
        await reloadLab();
        await poll();
      } finally {
        setOperatorBusy(false);
        giveFocusBack();
      }
    },
    [labId, reloadLab, poll],
  );

  const clearAll = useCallback(async () => {
    const res = await callApi('POST', `/api/labs/${labId}/copies/clear`, undefined, 'page');
    if (res.status === 200) {
      setCopies([]);
      setNotice(null);
    }
    await poll();
  }, [labId, poll]);

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
            presets={lab.presets ?? []}
            onStrategyChange={(s) => setPanelStrategies((list) => list.map((old, j) => (j === i ? s : old)))}
            users={lab.users}
            passwords={passwords}
            onPasswordChanged={(username, password) => setPasswords((p) => ({ ...p, [username]: password }))}
            run={runVictim}
            onSteal={(subPath) => steal(strategy, subPath)}
            changeSeq={changeSeq}
            entries={entries}
            labNow={labNow}
          />
        ))}
        {/* Sticky, so the attacker's verdicts and the operator's buttons stay in view while the panels scroll. */}
        <div className="rails flex flex-col gap-3">
          <AttackerRail
            copies={copies}
            refreshable={lab.refreshableStrategies ?? []}
            lastChangeSeq={lastChangeSeq}
            notice={notice}
            labNow={labNow}
            busyId={replaying}
            failures={failures}
            onReplay={(copy, endpoint) => void replay(copy, endpoint)}
            autoReplay={autoReplay}
            onAutoReplayChange={setAutoReplay}
            onReplayAll={async () => {
              for (const copy of copies) await replay(copy, 'me');
            }}
          />
          <OperatorRail lab={lab} labNow={labNow} busy={operatorBusy} onAction={(a) => void operate(a)} onClear={() => void clearAll()} onSettingsSaved={reloadLab} />
        </div>
      </div>
      <Timeline entries={entries} dropped={dropped} copies={copies} />
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
