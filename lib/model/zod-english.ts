import * as z from 'zod/mini';

/**
 * zod/mini loads no locale, so an issue Precall words no message for would read only "Invalid
 * input". Such messages reach people: a record sync cannot read (lib/sync/parse-remote.ts), a
 * request the background refuses (a consumer key too long), a plan or playbook field holding a
 * value from Salesforce that no list offers. Imported by the modules that pass zod's messages on;
 * the config is global, so a script or page that loads it once has it everywhere. It costs about
 * 1 kB gzip a script.
 */
z.config(z.locales.en());
