import { RequestCancel } from '../../../src/domain/request-cancel';

/** What vendor calls rely on from a request's cancellation (src/http/vendor-http.ts): AbortSignal's behaviour. */
describe('RequestCancel', () => {
  it('calls each listener still registered once, in order, with the reason set', () => {
    const cancel = new RequestCancel();
    const seen: string[] = [];
    const removed = () => seen.push('removed');
    cancel.addEventListener('abort', () => seen.push(`first ${cancel.aborted}`));
    cancel.addEventListener('abort', removed);
    cancel.addEventListener('abort', () => seen.push('second'));
    cancel.removeEventListener('abort', removed);
    expect(cancel.aborted).toBe(false);
    cancel.abort();
    cancel.abort();
    expect(seen).toEqual(['first true', 'second']);
    expect(cancel.reason).toBeInstanceOf(DOMException);
    expect((cancel.reason as DOMException).name).toBe('AbortError');
  });

  it('keeps the reason it was first aborted with, and no listener added after', () => {
    const cancel = new RequestCancel();
    const reason = new Error('client went away');
    cancel.abort(reason);
    cancel.abort(new Error('later'));
    const late = jest.fn();
    cancel.addEventListener('abort', late);
    expect(cancel.reason).toBe(reason);
    expect(late).not.toHaveBeenCalled();
  });
});
