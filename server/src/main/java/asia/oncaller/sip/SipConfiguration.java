package asia.oncaller.sip;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sip.SipListener;

import asia.oncaller.call.ClusterMembership;
import asia.oncaller.call.EventSender;
import asia.oncaller.call.MakeCallService;
import asia.oncaller.call.NodeMailbox;
import asia.oncaller.call.PhoneCallService;
import asia.oncaller.limits.CallSetups;
import asia.oncaller.ivr.SccoRunner;
import asia.oncaller.media.MediaBridge;
import asia.oncaller.numbers.PhoneNumberRepository;
import asia.oncaller.trunks.SipTrunkRepository;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The SIP endpoint and the phone legs, unless {@code oncaller.sip.enabled} is false. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "oncaller.sip.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SipProperties.class)
class SipConfiguration {

	@Bean(destroyMethod = "shutdown")
	ExecutorService phoneLegExecutor(SipProperties properties) {
		AtomicInteger threads = new AtomicInteger();
		ThreadFactory factory = (task) -> {
			Thread thread = new Thread(task, "phone-leg-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		return Executors.newFixedThreadPool(properties.workerThreads(), factory);
	}

	@Bean
	SipEndpoint sipEndpoint(SipProperties properties, ObjectProvider<SipListener> listener) {
		return new SipEndpoint(properties, listener);
	}

	@Bean
	SipMessages sipMessages(SipEndpoint endpoint) {
		return new SipMessages(endpoint);
	}

	@Bean
	LegWorkers legWorkers(ExecutorService phoneLegExecutor) {
		return new LegWorkers(phoneLegExecutor);
	}

	@Bean
	PhoneDialogs phoneDialogs(JdbcTemplate jdbc, ObjectProvider<ClusterMembership> membership) {
		return new PhoneDialogs(jdbc, membership);
	}

	@Bean
	PhoneLegs phoneLegs(LegWorkers legWorkers, MediaBridge media, PhoneDialogs dialogs) {
		return new PhoneLegs(legWorkers, media, dialogs);
	}

	@Bean
	OutboundCalls outboundCalls(SipEndpoint endpoint, SipMessages messages, PhoneLegs legs, MediaBridge media,
			PhoneCallService calls, SipTrunkRepository trunks, PhoneDialogs dialogs) {
		return new OutboundCalls(endpoint, messages, legs, media, calls, trunks, dialogs);
	}

	@Bean(destroyMethod = "close")
	InviteDeadlines inviteDeadlines() {
		return new InviteDeadlines();
	}

	@Bean
	InboundCalls inboundCalls(SipMessages messages, PhoneLegs legs, MediaBridge media, MakeCallService makeCalls,
			PhoneCallService calls, EventSender sender, SipTrunkRepository trunks, PhoneNumberRepository numbers,
			InviteDeadlines deadlines, SipProperties properties, PhoneIvr phoneIvr, PhoneDialogs dialogs) {
		return new InboundCalls(messages, legs, media, makeCalls, calls, sender, trunks, numbers, deadlines,
				properties, phoneIvr, dialogs);
	}

	@Bean
	PhoneIvr phoneIvr(SccoRunner sccoRunner, PhoneCallService phoneCalls, PhoneLegs legs, SipMessages messages,
			MediaBridge media) {
		return new PhoneIvr(sccoRunner, phoneCalls, legs, messages, media);
	}

	@Bean
	DialogRequests dialogRequests(SipEndpoint endpoint, SipMessages messages, PhoneLegs legs, MediaBridge media,
			PhoneCallService calls, SipProperties properties, PhoneDialogs dialogs) {
		return new DialogRequests(endpoint, messages, legs, media, calls, properties.dtmfDuration(), dialogs);
	}

	@Bean
	SipDispatcher sipDispatcher(SipEndpoint endpoint, SipMessages messages, PhoneLegs legs, OutboundCalls outbound,
			InboundCalls inbound, DialogRequests dialogs, CallSetups setups, LegWorkers legWorkers,
			SipProperties properties) {
		return new SipDispatcher(endpoint, messages, legs, outbound, inbound, dialogs, setups, legWorkers,
				properties);
	}

	@Bean
	PhoneLegRequests phoneLegRequests(PhoneLegs legs, InboundCalls inbound, DialogRequests dialogs,
			PhoneDialogs held, ObjectProvider<NodeMailbox> mail) {
		return new PhoneLegRequests(legs, inbound, dialogs, held, mail);
	}

	@Bean
	SipPhoneNetwork sipPhoneNetwork(SipEndpoint endpoint, PhoneLegs legs, OutboundCalls outbound,
			PhoneLegRequests requests) {
		return new SipPhoneNetwork(endpoint, legs, outbound, requests);
	}

	@Bean
	PhoneLegEvents phoneLegEvents(PhoneLegs legs, OutboundCalls outbound, InboundCalls inbound,
			DialogRequests dialogs, PhoneLegRequests requests) {
		return new PhoneLegEvents(legs, outbound, inbound, dialogs, requests);
	}

	@Bean
	PhoneLegTakeover phoneLegTakeover(PhoneDialogs dialogs, PhoneLegs legs, PhoneLegEvents events,
			SipEndpoint endpoint, SipMessages messages, MediaBridge media, PhoneCallService calls) {
		return new PhoneLegTakeover(dialogs, legs, events, endpoint, messages, media, calls);
	}

}
