/** Helpers for tests of real processes and servers: liveness, polling, rejections, free ports, closing what a test started. */
export { isDead } from './is-dead.js';
export { eventually } from './eventually.js';
export { rejectionOf, type Rejection } from './rejection-of.js';
export { freePort } from './free-port.js';
export { closer, type Closer, type Closable } from './closer.js';
