package org.nre.plugin.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class LimitedBodyTest {

    /** What the subscriber asked of java.net.http. */
    static final class Recorded implements Flow.Subscription {
        long requested;
        boolean cancelled;

        @Override
        public void request(long n) {
            requested += n;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Test
    void theBodyIsGatheredInOrderFromTheBuffersAsTheyArrive() {
        HttpResponse.BodySubscriber<byte[]> body = LimitedBody.handler(16).apply(answer(Map.of()));
        Recorded subscription = new Recorded();

        body.onSubscribe(subscription);
        body.onNext(List.of(bytes("{\"a\":"), bytes("1")));
        body.onNext(List.of(bytes("}")));
        body.onComplete();

        assertThat(subscription.requested).isPositive();
        assertThat(new String(body.getBody().toCompletableFuture().join(), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":1}");
    }

    @Test
    void aBodyThatDeclaresMoreThanTheLimitIsRefusedWithoutReadingAnyOfIt() {
        LimitedBody.Handler handler = LimitedBody.handler(16);
        HttpResponse.BodySubscriber<byte[]> body = handler.apply(answer(Map.of("Content-Length", List.of("17"))));
        Recorded subscription = new Recorded();

        body.onSubscribe(subscription);

        assertThat(subscription.requested).isZero();
        assertThat(subscription.cancelled).isTrue();
        assertThatThrownBy(() -> body.getBody().toCompletableFuture().join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(RouterClient.TooLarge.class).hasMessage("declared 17 bytes");
        // Kept for the caller, which java.net.http may tell only of the cancelled stream.
        assertThat(handler.refusal()).hasMessage("declared 17 bytes");
    }

    @Test
    void aBodyThatGrowsPastTheLimitIsCutOffThereAndWhatFollowsIsIgnored() {
        HttpResponse.BodySubscriber<byte[]> body = LimitedBody.handler(16).apply(answer(Map.of()));
        Recorded subscription = new Recorded();
        body.onSubscribe(subscription);

        body.onNext(List.of(bytes("0123456789")));
        body.onNext(List.of(bytes("0123456")));
        body.onNext(List.of(bytes("more")));
        body.onComplete();

        assertThat(subscription.cancelled).isTrue();
        assertThatThrownBy(() -> body.getBody().toCompletableFuture().join())
                .cause().isInstanceOf(RouterClient.TooLarge.class).hasMessage("more than 16 bytes");
    }

    @Test
    void aBodyOfExactlyTheLimitIsAccepted() {
        LimitedBody.Handler handler = LimitedBody.handler(16);
        HttpResponse.BodySubscriber<byte[]> body = handler.apply(answer(Map.of("Content-Length", List.of("16"))));
        body.onSubscribe(new Recorded());

        body.onNext(List.of(bytes("0123456789abcdef")));
        body.onComplete();

        assertThat(body.getBody().toCompletableFuture().join()).hasSize(16);
        assertThat(handler.refusal()).isNull();
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse.ResponseInfo answer(Map<String, List<String>> headers) {
        return new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return 200;
            }

            @Override
            public HttpHeaders headers() {
                return HttpHeaders.of(headers, (name, value) -> true);
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }
}
