package asia.oncaller.control;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of call control.
 *
 * @param answerUrlTimeout how long an answer_url may take, from connecting to the last byte of
 * its body; a caller waits that long at most before makeCall fails with code 1
 * @param maxAnswerSize the largest answer_url body read; a larger one fails with code 1
 */
@ConfigurationProperties("oncaller.control")
record ControlProperties(@DefaultValue("5s") Duration answerUrlTimeout, @DefaultValue("64KB") DataSize maxAnswerSize) {

}
