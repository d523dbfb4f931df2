/**
 * Badge and card styles, inside each badge's shadow root so Lightning's styles and ours never
 * meet. The badge is shorter than a Lightning text line and sits on it, so rows keep their
 * height. Badges are drawn only near the viewport (near-view.ts), so none needs a placeholder
 * size: each one laid out is one the user is about to see. The card is a popover anchored below
 * its badge (above when there is no room below). Each status has its own text colour, holding 4.5:1 on white.
 */
export const badgeStyles = [
  ':host{all:initial;display:inline-block;vertical-align:middle;margin-left:4px;line-height:0;--c:#5c5c5c}',
  ':host([data-status=planned]){--c:#0b5cab}',
  ':host([data-status=outcome-due]){--c:#ba0517}',
  ':host([data-status=meeting-no-plan]){--c:#a33700}',
  ':host([data-status=advanced]){--c:#2e844a}',
  ':host([data-status=stalled]){--c:#8c4b02}',
  'button{anchor-name:--badge;display:inline-flex;align-items:center;gap:3px;height:16px;padding:0 6px 0 4px;',
  'border:1px solid;border-radius:8px;font:600 11px system-ui,sans-serif;white-space:nowrap;color:var(--c);background:#fff}',
  ':host([data-status=no-plan]) button{border-style:dashed}',
  ':focus-visible{outline:2px solid;outline-offset:1px}',
  'svg{width:10px;fill:none;stroke:currentColor;stroke-width:2}',
  '#card{position-anchor:--badge;inset:auto;top:anchor(bottom);left:anchor(left);margin:4px 0;position-try-fallbacks:flip-block,flip-inline;',
  'width:320px;padding:12px;border:1px solid #c9c9c9;border-radius:4px;color:#181818;font:13px/1.4 system-ui,sans-serif}',
  'p,dl{margin:0 0 8px}',
  'p:first-child{font-weight:700}',
  'dl{display:grid;grid-template-columns:auto 1fr;gap:2px 8px}',
  'dt{color:#5c5c5c}',
  'dd{margin:0;overflow-wrap:anywhere}',
  'a{color:#0b5cab}',
].join('');
