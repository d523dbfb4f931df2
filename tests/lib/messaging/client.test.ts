import { describe, expect, it } from 'vitest';
import { PrecallError, request } from '../../../lib/messaging/client';

const origin = 'http://127.0.0.1:4711';

describe('the messaging client', () => {
  it.each([
    [
      'the send itself fails (no background listening)',
      () => Promise.reject(new Error('Receiving end does not exist')),
    ],
    ['nothing comes back', () => Promise.resolve(undefined)],
    ['something that is not a reply comes back', () => Promise.resolve({ hello: 1 })],
    ['a bare string comes back', () => Promise.resolve('ok')],
  ])('says the background is unreachable when %s', async (_name, send) => {
    const error = await request(send, 'session:get', { origin }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrecallError);
    expect(error).toMatchObject({
      name: 'PrecallError',
      code: 'unreachable',
      message: expect.stringMatching(/background did not answer/),
    });
  });

  it('says why the send failed, when it did', async () => {
    const send = () => Promise.reject(new Error('Receiving end does not exist'));
    await expect(request(send, 'session:get', { origin })).rejects.toThrow(
      "Precall's background did not answer: Receiving end does not exist",
    );
  });

  it("passes the background's error on with its code and fields", async () => {
    const send = () =>
      Promise.resolve({
        ok: false,
        error: { code: 'invalid-message', message: 'Goal too long', fields: { goal: 'x' } },
      });
    await expect(request(send, 'session:get', { origin })).rejects.toMatchObject({
      code: 'invalid-message',
      message: 'Goal too long',
      fields: { goal: 'x' },
    });
  });

  it('sends one envelope and answers its data', async () => {
    const sent: unknown[] = [];
    const data = await request(
      (message) => {
        sent.push(message);
        return Promise.resolve({ ok: true, data: { deleted: true } });
      },
      'plan:delete',
      { origin, planKey: '6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b' },
    );
    expect(data).toEqual({ deleted: true });
    expect(sent).toEqual([
      { precall: 1, type: 'plan:delete', payload: { origin, planKey: '6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b' } },
    ]);
  });
});
