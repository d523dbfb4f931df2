import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { PlaybookApp } from './playbook-app';
import './playbook.css';

// The Salesforce org the playbook belongs to: the panel opens this page with its origin.
const origin = new URLSearchParams(location.search).get('origin');
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PlaybookApp
        origin={origin}
        send={(message) => browser.runtime.sendMessage(message)}
        timeZone={Intl.DateTimeFormat().resolvedOptions().timeZone}
      />
    </StrictMode>,
  );
}
