// The dashboard's colours. A canvas cannot read CSS variables, so they are written here once and
// used both by the charts and by the swatches of the lists beside them. Every colour has at least
// 3:1 contrast with the white background (WCAG 1.4.11, graphical objects).
import type { LobbyingStatus, Position } from '../ipc/types';

/** app.css `--accent`. */
export const ACCENT = '#1f5fbf';
/** app.css `--text-muted`: axis labels. */
export const TEXT_MUTED = '#50545f';
/** app.css `--border-light`: grid lines. */
export const GRID = '#eceef2';
/** A value the UI does not know. */
export const OTHER_COLOR = '#6e7280';

/** The hues of PositionBadge.svelte (green, blue, amber, grey), strong enough for a chart. */
export const POSITION_COLORS: Record<Position, string> = {
  supported: '#2f8a4f',
  supported_in_part: '#3b73c4',
  noted: '#c27a12',
  pending: '#8a8d96',
};

/** From not begun (grey) through work (blues) to its outcome (app.css --success, --danger). */
export const LOBBYING_COLORS: Record<LobbyingStatus, string> = {
  not_started: '#8a8d96',
  planned: '#5b86c9',
  in_progress: ACCENT,
  achieved: '#16733a',
  dropped: '#b42318',
};
