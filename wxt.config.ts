import { nodePolyfills } from 'vite-plugin-node-polyfills';
import { defineConfig } from 'wxt';
import { asciiOnly } from './build/ascii-only';
import { devRunner, devRunnerNotice } from './build/dev-runner';
import { dexieAtStart } from './build/dexie-at-start';
import { lazyStream } from './build/lazy-stream';
import { minimumChromeVersion, nativeBuiltins } from './build/native-builtins';
import { sharedDexieInDeferredScript } from './build/shared-dexie';
import { apiHostMatches, demoMatches, lightningMatches, loginHostMatches } from './lib/salesforce/hosts';

// `wxt build --mode demo` adds the local demo org to the matches; production never carries it.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: ({ mode }) => {
    const demo = mode === 'demo';
    const pageMatches = [...lightningMatches, ...(demo ? demoMatches : [])];
    return {
      name: demo ? 'Precall (demo org)' : 'Precall',
      description: 'Call plans beside every Salesforce opportunity, outcomes logged against them.',
      // build/native-builtins.ts leaves out the polyfills every Chrome since this one has built in.
      minimum_chrome_version: minimumChromeVersion,
      permissions: ['storage', 'cookies', 'alarms', 'sidePanel', 'notifications'],
      // Allowed in incognito, Precall runs apart there: its own worker reads the incognito
      // window's Salesforce cookies and keeps its own database, so a session of one window never
      // opens the plans of a user signed in to the other.
      incognito: 'split',
      host_permissions: [...new Set([...pageMatches, ...apiHostMatches, ...loginHostMatches])],
      web_accessible_resources: [
        { resources: ['panel.html'], matches: pageMatches },
        // Salesforce's OAuth redirect lands on this page in a normal tab (lib/salesforce/sign-in/oauth.ts).
        { resources: ['oauth.html'], matches: [...loginHostMatches, ...(demo ? demoMatches : [])] },
      ],
      // entrypoints/salesforce.ts: an unlisted script WXT builds, listed here as the content script.
      content_scripts: [{ matches: pageMatches, js: ['salesforce.js'], run_at: 'document_idle' }],
      // The toolbar icon opens the call plan in Chrome's side panel; its badge counts plans not in
      // Salesforce yet, and its title says why.
      action: { default_title: 'Precall call plan' },
    };
  },
  // `npm run dev`: works as root and says why no browser opens without a display.
  webExt: devRunner(),
  hooks: {
    'server:started': () => {
      const notice = devRunnerNotice();
      if (notice) console.log(notice);
    },
  },
  vite: ({ command }) => {
    // WXT takes NODE_ENV from the mode name, so `--mode demo` would ship React's development
    // build, or mix its JSX runtime with the production React. Every build is a production build.
    if (command === 'build') process.env.NODE_ENV = 'production';
    return {
      define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
      plugins: [
        // jsforce's browser build still imports Node built-ins; only the background bundles it.
        nodePolyfills({
          include: ['events', 'stream', 'querystring', 'timers', 'buffer', 'util', 'string_decoder'],
          globals: { Buffer: true, process: true, global: true },
        }),
        asciiOnly(),
        nativeBuiltins(),
        // After nodePolyfills: the transport's response stream comes with jsforce's script.
        lazyStream(),
        sharedDexieInDeferredScript(),
        dexieAtStart(),
      ],
      resolve: {
        alias: [
          { find: 'crypto', replacement: new URL('./lib/salesforce/crypto-shim.ts', import.meta.url).pathname },
          // The worker wakes dozens of times a day and parses all of its bundle each time: jsforce
          // is loaded on the first Salesforce call instead (lib/salesforce/lazy-jsforce.ts), and
          // only its core (entrypoints/background-jsforce.ts imports `jsforce/core`), without the Bulk,
          // Metadata, SOAP, Streaming, Tooling, Apex, Chatter and Analytics APIs Precall never calls.
          { find: /^jsforce$/, replacement: new URL('./lib/salesforce/lazy-jsforce.ts', import.meta.url).pathname },
        ],
      },
    };
  },
});
