/**
 * SSRF guard: which addresses an agent endpoint may point at. Suites are shared files, so a
 * suite must not be able to make the harness probe its own network or a cloud metadata service.
 */
import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';

/** Why an address is refused, and whether `allow_internal` can lift the refusal. */
export interface AddressClass {
  /** Human words for the range: `loopback`, `private network`, `cloud metadata service`… */
  category: string;
  /** Cloud metadata endpoints are refused even with `allow_internal: true`. */
  metadata: boolean;
}

const METADATA_V4 = new Set([
  '169.254.169.254', // AWS, GCP, Azure, OCI, DigitalOcean…
  '169.254.170.2', // AWS ECS task metadata
  '100.100.100.200', // Alibaba Cloud
  '192.0.0.192', // Oracle Cloud (classic)
]);

const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata.goog', 'instance-data', 'instance-data.ec2.internal']);

// fd00:ec2::254, the AWS IMDS IPv6 endpoint.
const METADATA_V6 = [0xfd00, 0x0ec2, 0, 0, 0, 0, 0, 0x0254];

function parseV4(text: string): [number, number, number, number] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out as [number, number, number, number];
}

/** Eight 16-bit groups of an IPv6 address (zone id dropped, embedded dotted quad expanded). */
function parseV6(text: string): number[] | undefined {
  let s = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (isIP(s) !== 6) return undefined;
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  if (tail.includes('.')) {
    const v4 = parseV4(tail);
    if (!v4) return undefined;
    s = `${s.slice(0, lastColon + 1)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  }
  const halves = s.split('::');
  const toGroups = (part: string): number[] => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const head = toGroups(halves[0] ?? '');
  const rest = halves.length > 1 ? toGroups(halves[1] ?? '') : [];
  const zeros = 8 - head.length - rest.length;
  if (zeros < 0) return undefined;
  const groups = [...head, ...new Array<number>(halves.length > 1 ? zeros : 0).fill(0), ...rest];
  return groups.length === 8 ? groups : undefined;
}

function classifyV4(a: number, b: number, c: number, d: number): AddressClass | undefined {
  const internal = (category: string): AddressClass => ({ category, metadata: false });
  if (METADATA_V4.has(`${a}.${b}.${c}.${d}`)) return { category: 'cloud metadata service', metadata: true };
  if (a === 0) return internal('unspecified address'); // 0.0.0.0 reaches the local host on Linux
  if (a === 127) return internal('loopback');
  if (a === 10) return internal('private network');
  if (a === 172 && b >= 16 && b <= 31) return internal('private network');
  if (a === 192 && b === 168) return internal('private network');
  if (a === 169 && b === 254) return internal('link-local');
  if (a === 100 && b >= 64 && b <= 127) return internal('CGNAT shared address space');
  if (a >= 224 && a <= 239) return internal('multicast');
  if (a >= 240) return internal('reserved');
  return undefined;
}

function v4From(hi: number, lo: number): [number, number, number, number] {
  return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff];
}

function classifyV6(g: number[]): AddressClass | undefined {
  const internal = (category: string): AddressClass => ({ category, metadata: false });
  const at = (i: number): number => g[i] ?? 0;
  if (g.every((x, i) => x === METADATA_V6[i])) return { category: 'cloud metadata service', metadata: true };
  const zeroUpTo = (n: number): boolean => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return internal('unspecified address');
  if (zeroUpTo(7) && at(7) === 1) return internal('loopback');
  // Forms that embed an IPv4 address: judge the embedded one (::ffff:127.0.0.1 is loopback).
  const embedded = (label: string, hi: number, lo: number): AddressClass | undefined => {
    const inner = classifyV4(...v4From(hi, lo));
    return inner && { category: inner.metadata ? inner.category : `${label} ${inner.category}`, metadata: inner.metadata };
  };
  if (zeroUpTo(5) && at(5) === 0xffff) return embedded('IPv4-mapped', at(6), at(7));
  if (zeroUpTo(6)) return embedded('IPv4-compatible', at(6), at(7));
  if (at(0) === 0x64 && at(1) === 0xff9b) return embedded('NAT64', at(6), at(7));
  if (at(0) === 0x2002) return embedded('6to4', at(1), at(2));
  if ((at(0) & 0xfe00) === 0xfc00) return internal('unique local address');
  if ((at(0) & 0xffc0) === 0xfe80) return internal('link-local');
  if ((at(0) & 0xffc0) === 0xfec0) return internal('site-local');
  if ((at(0) & 0xff00) === 0xff00) return internal('multicast');
  return undefined;
}

/** Classify an IP address; undefined for public addresses (and for text that is not an IP). */
export function classifyAddress(address: string): AddressClass | undefined {
  const v4 = parseV4(address);
  if (v4) return classifyV4(...v4);
  const v6 = parseV6(address);
  return v6 ? classifyV6(v6) : undefined;
}

function normalizeHost(hostname: string): string {
  let h = hostname.toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  return h.endsWith('.') ? h.slice(0, -1) : h;
}

function refusal(target: string, cls: AddressClass, resolved?: string): string {
  const what = `${target} (${resolved ? `resolves to ${resolved}, ` : ''}${cls.category})`;
  return cls.metadata
    ? `access to ${what} is always blocked to prevent SSRF, even with allow_internal: true`
    : `access to ${what} is blocked to prevent SSRF; set allow_internal: true in the agent config to test a local agent`;
}

/**
 * Check a URL host before any DNS: IP literals, `localhost`, metadata host names.
 * Returns the refusal message, or undefined when the host may be used (names are checked again after DNS).
 */
export function checkHost(hostname: string, allowInternal: boolean): string | undefined {
  const host = normalizeHost(hostname);
  if (METADATA_HOSTS.has(host)) return refusal(host, { category: 'cloud metadata service', metadata: true });
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return allowInternal ? undefined : refusal(host, { category: 'loopback', metadata: false });
  }
  const cls = classifyAddress(host);
  if (!cls || (allowInternal && !cls.metadata)) return undefined;
  return refusal(host, cls);
}

/** Check the addresses a host name resolved to; any refused one refuses the host. */
export function checkResolved(hostname: string, addresses: readonly string[], allowInternal: boolean): string | undefined {
  const host = normalizeHost(hostname);
  for (const address of addresses) {
    const cls = classifyAddress(address);
    if (!cls || (allowInternal && !cls.metadata)) continue;
    return refusal(host, cls, address);
  }
  return undefined;
}

/** The error a guarded lookup fails with; its message is the refusal. */
export class SsrfBlockedError extends Error {
  readonly code = 'ATP_SSRF_BLOCKED';
  constructor(message: string) {
    super(message);
    this.name = 'SsrfBlockedError';
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** The resolver the guard uses: `dns.lookup` with `all: true` (replaceable in tests). */
export type Resolver = (
  hostname: string,
  options: { family: number; hints: number; all: true },
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * A `lookup` for http.request that resolves every address of the host and refuses the connection
 * when one of them is internal. The socket connects to the addresses checked here, so a DNS answer
 * that changes between check and connect (rebinding) cannot slip through.
 */
export function guardedLookup(
  allowInternal: boolean,
  resolve: Resolver = dnsLookup,
): (hostname: string, options: LookupOptions, callback: LookupCallback) => void {
  return (hostname, options, callback) => {
    const early = checkHost(hostname, allowInternal);
    if (early) {
      callback(new SsrfBlockedError(early), '', 4);
      return;
    }
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : (options.family ?? 0);
    resolve(hostname, { family, hints: options.hints ?? 0, all: true }, (err, addresses) => {
      if (err) {
        callback(err, '', 4);
        return;
      }
      const blocked = checkResolved(hostname, addresses.map((a) => a.address), allowInternal);
      if (blocked) {
        callback(new SsrfBlockedError(blocked), '', 4);
        return;
      }
      if (options.all) {
        callback(null, addresses);
        return;
      }
      const first = addresses[0];
      if (!first) {
        const none: NodeJS.ErrnoException = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
        callback(none, '', 4);
        return;
      }
      callback(null, first.address, first.family);
    });
  };
}
