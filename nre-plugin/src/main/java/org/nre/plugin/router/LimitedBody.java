package org.nre.plugin.router;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Reads an answer's body into memory up to a limit, and gives up (closing the connection) beyond it. */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private LimitedBody(int limit) {
        this.limit = limit;
    }

    /** A handler for one request, which remembers whether the answer was too large. */
    static final class Handler implements HttpResponse.BodyHandler<byte[]> {
        private final int limit;
        private volatile LimitedBody body;

        Handler(int limit) {
            this.limit = limit;
        }

        @Override
        public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            body = new LimitedBody(limit);
            if (declared > limit) {
                body.exceeded = true;
                body.result.completeExceptionally(new RouterClient.TooLarge("declared " + declared + " bytes"));
            }
            return body;
        }

        /** Whether the answer was refused for its size (the client may report the cancelled stream instead). */
        boolean exceeded() {
            LimitedBody current = body;
            return current != null && current.exceeded;
        }
    }

    private volatile boolean exceeded;

    static Handler handler(int limit) {
        return new Handler(limit);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (result.isDone()) {
            subscription.cancel();
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (bytes.size() + buffer.remaining() > limit) {
                exceeded = true;
                subscription.cancel();
                result.completeExceptionally(new RouterClient.TooLarge("more than " + limit + " bytes"));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }
}
