/** What a rejected adapter call gives: an Error, an `AdapterError` with its kind and retryability. */
export type Rejection = Error & { kind?: string; retryable?: boolean };

/** The error a promise rejects with; throws when it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Rejection> {
  try {
    await promise;
  } catch (error) {
    return error as Rejection;
  }
  throw new Error('expected the promise to reject');
}
