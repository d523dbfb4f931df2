import * as z from 'zod/mini';

/**
 * zod/mini loads no locale: an issue Precall gives no words of its own would read only "Invalid
 * input". Such messages reach people: a record sync cannot read (lib/sync/parse-remote.ts), a
 * request the background refuses (a consumer key too long), a plan or playbook field holding a
 * value from Salesforce no list offers. Imported by the modules that pass zod's messages on, so
 * every script and page showing one sets it; the config is global, so once is enough.
 */
// English as classic zod had it, about 1 kB gzip a script: dearer than "Invalid input", but it says what is wrong.
z.config(z.locales.en());
