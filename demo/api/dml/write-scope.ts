import type { ApiContext } from '../api-context';
import type { WriteScope } from './save-outcome';

export function writeScope(ctx: ApiContext): WriteScope {
  return { org: ctx.org, user: ctx.user(), facts: ctx.facts, faults: ctx.state.faults };
}
