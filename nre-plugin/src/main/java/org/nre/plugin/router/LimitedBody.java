package org.nre.plugin.router;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An answer's body as bytes, gathered as java.net.http hands it over, the way its own byte-array handler does, but
 * refused past a size limit: an answer that declares more is not read at all, and one that grows past the limit is
 * cut off there, its connection given up. The caller wakes once, for the whole answer (though java.net.http asks a
 * handler that is not its own for the body from one of its worker threads: docs/performance.md, section 4).
 */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final int limit;
    private final long declared;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final List<ByteBuffer> parts = new ArrayList<>();
    private long size;
    private Flow.Subscription subscription;
    private volatile RouterClient.TooLarge refusal;

    private LimitedBody(int limit, long declared) {
        this.limit = limit;
        this.declared = declared;
    }

    /**
     * The handler for one exchange's answer, which remembers whether it refused it: over HTTP/2 java.net.http may
     * report the stream it then cancels instead of the refusal.
     */
    static final class Handler implements HttpResponse.BodyHandler<byte[]> {
        private final int limit;
        private volatile LimitedBody body;

        private Handler(int limit) {
            this.limit = limit;
        }

        @Override
        public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo answer) {
            LimitedBody created = new LimitedBody(limit, answer.headers().firstValueAsLong("Content-Length")
                    .orElse(-1));
            body = created;
            return created;
        }

        /** Why the answer was refused, or null when it was not. */
        RouterClient.TooLarge refusal() {
            LimitedBody created = body;
            return created == null ? null : created.refusal;
        }
    }

    /** Bodies of at most {@code limit} bytes; a larger one fails the call with {@link RouterClient.TooLarge}. */
    static Handler handler(int limit) {
        return new Handler(limit);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (declared > limit) {
            refuse("declared " + declared + " bytes");
            return;
        }
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            size += item.remaining();
            if (size > limit) {
                refuse("more than " + limit + " bytes");
                return;
            }
            parts.add(item);
        }
    }

    @Override
    public void onError(Throwable failure) {
        parts.clear();
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        byte[] all = new byte[(int) size];
        int at = 0;
        for (ByteBuffer part : parts) {
            int length = part.remaining();
            part.get(all, at, length);
            at += length;
        }
        parts.clear();
        body.complete(all);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    private void refuse(String why) {
        parts.clear();
        refusal = new RouterClient.TooLarge(why);
        // Failed before the cancel, so that java.net.http reports the refusal rather than the cancelled stream,
        // though over HTTP/2 it does not always: the handler remembers the refusal for the caller.
        body.completeExceptionally(refusal);
        subscription.cancel();
    }
}
