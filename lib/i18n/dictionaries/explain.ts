import { defineNamespace } from '../define';

/**
 * Why each measured result came out as it did, and what would change it
 * (lib/explain/). Keys: `checks_<strategy>` — what the strategy checks on
 * every request; `why_<scenario>_<strategy>` — what the action changed, or
 * could not change, on the server; `fix_<scenario>_<strategy>` — the smallest
 * change that makes this revocation work, with its cost. lib/explain/explain.ts
 * names every (scenario, strategy) key by type, so a missing one fails tsc.
 *
 * Placeholders: {jwtTtl} {accessTtl} {refreshTtl} {idle} {absolute} are the
 * lab's settings as durations in the page's language.
 */
export const explain = defineNamespace(
  {
    headingWhy: 'Why',
    headingFix: 'What would fix it',
    headingRequirements: 'Requirements this bears on',
    headingWindow: 'Window',
    unexpected: 'Unexpected: measured {measured}, the mechanism predicts {predicted}.',
    unexpectedWhy:
      'The strategy’s declared mechanism says this run should be {predicted}, but the real requests said {measured}. The usual explanation does not hold for this run, so it is not shown.',
    unexpectedFix:
      'Before changing anything, find the request that differs from the mechanism (status and reason in the trace): either the code or its declared mechanism is wrong.',
    errorWhy: 'No verdict: a request got an answer no verdict can come from, so there is nothing to explain yet.',
    errorFix: 'Run it again; if it fails again, the trace and the server log show which request failed.',
    v_blocked: 'blocked',
    v_works: 'still works',
    v_na: 'not applicable',
    v_error: 'no verdict',
    windowBound: 'works {window} — bounded by {setting} = {value}',
    windowOpen: 'works at least {window} — bounded by {setting} = {value}',
    windowSlid: 'each use slid the {idle} idle timeout (sessionIdleSeconds)',
    linkNote: 'Links open the standard’s own page; nothing is loaded until you click.',

    checks_jwt: 'On every request the server checks the JWT’s signature and its exp claim — nothing else: it keeps no record of the tokens it issued.',
    checks_session: 'On every request the server looks the session id up in its sessions table and reads the user, so whatever is in the store decides.',
    'checks_jwt-denylist': 'On every request the server checks the JWT’s signature and exp, then looks its jti up in a denylist of tokens ended before their exp.',
    'checks_jwt-version': 'On every request the server checks the JWT’s signature and exp, then compares the version inside it with the user’s current version in the store.',
    'checks_jwt-refresh': 'On every request the server checks only the short access JWT’s signature and exp; the store is read only when the refresh token is traded for a new access token.',
    'checks_iron-stateless': 'On every request the server unseals the cookie and checks the expiry sealed inside it: the user’s data travels in the cookie, nothing is looked up.',

    why_logout_jwt: 'Logging out cleared the browser’s cookie; the server had nothing to delete, so the copy is still a validly signed token until exp ({jwtTtl}).',
    why_logout_session: 'Logging out deleted the session row, so the copy’s id now matches nothing and is refused on its next request.',
    'why_logout_jwt-denylist': 'Logging out put this token’s jti on the denylist — the same token the attacker copied — so the copy is refused on its next request.',
    'why_logout_jwt-version': 'A plain logout only cleared the cookie: bumping the version would also log out the user’s other devices, so the copy works until exp ({jwtTtl}).',
    'why_logout_jwt-refresh': 'Logging out revoked this refresh token, but the access token in the copy is never checked against the store: it works until it expires ({accessTtl}).',
    'why_logout_iron-stateless': 'Logging out cleared the browser’s cookie; the sealed copy holds everything the server needs, so it works until the expiry sealed inside it ({jwtTtl}).',

    'why_stolen-token_jwt': '“Sign out everywhere” had nothing to find: the server never recorded the laptop’s token, so the copy works until exp ({jwtTtl}).',
    'why_stolen-token_session': '“Sign out everywhere” deleted every session row of the user, the laptop’s included, so the copy is refused at once.',
    'why_stolen-token_jwt-denylist': '“Sign out everywhere” could denylist only the token it was sent — the phone’s. The server never saw the laptop’s jti, so the copy works until exp ({jwtTtl}).',
    'why_stolen-token_jwt-version': '“Sign out everywhere” bumped the user’s version, so every token carrying the old one — the laptop’s copy included — is refused.',
    'why_stolen-token_jwt-refresh': 'Every refresh token of the user was revoked, but the copied access token is still checked by signature alone until it expires ({accessTtl}).',
    'why_stolen-token_iron-stateless': '“Sign out everywhere” had nothing to find: the sealed cookie is the whole session and no copy of it is kept, so it works until its sealed expiry ({jwtTtl}).',

    'why_password-change_jwt': 'The new password hash is in the database, but the token never refers to it: the copy works until exp ({jwtTtl}).',
    'why_password-change_session': 'The password change deleted all of the user’s sessions (the device that made it got a fresh one), so the copy’s id is gone.',
    'why_password-change_jwt-denylist':
      'The password change denylisted the token that asked for it — the laptop’s, which is the one copied. Made from another device, it would have missed the copy.',
    'why_password-change_jwt-version': 'The password change bumped the user’s version: the copy carries the old one and is refused.',
    'why_password-change_jwt-refresh': 'The password change revoked the user’s refresh tokens; the copied access token is never checked against them and works until it expires ({accessTtl}).',
    'why_password-change_iron-stateless': 'The new password is in the database, which the sealed cookie never refers to: the copy works until its sealed expiry ({jwtTtl}).',

    'why_role-change_jwt': 'The role is a claim inside the signed token; the new role in the database is never read, so the copy keeps admin rights until exp ({jwtTtl}).',
    'why_role-change_session': 'The session row points at the user, whose role is read on every request: the demotion counts on the next request.',
    'why_role-change_jwt-denylist': 'A denylist holds revoked tokens, and a demotion revokes none: the role claim in the copy is trusted until exp ({jwtTtl}).',
    'why_role-change_jwt-version': 'The demotion bumped the user’s version, so the copy — old version, old role — is refused.',
    'why_role-change_jwt-refresh': 'The role is a claim in the access token; it changes only when a new access token is minted, after the copied one expires ({accessTtl}).',
    'why_role-change_iron-stateless': 'The role is sealed inside the cookie; the database is never read, so the copy keeps admin rights until its sealed expiry ({jwtTtl}).',

    why_ban_jwt: 'The account is disabled in the database, which the server never reads for a JWT: the copy works until exp ({jwtTtl}).',
    why_ban_session: 'Disabling the account deleted the user’s sessions, and the disabled flag is read on every request: the copy is refused at once.',
    'why_ban_jwt-denylist': 'The denylist has no record of which tokens the user holds, so the ban revokes none of them: the copy works until exp ({jwtTtl}).',
    'why_ban_jwt-version': 'The ban bumped the version, and the same row says the account is disabled: the copy is refused on its next request.',
    'why_ban_jwt-refresh': 'The ban revoked the refresh tokens and refuses new access tokens, but the current access token works until it expires ({accessTtl}).',
    'why_ban_iron-stateless': 'The account is disabled in the database, which the sealed cookie never refers to: the copy works until its sealed expiry ({jwtTtl}).',

    'why_key-rotation_jwt': 'Replacing the signing key made every token signed with the old one fail its signature check — the attacker’s, and every other user’s too.',
    'why_key-rotation_session': 'The session id is not signed with the lab’s JWT key, so replacing that key cannot bear on it.',
    'why_key-rotation_jwt-denylist': 'Replacing the signing key made every token signed with the old one fail its signature check — the attacker’s, and every other user’s too.',
    'why_key-rotation_jwt-version': 'Replacing the signing key made every token signed with the old one fail its signature check — the attacker’s, and every other user’s too.',
    'why_key-rotation_jwt-refresh':
      'The copied access token failed the new key’s check, but the attacker also holds the refresh cookie — an opaque token in the store, not signed with that key — and traded it for a fresh access token. The copy lives until the refresh token expires ({refreshTtl}).',
    'why_key-rotation_iron-stateless': 'iron seals with its own secret, not the lab’s JWT key, so replacing that key cannot bear on it.',

    why_expiry_jwt: 'Nobody acted: the token carries its own exp, so the copy works {jwtTtl} from issue, and the server has no way to end it sooner.',
    why_expiry_session:
      'Nobody acted. Each of the attacker’s requests slid the {idle} idle timeout, so only the absolute limit ({absolute}) ended it. Unlike a JWT, the server can end this session at any moment by deleting its row.',
    'why_expiry_jwt-denylist': 'Nobody acted, and a denylist only matters once someone signs out: the copy works until exp ({jwtTtl}).',
    'why_expiry_jwt-version': 'Nobody acted, and the version only changes on a sign-out everywhere, a password change, a demotion or a ban: the copy works until exp ({jwtTtl}).',
    'why_expiry_jwt-refresh':
      'Nobody acted, and the attacker refreshes as the victim’s browser would: a new access token every {accessTtl}, until the refresh token’s own lifetime ({refreshTtl}) ends.',
    'why_expiry_iron-stateless': 'Nobody acted: the expiry is sealed inside the cookie, so the copy works {jwtTtl} from issue, and the server has no way to end it sooner.',

    fix_logout_jwt: 'Record each token’s jti at logout and check it on every request (a denylist), or use a server-side session. Cost: a store lookup on every request — that is a session store.',
    fix_logout_session: 'Nothing to fix: the server deleted the row. The cost is already paid: one lookup per request.',
    'fix_logout_jwt-denylist': 'Nothing to fix for this device. The cost: a denylist lookup on every request, and a row per logout kept until the token expires.',
    'fix_logout_jwt-version':
      'Denylist this token’s jti at logout as well, or bump the version (which logs out every device). Cost: a second lookup per request, or every device logged out.',
    'fix_logout_jwt-refresh': 'Shorten accessTtlSeconds (the window shrinks with it), or check the refresh family on every request. Cost: more refreshes, or a lookup per request.',
    'fix_logout_iron-stateless': 'Seal only a session id in the cookie and look it up on every request, deleting it at logout. Cost: a lookup per request — a session store.',

    'fix_stolen-token_jwt': 'Keep a version per user and compare it on every request, or record every issued token (a session table). Cost: a lookup per request.',
    'fix_stolen-token_session': 'Nothing to fix: every row of the user was deleted. The cost is already paid: one lookup per request.',
    'fix_stolen-token_jwt-denylist':
      'Record every token issued to the user so all of them can be denylisted — which is a session table — or compare a version per user. Cost: a row per login and a lookup per request.',
    'fix_stolen-token_jwt-version': 'Nothing to fix. The cost: a version lookup on every request.',
    'fix_stolen-token_jwt-refresh': 'Shorten accessTtlSeconds, or check the refresh family on every request. Cost: more refreshes, or a lookup per request.',
    'fix_stolen-token_iron-stateless': 'Seal only a session id and keep the sessions on the server, so all of a user’s can be deleted. Cost: a lookup per request.',

    'fix_password-change_jwt': 'Bump a per-user version on password change and compare it on every request. Cost: a lookup per request.',
    'fix_password-change_session': 'Nothing to fix: every other session of the user was deleted. The cost is already paid: one lookup per request.',
    'fix_password-change_jwt-denylist':
      'Nothing to fix for the device that made the change; to reach the others, compare a per-user version too. Cost: a second lookup per request.',
    'fix_password-change_jwt-version': 'Nothing to fix. The cost: a version lookup on every request.',
    'fix_password-change_jwt-refresh': 'Shorten accessTtlSeconds, or check the refresh family on every request. Cost: more refreshes, or a lookup per request.',
    'fix_password-change_iron-stateless': 'Seal a per-user version and compare it with the store on every request. Cost: a lookup per request.',

    'fix_role-change_jwt': 'Read the role from the store on every request instead of trusting the claim, or compare a per-user version. Cost: a lookup per request.',
    'fix_role-change_session': 'Nothing to fix: the role is read on every request. The cost is already paid: one lookup per request.',
    'fix_role-change_jwt-denylist': 'Read the role from the store on every request, or compare a per-user version bumped on demotion. Cost: a second lookup per request.',
    'fix_role-change_jwt-version': 'Nothing to fix. The cost: a version lookup on every request.',
    'fix_role-change_jwt-refresh': 'Read the role from the store for admin-only pages, or shorten accessTtlSeconds. Cost: a lookup on those requests, or more refreshes.',
    'fix_role-change_iron-stateless': 'Read the role from the store on every request instead of from the sealed data. Cost: a lookup per request.',

    fix_ban_jwt: 'Read the user’s disabled flag (or a version) on every request. Cost: a lookup per request — that is a session store.',
    fix_ban_session: 'Nothing to fix: the sessions were deleted and the flag is read. The cost is already paid: one lookup per request.',
    'fix_ban_jwt-denylist': 'Read the user’s disabled flag on every request as well as the denylist, or compare a per-user version. Cost: a second lookup per request.',
    'fix_ban_jwt-version': 'Nothing to fix. The cost: a version lookup on every request.',
    'fix_ban_jwt-refresh': 'Shorten accessTtlSeconds, or read the disabled flag on every request. Cost: more refreshes, or a lookup per request.',
    'fix_ban_iron-stateless': 'Read the user’s disabled flag from the store on every request. Cost: a lookup per request.',

    'fix_key-rotation_jwt':
      'It worked, at a price: every user was logged out. To end one user’s tokens only, compare a per-user version on every request. Cost: a lookup per request.',
    'fix_key-rotation_session': 'Not applicable: to end one session, delete its row.',
    'fix_key-rotation_jwt-denylist': 'It worked, at a price: every user was logged out. To end one user’s tokens only, compare a per-user version. Cost: a lookup per request.',
    'fix_key-rotation_jwt-version': 'It worked, at a price: every user was logged out. The version bump does the same for one user, without the collateral.',
    'fix_key-rotation_jwt-refresh': 'Revoke the refresh tokens as well (sign out everywhere) — rotating the key alone cannot reach them. Cost: none beyond the refresh table it already has.',
    'fix_key-rotation_iron-stateless': 'Not applicable: changing iron’s own secret would log everyone out, as a key rotation does.',

    fix_expiry_jwt: 'Shorten jwtTtlSeconds: it is the only end a stolen token has. Cost: users sign in (or refresh) more often.',
    fix_expiry_session: 'Shorten sessionAbsoluteSeconds or sessionIdleSeconds — or end the session on the server when something looks wrong. Cost: users sign in more often.',
    'fix_expiry_jwt-denylist': 'Shorten jwtTtlSeconds. Cost: users sign in more often.',
    'fix_expiry_jwt-version': 'Shorten jwtTtlSeconds. Cost: users sign in more often.',
    'fix_expiry_jwt-refresh': 'Shorten refreshTtlSeconds (an absolute limit on the family). Cost: users sign in more often.',
    'fix_expiry_iron-stateless': 'Shorten jwtTtlSeconds (the sealed expiry). Cost: users sign in more often.',

    'req_asvs-7.4.1': 'Logout and expiry end the session, so nothing can resume it.',
    'req_asvs-7.4.2': 'Disabling or deleting an account ends all its active sessions.',
    'req_asvs-7.4.3': 'After a password or other authentication factor changes, the user can end all other active sessions.',
    'req_asvs-7.4.5': 'Administrators can end the active sessions of one user or of all users.',
    'req_asvs-7.3.1': 'An inactivity timeout forces re-authentication.',
    'req_asvs-7.3.2': 'An absolute maximum session lifetime forces re-authentication.',
    'req_asvs-7.5.2': 'Users can view their active sessions and end any or all of them.',
    'req_asvs-8.3.2': 'Changes to what authorization decisions rest on apply immediately.',
    'req_asvs-10.4.5': 'Refresh-token replay is mitigated; with rotation, a used token is invalidated and reuse revokes the whole family.',
    'req_wstg-sess-06': 'Test that logout really ends the session on the server.',
    'req_wstg-sess-07': 'Test that the session times out and cannot be reused afterwards.',
    'req_cwe-613': 'Insufficient session expiration: old credentials keep granting access.',
    'req_rfc9700-4.14.2': 'Refresh tokens are sender-constrained or rotated, with replay detection.',
    req_rfc8725: 'JSON Web Token best current practices.',
  },
  {
    headingWhy: 'なぜ',
    headingFix: '何を変えれば防げるか',
    headingRequirements: '関係する要件',
    headingWindow: '有効だった時間',
    unexpected: '想定外：計測結果は「{measured}」、仕組みからの予想は「{predicted}」です。',
    unexpectedWhy:
      'この方式が宣言している仕組みからは「{predicted}」になるはずですが、本物のリクエストの結果は「{measured}」でした。いつもの説明はこの実行には当てはまらないので表示しません。',
    unexpectedFix:
      '何かを変える前に、仕組みと食い違ったリクエストを探してください（リクエスト一覧のステータスと理由）。コードか、宣言された仕組みのどちらかが間違っています。',
    errorWhy: '判定なし：判定の根拠にならない応答が返ったため、まだ説明できることがありません。',
    errorFix: 'もう一度実行してください。また失敗する場合は、リクエスト一覧とサーバーのログでどのリクエストが失敗したかがわかります。',
    v_blocked: 'ブロック',
    v_works: 'まだ使える',
    v_na: '対象外',
    v_error: '判定なし',
    windowBound: '{window} 有効 — 上限は {setting} = {value}',
    windowOpen: '{window} 以上有効 — 上限は {setting} = {value}',
    windowSlid: '使われるたびに {idle} の無操作タイムアウト（sessionIdleSeconds）が延びた',
    linkNote: 'リンク先は各標準の公式ページです。クリックするまで何も読み込みません。',

    checks_jwt: 'サーバーはリクエストのたびに JWT の署名と exp クレームだけを確かめます。発行したトークンの記録は何も持っていません。',
    checks_session: 'サーバーはリクエストのたびにセッション ID を sessions テーブルで引き、ユーザーを読みます。ストアの中身がすべてを決めます。',
    'checks_jwt-denylist': 'サーバーはリクエストのたびに JWT の署名と exp を確かめ、さらにその jti を失効済みトークンの拒否リストで引きます。',
    'checks_jwt-version': 'サーバーはリクエストのたびに JWT の署名と exp を確かめ、さらにトークン内のバージョンをストアにあるユーザーの現在のバージョンと比べます。',
    'checks_jwt-refresh': 'サーバーはリクエストのたびに短命なアクセス JWT の署名と exp だけを確かめます。ストアを読むのは、リフレッシュトークンを新しいアクセストークンと交換するときだけです。',
    'checks_iron-stateless': 'サーバーはリクエストのたびに Cookie の封印を解き、中に封じられた有効期限を確かめます。ユーザーのデータは Cookie に入っていて、何も引きません。',

    why_logout_jwt: 'ログアウトはブラウザの Cookie を消しただけです。サーバーには消すものがなく、コピーは exp（{jwtTtl}）まで正しく署名されたトークンのままです。',
    why_logout_session: 'ログアウトでセッションの行が削除されたため、コピーの ID はもう何にも一致せず、次のリクエストで拒否されます。',
    'why_logout_jwt-denylist': 'ログアウトで、このトークン（攻撃者がコピーしたのと同じもの）の jti が拒否リストに載ったため、コピーは次のリクエストで拒否されます。',
    'why_logout_jwt-version': '単なるログアウトは Cookie を消すだけです。バージョンを上げると他の端末までログアウトしてしまうため、コピーは exp（{jwtTtl}）まで使えます。',
    'why_logout_jwt-refresh': 'ログアウトでこのリフレッシュトークンは失効しましたが、コピーの中のアクセストークンはストアと照合されないため、期限（{accessTtl}）まで使えます。',
    'why_logout_iron-stateless': 'ログアウトはブラウザの Cookie を消しただけです。封印されたコピーにはサーバーが必要とするものがすべて入っていて、封じられた期限（{jwtTtl}）まで使えます。',

    'why_stolen-token_jwt': '「すべての端末からサインアウト」には探すものがありません。サーバーはノート PC のトークンを記録していないので、コピーは exp（{jwtTtl}）まで使えます。',
    'why_stolen-token_session': '「すべての端末からサインアウト」で、ノート PC の分も含めユーザーのセッションの行がすべて削除され、コピーはすぐに拒否されます。',
    'why_stolen-token_jwt-denylist':
      '「すべての端末からサインアウト」が拒否リストに載せられたのは、送られてきたトークン（スマホのもの）だけです。サーバーはノート PC の jti を見ていないので、コピーは exp（{jwtTtl}）まで使えます。',
    'why_stolen-token_jwt-version': '「すべての端末からサインアウト」でユーザーのバージョンが上がり、古いバージョンを持つトークンは、ノート PC のコピーも含めてすべて拒否されます。',
    'why_stolen-token_jwt-refresh': 'ユーザーのリフレッシュトークンはすべて失効しましたが、コピーしたアクセストークンは期限（{accessTtl}）まで署名だけで確かめられます。',
    'why_stolen-token_iron-stateless': '「すべての端末からサインアウト」には探すものがありません。封印された Cookie がセッションのすべてで、サーバーには控えがないため、封じられた期限（{jwtTtl}）まで使えます。',

    'why_password-change_jwt': '新しいパスワードのハッシュはデータベースにありますが、トークンはそれを参照しません。コピーは exp（{jwtTtl}）まで使えます。',
    'why_password-change_session': 'パスワード変更でユーザーのセッションがすべて削除されました（変更した端末には新しいセッション）。コピーの ID はもうありません。',
    'why_password-change_jwt-denylist':
      'パスワード変更は、変更を依頼したトークン（コピーされたのと同じノート PC のもの）を拒否リストに載せました。別の端末から変更していたら、コピーには届きませんでした。',
    'why_password-change_jwt-version': 'パスワード変更でユーザーのバージョンが上がりました。コピーは古いバージョンを持っているので拒否されます。',
    'why_password-change_jwt-refresh': 'パスワード変更でリフレッシュトークンは失効しましたが、コピーしたアクセストークンはそれと照合されず、期限（{accessTtl}）まで使えます。',
    'why_password-change_iron-stateless': '新しいパスワードはデータベースにありますが、封印された Cookie はそれを参照しません。コピーは封じられた期限（{jwtTtl}）まで使えます。',

    'why_role-change_jwt': 'ロールは署名済みトークンの中のクレームです。データベースの新しいロールは読まれないため、コピーは exp（{jwtTtl}）まで管理者権限を持ち続けます。',
    'why_role-change_session': 'セッションの行はユーザーを指していて、ロールはリクエストのたびに読まれます。降格は次のリクエストから効きます。',
    'why_role-change_jwt-denylist': '拒否リストが持つのは失効したトークンで、降格は何も失効させません。コピー内のロールは exp（{jwtTtl}）まで信用されます。',
    'why_role-change_jwt-version': '降格でユーザーのバージョンが上がったため、古いバージョンと古いロールを持つコピーは拒否されます。',
    'why_role-change_jwt-refresh': 'ロールはアクセストークンの中のクレームです。変わるのは新しいアクセストークンが発行されるとき、つまりコピーの期限（{accessTtl}）が切れたあとです。',
    'why_role-change_iron-stateless': 'ロールは Cookie の中に封印されています。データベースは読まれないため、コピーは封じられた期限（{jwtTtl}）まで管理者権限を持ち続けます。',

    why_ban_jwt: 'アカウントはデータベース上で停止されましたが、JWT ではサーバーがそれを読みません。コピーは exp（{jwtTtl}）まで使えます。',
    why_ban_session: 'アカウント停止でユーザーのセッションが削除され、停止フラグもリクエストのたびに読まれます。コピーはすぐに拒否されます。',
    'why_ban_jwt-denylist': '拒否リストはユーザーがどのトークンを持っているかを知らないため、停止しても 1 つも失効しません。コピーは exp（{jwtTtl}）まで使えます。',
    'why_ban_jwt-version': '停止でバージョンが上がり、同じ行に停止中であることも書かれています。コピーは次のリクエストで拒否されます。',
    'why_ban_jwt-refresh': '停止でリフレッシュトークンは失効し、新しいアクセストークンも発行されませんが、今のアクセストークンは期限（{accessTtl}）まで使えます。',
    'why_ban_iron-stateless': 'アカウントはデータベース上で停止されましたが、封印された Cookie はそれを参照しません。コピーは封じられた期限（{jwtTtl}）まで使えます。',

    'why_key-rotation_jwt': '署名鍵を入れ替えたため、古い鍵で署名されたトークンはすべて署名の検証に失敗します。攻撃者のものも、他のすべてのユーザーのものもです。',
    'why_key-rotation_session': 'セッション ID はラボの JWT 鍵で署名されていないため、この鍵を入れ替えても影響しません。',
    'why_key-rotation_jwt-denylist': '署名鍵を入れ替えたため、古い鍵で署名されたトークンはすべて署名の検証に失敗します。攻撃者のものも、他のすべてのユーザーのものもです。',
    'why_key-rotation_jwt-version': '署名鍵を入れ替えたため、古い鍵で署名されたトークンはすべて署名の検証に失敗します。攻撃者のものも、他のすべてのユーザーのものもです。',
    'why_key-rotation_jwt-refresh':
      'コピーしたアクセストークンは新しい鍵での検証に失敗しましたが、攻撃者はリフレッシュ Cookie（ストアにある不透明なトークンで、この鍵では署名されていない）も持っていて、新しいアクセストークンと交換しました。コピーはリフレッシュトークンの期限（{refreshTtl}）まで生きます。',
    'why_key-rotation_iron-stateless': 'iron はラボの JWT 鍵ではなく独自の秘密で封印するため、この鍵を入れ替えても影響しません。',

    why_expiry_jwt: '誰も何もしていません。トークンは自分の exp を持っているので、コピーは発行から {jwtTtl} 使え、サーバーにはそれより早く終わらせる手段がありません。',
    why_expiry_session:
      '誰も何もしていません。攻撃者のリクエストのたびに {idle} の無操作タイムアウトが延びたため、終わらせたのは絶対的な上限（{absolute}）だけでした。JWT と違い、サーバーは行を削除すればこのセッションをいつでも終わらせられます。',
    'why_expiry_jwt-denylist': '誰も何もしていません。拒否リストが意味を持つのは誰かがサインアウトしたときだけなので、コピーは exp（{jwtTtl}）まで使えます。',
    'why_expiry_jwt-version': '誰も何もしていません。バージョンが変わるのは、すべての端末からのサインアウト、パスワード変更、降格、停止のときだけなので、コピーは exp（{jwtTtl}）まで使えます。',
    'why_expiry_jwt-refresh':
      '誰も何もしていません。攻撃者は被害者のブラウザと同じようにリフレッシュし、{accessTtl} ごとに新しいアクセストークンを得て、リフレッシュトークン自身の期限（{refreshTtl}）まで使い続けました。',
    'why_expiry_iron-stateless': '誰も何もしていません。期限は Cookie の中に封印されているので、コピーは発行から {jwtTtl} 使え、サーバーにはそれより早く終わらせる手段がありません。',

    fix_logout_jwt: 'ログアウト時に jti を記録してリクエストのたびに確かめる（拒否リスト）か、サーバー側セッションを使います。コスト：リクエストごとのストア参照。つまりセッションストアです。',
    fix_logout_session: '直すことはありません。サーバーが行を削除しました。コストは払い済みです（リクエストごとに 1 回の参照）。',
    'fix_logout_jwt-denylist': 'この端末については直すことはありません。コスト：リクエストごとの拒否リスト参照と、トークンの期限まで残るログアウト 1 回ごとの行。',
    'fix_logout_jwt-version': 'ログアウト時に jti も拒否リストに載せるか、バージョンを上げます（全端末がログアウト）。コスト：リクエストごとの 2 回目の参照、または全端末のログアウト。',
    'fix_logout_jwt-refresh': 'accessTtlSeconds を短くする（有効時間も縮む）か、リクエストのたびにリフレッシュトークンの系列を確かめます。コスト：リフレッシュの増加、またはリクエストごとの参照。',
    'fix_logout_iron-stateless': 'Cookie にはセッション ID だけを封印し、リクエストのたびに引いて、ログアウトで削除します。コスト：リクエストごとの参照。つまりセッションストアです。',

    'fix_stolen-token_jwt': 'ユーザーごとのバージョンを持ってリクエストのたびに比べるか、発行したトークンをすべて記録します（セッションテーブル）。コスト：リクエストごとの参照。',
    'fix_stolen-token_session': '直すことはありません。ユーザーの行はすべて削除されました。コストは払い済みです（リクエストごとに 1 回の参照）。',
    'fix_stolen-token_jwt-denylist':
      'ユーザーに発行したトークンをすべて記録してまとめて拒否リストに載せる（それはセッションテーブルです）か、ユーザーごとのバージョンを比べます。コスト：ログインごとの行とリクエストごとの参照。',
    'fix_stolen-token_jwt-version': '直すことはありません。コスト：リクエストごとのバージョン参照。',
    'fix_stolen-token_jwt-refresh': 'accessTtlSeconds を短くするか、リクエストのたびにリフレッシュトークンの系列を確かめます。コスト：リフレッシュの増加、またはリクエストごとの参照。',
    'fix_stolen-token_iron-stateless': 'セッション ID だけを封印してセッションをサーバーに置き、ユーザーの分をまとめて削除できるようにします。コスト：リクエストごとの参照。',

    'fix_password-change_jwt': 'パスワード変更でユーザーごとのバージョンを上げ、リクエストのたびに比べます。コスト：リクエストごとの参照。',
    'fix_password-change_session': '直すことはありません。ユーザーの他のセッションはすべて削除されました。コストは払い済みです（リクエストごとに 1 回の参照）。',
    'fix_password-change_jwt-denylist': '変更した端末については直すことはありません。他の端末にも届かせるには、ユーザーごとのバージョンも比べます。コスト：リクエストごとの 2 回目の参照。',
    'fix_password-change_jwt-version': '直すことはありません。コスト：リクエストごとのバージョン参照。',
    'fix_password-change_jwt-refresh': 'accessTtlSeconds を短くするか、リクエストのたびにリフレッシュトークンの系列を確かめます。コスト：リフレッシュの増加、またはリクエストごとの参照。',
    'fix_password-change_iron-stateless': 'ユーザーごとのバージョンを封印し、リクエストのたびにストアと比べます。コスト：リクエストごとの参照。',

    'fix_role-change_jwt': 'クレームを信用せず、リクエストのたびにストアからロールを読むか、ユーザーごとのバージョンを比べます。コスト：リクエストごとの参照。',
    'fix_role-change_session': '直すことはありません。ロールはリクエストのたびに読まれます。コストは払い済みです（リクエストごとに 1 回の参照）。',
    'fix_role-change_jwt-denylist': 'リクエストのたびにストアからロールを読むか、降格で上がるユーザーごとのバージョンを比べます。コスト：リクエストごとの 2 回目の参照。',
    'fix_role-change_jwt-version': '直すことはありません。コスト：リクエストごとのバージョン参照。',
    'fix_role-change_jwt-refresh': '管理者専用ページではストアからロールを読むか、accessTtlSeconds を短くします。コスト：それらのリクエストでの参照、またはリフレッシュの増加。',
    'fix_role-change_iron-stateless': '封印されたデータではなく、リクエストのたびにストアからロールを読みます。コスト：リクエストごとの参照。',

    fix_ban_jwt: 'リクエストのたびにユーザーの停止フラグ（またはバージョン）を読みます。コスト：リクエストごとの参照。つまりセッションストアです。',
    fix_ban_session: '直すことはありません。セッションは削除され、フラグも読まれます。コストは払い済みです（リクエストごとに 1 回の参照）。',
    'fix_ban_jwt-denylist': '拒否リストに加えて、リクエストのたびにユーザーの停止フラグを読むか、ユーザーごとのバージョンを比べます。コスト：リクエストごとの 2 回目の参照。',
    'fix_ban_jwt-version': '直すことはありません。コスト：リクエストごとのバージョン参照。',
    'fix_ban_jwt-refresh': 'accessTtlSeconds を短くするか、リクエストのたびに停止フラグを読みます。コスト：リフレッシュの増加、またはリクエストごとの参照。',
    'fix_ban_iron-stateless': 'リクエストのたびにストアからユーザーの停止フラグを読みます。コスト：リクエストごとの参照。',

    'fix_key-rotation_jwt': '効きましたが、代償として全ユーザーがログアウトしました。1 人のトークンだけを終わらせるには、リクエストのたびにユーザーごとのバージョンを比べます。コスト：リクエストごとの参照。',
    'fix_key-rotation_session': '対象外：1 つのセッションを終わらせるには、その行を削除します。',
    'fix_key-rotation_jwt-denylist': '効きましたが、代償として全ユーザーがログアウトしました。1 人のトークンだけを終わらせるには、ユーザーごとのバージョンを比べます。コスト：リクエストごとの参照。',
    'fix_key-rotation_jwt-version': '効きましたが、代償として全ユーザーがログアウトしました。バージョンを上げれば、巻き添えなしに 1 人について同じことができます。',
    'fix_key-rotation_jwt-refresh': 'リフレッシュトークンも失効させます（すべての端末からサインアウト）。鍵の入れ替えだけでは届きません。コスト：既にあるリフレッシュテーブル以外にはありません。',
    'fix_key-rotation_iron-stateless': '対象外：iron 自身の秘密を変えれば、鍵の入れ替えと同じく全員がログアウトします。',

    fix_expiry_jwt: 'jwtTtlSeconds を短くします。盗まれたトークンを終わらせるのはそれだけです。コスト：ユーザーのログイン（またはリフレッシュ）が増えます。',
    fix_expiry_session: 'sessionAbsoluteSeconds か sessionIdleSeconds を短くするか、怪しいときにサーバー側でセッションを終わらせます。コスト：ユーザーのログインが増えます。',
    'fix_expiry_jwt-denylist': 'jwtTtlSeconds を短くします。コスト：ユーザーのログインが増えます。',
    'fix_expiry_jwt-version': 'jwtTtlSeconds を短くします。コスト：ユーザーのログインが増えます。',
    'fix_expiry_jwt-refresh': 'refreshTtlSeconds（系列全体の絶対的な上限）を短くします。コスト：ユーザーのログインが増えます。',
    'fix_expiry_iron-stateless': 'jwtTtlSeconds（封じられた期限）を短くします。コスト：ユーザーのログインが増えます。',

    'req_asvs-7.4.1': 'ログアウトと期限切れでセッションが終わり、再開できないこと。',
    'req_asvs-7.4.2': 'アカウントを停止・削除したら、その有効なセッションをすべて終わらせること。',
    'req_asvs-7.4.3': 'パスワードなどの認証要素を変えたあと、他の有効なセッションをすべて終わらせられること。',
    'req_asvs-7.4.5': '管理者が、1 人のユーザーまたは全ユーザーの有効なセッションを終わらせられること。',
    'req_asvs-7.3.1': '無操作タイムアウトで再認証を求めること。',
    'req_asvs-7.3.2': 'セッションの絶対的な最大有効期間で再認証を求めること。',
    'req_asvs-7.5.2': 'ユーザーが自分の有効なセッションを見て、どれでも・すべてでも終わらせられること。',
    'req_asvs-8.3.2': '認可の判断のもとになる値の変更がすぐに反映されること。',
    'req_asvs-10.4.5': 'リフレッシュトークンの再利用攻撃を防ぐこと。ローテーションなら使用済みを無効にし、再利用されたら系列全体を失効させること。',
    'req_wstg-sess-06': 'ログアウトがサーバー側で本当にセッションを終わらせるかを試験する。',
    'req_wstg-sess-07': 'セッションがタイムアウトし、その後は再利用できないことを試験する。',
    'req_cwe-613': 'セッションの期限切れが不十分：古い資格情報でアクセスできてしまう。',
    'req_rfc9700-4.14.2': 'リフレッシュトークンを送信者に束縛するか、再利用検知つきでローテーションすること。',
    req_rfc8725: 'JSON Web Token のベストカレントプラクティス。',
  },
);
