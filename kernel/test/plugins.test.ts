import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AtpError, Kernel, definePlugin, PluginError, STAGE_PRE, type Plugin } from '../src/index.js';

const evaluatorPlugin = (name: string, entry: string, load: () => Promise<never> = () => Promise.reject(new Error('not used'))): Plugin =>
  definePlugin({ name, apiVersion: 1, evaluators: [{ name: entry, description: 'd', configSchema: z.object({}).strict(), load }] });

function atpError(fn: () => Promise<unknown>): Promise<AtpError> {
  return fn().then(
    () => {
      throw new Error('expected an AtpError');
    },
    (e: unknown) => {
      expect(e).toBeInstanceOf(AtpError);
      return e as AtpError;
    },
  );
}

describe('plugin validation', () => {
  it('a name registered twice is an error naming both plugins', async () => {
    const kernel = new Kernel();
    await kernel.use(evaluatorPlugin('atp-plugin-one', 'contains'));
    const err = await atpError(() => kernel.use(evaluatorPlugin('atp-plugin-two', 'contains')));
    expect(err.diagnostics).toEqual([
      {
        code: 'ATP_PLUGIN_DUPLICATE',
        severity: 'error',
        message: 'evaluator "contains" is registered by both "atp-plugin-one" and "atp-plugin-two"',
        hint: 'remove one of the two plugins from your config, or rename the evaluator in one of them',
      },
    ]);
  });

  it('rejects a wrong apiVersion and a bad shape, naming the source', async () => {
    const kernel = new Kernel();
    const v2 = await atpError(() => kernel.use({ name: 'x', apiVersion: 2 }, './x.mjs'));
    expect(v2.diagnostics[0]).toMatchObject({ code: 'ATP_PLUGIN_INVALID', message: 'invalid plugin from "./x.mjs": it targets plugin API version 2 but this ATP kernel implements version 1', hint: 'upgrade @atp/kernel' });
    const noLoad = await atpError(() => kernel.use({ name: 'y', apiVersion: 1, adapters: [{ name: 'a', description: 'd' }] }, 'pkg-y'));
    expect(noLoad.diagnostics[0]!.message).toBe('invalid plugin from "pkg-y": adapters[0] ("a") needs a load() function returning its module');
    const notObject = await atpError(() => kernel.use(42, 'pkg-z'));
    expect(notObject.diagnostics[0]!.message).toBe('invalid plugin from "pkg-z": expected a plugin object (definePlugin({...})) but got number');
  });

  it('an entry whose load() throws is harmless until it is used', async () => {
    const kernel = new Kernel();
    let loads = 0;
    await kernel.use(
      evaluatorPlugin('atp-plugin-broken', 'broken', () => {
        loads++;
        return Promise.reject(new Error("Cannot find package 'left-pad' imported from /x"));
      }),
    );
    expect(kernel.registries.evaluators.names()).toEqual(['broken']);
    expect(loads).toBe(0);
    const err = await atpError(() => kernel.registries.evaluators.load('broken'));
    expect(loads).toBe(1);
    expect(err.diagnostics[0]).toEqual({
      code: 'ATP_PLUGIN_LOAD',
      severity: 'error',
      message: `evaluator "broken" from plugin "atp-plugin-broken" failed to load: Cannot find package 'left-pad' imported from /x`,
      hint: 'install the missing dependency: npm install left-pad',
    });
  });

  it('loads a module once and caches it', async () => {
    const kernel = new Kernel();
    let loads = 0;
    const mod = { createEvaluator: () => ({ evaluate: () => ({ checks: [] }) }) };
    await kernel.use(definePlugin({ name: 'p', apiVersion: 1, evaluators: [{ name: 'e', description: 'd', load: async () => (loads++, { default: mod }) }] }));
    expect(await kernel.registries.evaluators.load('e')).toBe(mod);
    expect(await kernel.registries.evaluators.load('e')).toBe(mod);
    expect(loads).toBe(1);
  });

  it('an unknown name lists what is installed and suggests the nearest', async () => {
    const kernel = new Kernel();
    await kernel.use(evaluatorPlugin('p', 'artifact'));
    expect(kernel.registries.evaluators.unknownMessage('artfact')).toEqual({ message: 'unknown evaluator "artfact" — did you mean "artifact"?', hint: 'installed evaluators: artifact' });
  });
});

describe('hooks', () => {
  it('re-raises an error thrown in a tap as ATP_PLUGIN_ERROR naming plugin and hook', async () => {
    const kernel = new Kernel();
    await kernel.use(
      definePlugin({
        name: 'atp-plugin-flaky',
        apiVersion: 1,
        setup({ hooks }) {
          hooks.runEnd.tapPromise('ignored-name', async () => {
            throw new Error('disk full');
          });
          hooks.event.tap({}, () => {
            throw new TypeError('bad event');
          });
        },
      }),
    );
    const err = await kernel.hooks.runEnd.promise({} as never).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(PluginError);
    expect((err as PluginError).plugin).toBe('atp-plugin-flaky');
    expect((err as PluginError).hook).toBe('runEnd');
    expect((err as PluginError).diagnostics[0]).toMatchObject({ code: 'ATP_PLUGIN_ERROR', message: 'plugin "atp-plugin-flaky" failed in hook "runEnd": disk full' });
    expect(() => kernel.hooks.event.call({} as never, {} as never)).toThrow('plugin "atp-plugin-flaky" failed in hook "event": bad event');
  });

  it('an error in setup names the plugin and "setup"', async () => {
    const kernel = new Kernel();
    const err = await kernel.use(definePlugin({ name: 'atp-plugin-bad-setup', apiVersion: 1, setup() { throw new Error('boom'); } })).then(() => undefined, (e: unknown) => e);
    expect((err as PluginError).diagnostics[0]!.message).toBe('plugin "atp-plugin-bad-setup" failed in hook "setup": boom');
  });

  it('orders taps by stage and names them after the plugin', async () => {
    const kernel = new Kernel();
    const order: string[] = [];
    await kernel.use(definePlugin({ name: 'a', apiVersion: 1, setup: ({ hooks }) => hooks.runStart.tap('a', () => void order.push('a')) }));
    await kernel.use(definePlugin({ name: 'b', apiVersion: 1, setup: ({ hooks }) => hooks.runStart.tap({ stage: STAGE_PRE }, () => void order.push('b')) }));
    await kernel.hooks.runStart.promise({} as never);
    expect(order).toEqual(['b', 'a']);
    expect((kernel.hooks.runStart as unknown as { taps: Array<{ name: string }> }).taps.map((t) => t.name)).toEqual(['b', 'a']);
    expect(Object.isFrozen(kernel.hooks)).toBe(true);
  });
});
