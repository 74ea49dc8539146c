import { describe, expect, it } from 'vitest';
import { Secret, validatePlugin } from '@atp/kernel';
import plugin, { CliAdapterConfigSchema } from '../src/index.js';

describe('@atp/adapter-cli plugin', () => {
  it('is a valid plugin registering the lazy cli adapter', async () => {
    expect(validatePlugin(plugin, '@atp/adapter-cli')).toBe(plugin);
    const entry = plugin.adapters[0]!;
    expect(entry.name).toBe('cli');
    expect(entry.configSchema).toBe(CliAdapterConfigSchema);
    const module = await entry.load();
    expect(typeof ('createAdapter' in module ? module.createAdapter : undefined)).toBe('function');
  });
});

describe('CliAdapterConfigSchema', () => {
  it('applies the reference defaults', () => {
    expect(CliAdapterConfigSchema.parse({ command: 'python agent.py' })).toEqual({
      timeout_seconds: 300,
      retry_count: 0,
      retry_delay_seconds: 1,
      enable_cost_tracking: true,
      command: 'python agent.py',
      args: [],
      working_dir: null,
      environment: {},
      inherit_environment: false,
      allowed_env_vars: [],
      max_output_bytes: 10 * 1024 * 1024,
      kill_grace_seconds: 2,
      persistent: false,
      max_concurrency: 1,
    });
  });

  it('rejects unknown keys and unsplittable commands', () => {
    const unknown = CliAdapterConfigSchema.safeParse({ command: 'a', expected_exit_code: 0 });
    expect(unknown.error?.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['expected_exit_code'] })]);
    const quote = CliAdapterConfigSchema.safeParse({ command: `python -c 'x` });
    expect(quote.error?.issues.map((i) => i.message)).toContain('the command has an unterminated single quote (at character 11)');
    const empty = CliAdapterConfigSchema.safeParse({ command: '   ' });
    expect(empty.error?.issues.map((i) => i.message)).toContain('command is empty');
    expect(CliAdapterConfigSchema.safeParse({ command: [] }).success).toBe(false);
  });

  it('accepts secrets in command, args and environment', () => {
    const key = new Secret('sk-1234567890');
    const parsed = CliAdapterConfigSchema.parse({ command: ['agent'], args: ['--key', key], environment: { API_KEY: key } });
    expect(parsed.args[1]).toBe(key);
    expect(parsed.environment.API_KEY).toBe(key);
  });
});
