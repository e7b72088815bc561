package asia.oncaller.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The one HTTP client for customers' servers (answer_url, event_url, onFailEventUrl): it connects
 * only to addresses the {@link AddressGuard} judged in the same lookup, follows no redirect (the
 * URL is the contract, and a redirect could lead inside our network), retries nothing, keeps no
 * cookies, ignores the system's proxy settings, speaks HTTP/1.1 (the h2c upgrade probe trips
 * simple servers) and bounds each exchange in time and the answer in size. Asynchronous, so that
 * a slow customer holds no thread of the server's.
 */
@Component
public class CustomerHttp implements DisposableBean {

	private static final ContentType JSON = ContentType.create("application/json");

	private final CloseableHttpAsyncClient client;

	CustomerHttp(AddressGuard guard, OutboundProperties properties) {
		this.client = HttpAsyncClients.custom()
			.setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
				.setDnsResolver(new GuardedDnsResolver(guard))
				.setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build())
				.setMaxConnTotal(properties.maxConnections())
				.setMaxConnPerRoute(properties.maxConnections())
				.build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			// A customer's server is called now and then; an idle socket to it is not kept for ever.
			.evictIdleConnections(TimeValue.ofMinutes(1))
			.build();
		this.client.start();
	}

	/** What a customer's server answered: the status and at most the body limit of the body. */
	public record Response(int status, byte[] body) {

		public boolean isSuccessful() {
			return this.status >= 200 && this.status < 300;
		}

	}

	/**
	 * Sends one request.
	 * @param url an absolute http(s) URL (see {@link CustomerUrls}); anything else fails at once
	 * @param body sent as {@code application/json} unless empty
	 * @param maxBodyBytes the largest answer body kept; a larger one fails the exchange, and
	 * {@code 0} reads and drops any body
	 * @param timeout the whole exchange, connecting and reading the body included
	 * @return completes with the answer, or exceptionally: a {@link java.net.UnknownHostException}
	 * for an unknown or refused host, a {@link java.util.concurrent.TimeoutException}, or the
	 * {@link IOException} of the exchange
	 */
	public CompletableFuture<Response> send(String method, URI url, Map<String, String> headers, byte[] body,
			int maxBodyBytes, Duration timeout) {
		if (CustomerUrls.parse(url.toString()).isEmpty()) {
			return CompletableFuture.failedFuture(new RefusedAddressException("not an absolute http(s) URL"));
		}
		AsyncRequestBuilder request = AsyncRequestBuilder.create(method).setUri(url);
		headers.forEach(request::addHeader);
		if (body.length > 0) {
			request.setEntity(AsyncEntityProducers.create(body, JSON));
		}
		HttpClientContext context = HttpClientContext.create();
		context.setRequestConfig(RequestConfig.custom()
			.setConnectionRequestTimeout(Timeout.of(timeout))
			.setResponseTimeout(Timeout.of(timeout))
			.build());
		CompletableFuture<Response> result = new CompletableFuture<>();
		Future<Response> exchange = this.client.execute(request.build(), new LimitedBody(maxBodyBytes), context,
				new FutureCallback<>() {

					@Override
					public void completed(Response response) {
						result.complete(response);
					}

					@Override
					public void failed(Exception ex) {
						result.completeExceptionally(ex);
					}

					@Override
					public void cancelled() {
						result.cancel(false);
					}

				});
		// One deadline for the whole exchange: a body that trickles in cannot hold the connection.
		result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
			.whenComplete((response, error) -> exchange.cancel(true));
		return result;
	}

	@Override
	public void destroy() {
		this.client.close(CloseMode.IMMEDIATE);
	}

	/** Keeps the status and at most {@code max} bytes of the body. */
	private static final class LimitedBody extends AbstractBinResponseConsumer<Response> {

		private final int max;

		private final ByteArrayOutputStream body = new ByteArrayOutputStream();

		private int status;

		LimitedBody(int max) {
			this.max = max;
		}

		@Override
		protected void start(HttpResponse response, ContentType contentType) {
			this.status = response.getCode();
		}

		@Override
		protected int capacityIncrement() {
			return 8192;
		}

		@Override
		protected void data(ByteBuffer data, boolean endOfStream) throws IOException {
			if (this.max == 0) {
				data.position(data.limit());
				return;
			}
			if (this.body.size() + data.remaining() > this.max) {
				throw new IOException("the body is larger than " + this.max + " bytes");
			}
			byte[] chunk = new byte[data.remaining()];
			data.get(chunk);
			this.body.writeBytes(chunk);
		}

		@Override
		protected Response buildResult() {
			return new Response(this.status, this.body.toByteArray());
		}

		@Override
		public void releaseResources() {
		}

	}

}
