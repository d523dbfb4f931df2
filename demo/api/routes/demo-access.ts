import { defaultApiAccess } from '../../org/api-access';
import { expectObject } from '../api-context';
import { ApiError } from '../api-error';
import { sendJson } from '../http';
import type { Route } from '../route';

/**
 * `POST /__demo/access {apiAccessControl?, approvedClients?, apiDisabledForOrg?,
 * usersWithoutApi?, usersWithoutPermissionSet?, refreshTokenRotation?, maxApiVersion?}`: changes
 * the org's API settings as an admin would in Setup (users by username); `{}` with `reset: true`
 * restores the defaults. Answers the settings in force.
 */
export const demoAccessRoute: Route = {
  method: 'POST',
  pattern: /^\/__demo\/access\/?$/,
  kind: 'demo.access',
  access: 'demo',
  async handle(ctx) {
    const body = expectObject((await ctx.json()) ?? {});
    const { org } = ctx;
    if (body.reset === true) org.access = defaultApiAccess();
    const flag = (name: string) => {
      if (body[name] === undefined) return undefined;
      if (typeof body[name] !== 'boolean') throw ApiError.of(400, 'INVALID_INPUT', `${name} must be true or false`);
      return body[name] as boolean;
    };
    const users = (name: string) => {
      if (body[name] === undefined) return undefined;
      if (!Array.isArray(body[name])) throw ApiError.of(400, 'INVALID_INPUT', `${name} must list usernames`);
      return (body[name] as unknown[]).map((username) => {
        const user = org.userByUsername(String(username));
        if (!user) throw ApiError.of(400, 'INVALID_INPUT', `No user ${String(username)}`);
        return user.Id;
      });
    };
    const { access } = org;
    access.apiAccessControl = flag('apiAccessControl') ?? access.apiAccessControl;
    access.apiDisabledForOrg = flag('apiDisabledForOrg') ?? access.apiDisabledForOrg;
    access.refreshTokenRotation = flag('refreshTokenRotation') ?? access.refreshTokenRotation;
    access.usersWithoutApi = users('usersWithoutApi') ?? access.usersWithoutApi;
    access.usersWithoutPermissionSet = users('usersWithoutPermissionSet') ?? access.usersWithoutPermissionSet;
    if (Array.isArray(body.approvedClients)) access.approvedClients = body.approvedClients.map(String);
    if (body.maxApiVersion !== undefined) {
      access.maxApiVersion = body.maxApiVersion === null ? null : Math.floor(Number(body.maxApiVersion));
    }
    sendJson(ctx.res, 200, access);
  },
};
