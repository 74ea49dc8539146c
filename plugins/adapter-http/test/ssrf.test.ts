import { describe, expect, it } from 'vitest';
import type { LookupAddress } from 'node:dns';
import { checkHost, checkResolved, classifyAddress, guardedLookup, SsrfBlockedError } from '../src/ssrf.js';
import type { Resolver } from '../src/ssrf.js';

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.1.2', 'loopback'],
    ['10.1.2.3', 'private network'],
    ['172.16.0.1', 'private network'],
    ['172.31.255.255', 'private network'],
    ['192.168.1.1', 'private network'],
    ['169.254.1.1', 'link-local'],
    ['100.64.0.1', 'CGNAT shared address space'],
    ['0.0.0.0', 'unspecified address'],
    ['::1', 'loopback'],
    ['::', 'unspecified address'],
    ['fc00::1', 'unique local address'],
    ['fd12:3456::1', 'unique local address'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private network'],
    ['64:ff9b::a00:1', 'NAT64 private network'],
    ['2002:c0a8:0101::1', '6to4 private network'],
    ['[::1]', 'loopback'],
  ])('%s is %s', (address, category) => {
    expect(classifyAddress(address)).toEqual({ category, metadata: false });
  });

  it.each(['169.254.169.254', 'fd00:ec2::254', '::ffff:169.254.169.254', '100.100.100.200'])('%s is a metadata service', (address) => {
    expect(classifyAddress(address)).toEqual({ category: 'cloud metadata service', metadata: true });
  });

  it.each(['8.8.8.8', '172.32.0.1', '100.128.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8', 'example.com'])('%s is not internal', (address) => {
    expect(classifyAddress(address)).toBeUndefined();
  });
});

describe('checkHost / checkResolved', () => {
  const hint = 'is blocked to prevent SSRF; set allow_internal: true in the agent config to test a local agent';

  it('refuses internal literals and localhost unless allow_internal', () => {
    expect(checkHost('127.0.0.1', false)).toBe(`access to 127.0.0.1 (loopback) ${hint}`);
    expect(checkHost('[::1]', false)).toBe(`access to ::1 (loopback) ${hint}`);
    expect(checkHost('LOCALHOST.', false)).toBe(`access to localhost (loopback) ${hint}`);
    expect(checkHost('127.0.0.1', true)).toBeUndefined();
    expect(checkHost('localhost', true)).toBeUndefined();
    expect(checkHost('example.com', false)).toBeUndefined();
  });

  it('always refuses metadata addresses and host names', () => {
    const always = 'is always blocked to prevent SSRF, even with allow_internal: true';
    expect(checkHost('169.254.169.254', true)).toBe(`access to 169.254.169.254 (cloud metadata service) ${always}`);
    expect(checkHost('metadata.google.internal', true)).toBe(`access to metadata.google.internal (cloud metadata service) ${always}`);
    expect(checkHost('[fd00:ec2::254]', true)).toBe(`access to fd00:ec2::254 (cloud metadata service) ${always}`);
  });

  it('refuses a name when any of its addresses is internal', () => {
    expect(checkResolved('agent.example', ['93.184.216.34', '10.0.0.5'], false)).toBe(`access to agent.example (resolves to 10.0.0.5, private network) ${hint}`);
    expect(checkResolved('agent.example', ['93.184.216.34'], false)).toBeUndefined();
    expect(checkResolved('agent.example', ['10.0.0.5'], true)).toBeUndefined();
  });
});

describe('guardedLookup', () => {
  const table: Record<string, LookupAddress[]> = {
    'agent.example': [{ address: '93.184.216.34', family: 4 }, { address: '2606:2800:220:1::1', family: 6 }],
    'sneaky.example': [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.7', family: 4 }],
    'imds.example': [{ address: '169.254.169.254', family: 4 }],
  };
  const resolver: Resolver = (hostname, _options, callback) => {
    const found = table[hostname];
    if (found) callback(null, found);
    else callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
  };
  const lookup = (allowInternal: boolean, hostname: string, all: boolean) =>
    new Promise<{ err: NodeJS.ErrnoException | null; address: unknown; family?: number }>((resolve) =>
      guardedLookup(allowInternal, resolver)(hostname, { all }, (err, address, family) => resolve({ err, address, family })),
    );

  it('returns the checked addresses in both lookup shapes', async () => {
    expect(await lookup(false, 'agent.example', true)).toEqual({ err: null, address: table['agent.example'], family: undefined });
    expect(await lookup(false, 'agent.example', false)).toEqual({ err: null, address: '93.184.216.34', family: 4 });
  });

  it('refuses a name with an internal address (after DNS)', async () => {
    const { err } = await lookup(false, 'sneaky.example', true);
    expect(err).toBeInstanceOf(SsrfBlockedError);
    expect(err?.message).toBe(
      'access to sneaky.example (resolves to 10.0.0.7, private network) is blocked to prevent SSRF; set allow_internal: true in the agent config to test a local agent',
    );
    expect((await lookup(true, 'sneaky.example', false)).address).toBe('93.184.216.34');
    expect((await lookup(true, 'imds.example', false)).err?.message).toBe(
      'access to imds.example (resolves to 169.254.169.254, cloud metadata service) is always blocked to prevent SSRF, even with allow_internal: true',
    );
  });

  it('passes DNS errors through', async () => {
    expect((await lookup(false, 'nowhere.example', true)).err?.code).toBe('ENOTFOUND');
  });
});
