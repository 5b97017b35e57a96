import { defineNamespace } from '../define';

/** The landing page `/`. */
export const home = defineNamespace(
  {
    title: 'Can you take a login back?',
    lead: 'A signed token (JWT) in a cookie cannot be taken back: after a logout, a password change or a ban, a stolen copy keeps working until it expires — unless you rotate the key and log everyone out. The fixes (a denylist, a version check) ask the server on every request, which is a session store again — so a plain server-side session is the simpler, better-tested choice.',
    audience: 'For security trainers in a workshop and for developers deciding how to keep users logged in.',
    how: 'Log in twice, side by side — a stateless JWT and a server-side session — steal the cookie, revoke access, and replay the stolen copy. Every result comes from a real request.',
    start: 'Start a lab',
    starting: 'Starting…',
    startFailed: 'Could not start a lab: {reason}',
    startNote: 'A lab is your own sandbox: its own users, keys, sessions and clock. The link is the key — anyone with it can use the lab.',
    learnLink: 'Read the argument and try the demos',
  },
  {
    title: 'ログインは取り消せるか？',
    lead: 'Cookie に入れた署名付きトークン（JWT）は、ログアウトしてもパスワードを変えてもアカウントを停止しても、盗まれたコピーが有効期限まで使え、止めるには鍵を替えて全員をログアウトさせるしかありません。拒否リストやバージョン照合といった回避策はリクエストのたびにサーバーを引くので結局はセッションストアであり、それなら枯れたサーバー側セッションの方が単純で確実です。',
    audience: 'ワークショップで教えるセキュリティ講師と、ログイン状態の持ち方を決める開発者のためのサイトです。',
    how: 'JWT とサーバー側セッションで並べてログインし、Cookie を盗み、アクセスを取り消して、盗んだコピーを再送します。結果はすべて本物のリクエストから得たものです。',
    start: 'ラボを始める',
    starting: '準備中…',
    startFailed: 'ラボを開始できませんでした：{reason}',
    startNote: 'ラボはあなた専用の実験環境です（ユーザー、鍵、セッション、時計もすべて専用）。URL が鍵になっていて、URL を知っている人は誰でも使えます。',
    learnLink: '解説を読んでデモを試す',
  },
);
