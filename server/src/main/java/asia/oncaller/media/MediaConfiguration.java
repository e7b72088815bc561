package asia.oncaller.media;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ng client and, when its address is set, the DTMF listener, made from {@link MediaProperties}. */
@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

	@Bean
	RtpEngineClient rtpEngineClient(MediaProperties properties) {
		return new RtpEngineClient(properties.ngAddress(), properties.timeout(), properties.retries());
	}

	/**
	 * Off unless configured: rtpengine must be started with a matching {@code --dtmf-log-dest},
	 * and a fixed default port would collide between server instances on one machine.
	 */
	@Bean
	@ConditionalOnProperty("oncaller.media.rtpengine.dtmf-log-listen")
	RtpDtmfListener rtpDtmfListener(MediaProperties properties, ApplicationEventPublisher events) {
		return new RtpDtmfListener(properties.dtmfLogListenAddress(), events);
	}

}
