export type SidePanelView = 'call-plan' | 'coaching';

export interface SidePanelTabsProps {
  view: SidePanelView;
  onChange(view: SidePanelView): void;
}

/** The side panel shows the call plan of the tab beside it, or the coaching view. */
export function SidePanelTabs({ view, onChange }: SidePanelTabsProps) {
  const tab = (id: SidePanelView, label: string) => (
    <button
      type="button"
      className={view === id ? 'side-tab side-tab-current' : 'side-tab'}
      aria-current={view === id ? 'page' : undefined}
      onClick={() => onChange(id)}
    >
      {label}
    </button>
  );
  return (
    <nav className="side-tabs" aria-label="Precall views">
      {tab('call-plan', 'Call plan')}
      {tab('coaching', 'Coaching')}
    </nav>
  );
}
