/** Page detection lives in the Lightning adapter; this path stays for the features that import it. */
export * from './lightning/page-detection';
