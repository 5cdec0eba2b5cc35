export type Theme = 'light' | 'dark';
/** What the user picked: a theme, or whatever the system prefers (the default). */
export type ThemeChoice = Theme | 'system';

const STORAGE_KEY = 'taskflow.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The saved choice; `system` when the user never chose, or chose to follow the system. */
export function storedChoice(): ThemeChoice {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    // Storage can be unavailable (private mode, blocked cookies): fall back to the system.
    return 'system';
  }
}

const systemTheme = (): Theme => (window.matchMedia?.(DARK_QUERY).matches ? 'dark' : 'light');

const resolveTheme = (choice: ThemeChoice): Theme => (choice === 'system' ? systemTheme() : choice);

function paint(theme: Theme): void {
  document.documentElement.classList.toggle('dark', theme === 'dark');
  document.documentElement.style.colorScheme = theme;
}

let unfollow: (() => void) | undefined;

/**
 * Paints the page in the chosen theme; while the choice is `system`, follows the system's
 * changes live (a phone switching to dark at dusk).
 */
export function applyTheme(choice: ThemeChoice): void {
  unfollow?.();
  unfollow = undefined;
  paint(resolveTheme(choice));
  const media = window.matchMedia?.(DARK_QUERY);
  if (choice !== 'system' || !media) return;
  const follow = () => paint(systemTheme());
  media.addEventListener('change', follow);
  unfollow = () => media.removeEventListener('change', follow);
}

export function saveTheme(choice: ThemeChoice): void {
  applyTheme(choice);
  try {
    if (choice === 'system') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Not persisted, but still applied for this page view.
  }
}
