// The typed client every renderer uses, whatever carries the calls (Electron IPC or HTTP).
import type { Input, MethodName, Output } from './api';
import { GlossError, type Result } from './errors';
import type { PushEvent } from './events';

/** The one thing a transport must provide: carry a call, and deliver pushed events. */
export interface Transport {
  call(method: MethodName, args: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: PushEvent) => void): () => void;
}

export interface GlossClient {
  call<M extends MethodName>(method: M, args: Input<M>): Promise<Output<M>>;
  /** Like `call`, but returns the Result instead of throwing a GlossError. */
  try<M extends MethodName>(method: M, args: Input<M>): Promise<Result<Output<M>>>;
  subscribe(listener: (event: PushEvent) => void): () => void;
}

export function createClient(transport: Transport): GlossClient {
  const tryCall = async <M extends MethodName>(method: M, args: Input<M>): Promise<Result<Output<M>>> => {
    try {
      return (await transport.call(method, args)) as Result<Output<M>>;
    } catch (error) {
      return {
        ok: false,
        error: {
          code: 'unavailable',
          message: `Gloss could not reach its library (${(error as Error).message}). Check that Gloss is still running, then try again.`,
        },
      };
    }
  };
  return {
    try: tryCall,
    async call(method, args) {
      const result = await tryCall(method, args);
      if (result.ok) return result.value;
      throw GlossError.from(result.error);
    },
    subscribe: (listener) => transport.subscribe(listener),
  };
}
