/**
 * One thing Precall adds to Salesforce pages. The feature runner starts it on the pages it
 * applies to and aborts its signal when the user leaves them; every listener, observer and node
 * it adds hangs off that signal.
 */
export interface PageFeature {
  name: string;
  appliesTo(url: URL): boolean;
  start(url: URL, signal: AbortSignal): FeatureInstance | undefined;
}

export interface FeatureInstance {
  /** Follows a navigation between pages the feature applies to, instead of restarting. */
  follow?(url: URL): void;
}
