/** Lightning's markup lives in the Lightning adapter; this path stays for the features that import it. */
export { selectors } from './lightning/selectors';
