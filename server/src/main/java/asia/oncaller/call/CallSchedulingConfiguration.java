package asia.oncaller.call;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the {@link CallReaper}'s sweep of call deadlines. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CallSchedulingConfiguration {

}
