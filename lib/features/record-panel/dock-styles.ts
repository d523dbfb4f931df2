/**
 * Styles of the dock, inside its shadow root so Lightning's CSS and ours never meet. Below
 * Lightning's modals (SLDS puts them at 9000 and up), so a dialog is never half hidden.
 */
export const dockStyles = `:host{all:initial}
.dock{position:fixed;right:0;z-index:8999;box-sizing:border-box;display:flex;background:#fff;border-left:1px solid #c9c9c9;box-shadow:-2px 0 8px #0000001f}
.dock[hidden]{display:none}
iframe{border:0;width:100%;height:100%;display:block}
.tab{position:fixed;right:0;z-index:8999;box-sizing:border-box;width:32px;writing-mode:vertical-rl;padding:12px 0;font:600 13px/1.2 "Salesforce Sans",system-ui,sans-serif;color:#fff;background:#0176d3;border:0;border-radius:4px 0 0 4px;cursor:pointer;box-shadow:-1px 1px 4px #0003}
.tab:hover{background:#014486}
.tab:focus-visible{outline:3px solid #1b96ff;outline-offset:2px}
.tab[hidden]{display:none}`;
