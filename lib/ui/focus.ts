/**
 * Keeps keyboard focus where it was across a request. A button that is
 * disabled while its request runs loses focus to <body>; a keyboard or
 * clicker user would have to find their place again. Call before the
 * request, and call what it returns after it (once the button is enabled).
 */
export function focusKeeper(): () => void {
  const before = typeof document === 'undefined' ? null : document.activeElement;
  return () => {
    // A few frames at most: the button is enabled by React's next commit, not at once.
    let frames = 0;
    const attempt = () => {
      const now = document.activeElement;
      // Only when focus fell to nothing: a user who moved on meanwhile keeps their new place.
      if (!(before instanceof HTMLElement) || !before.isConnected || (now !== null && now !== document.body)) return;
      if ((before as HTMLButtonElement).disabled && frames++ < 30) requestAnimationFrame(attempt);
      else before.focus();
    };
    requestAnimationFrame(attempt);
  };
}
