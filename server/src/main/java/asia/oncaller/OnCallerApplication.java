package asia.oncaller;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The OnCaller signaling and call-control server. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OnCallerApplication {

	public static void main(String[] args) {
		SpringApplication.run(OnCallerApplication.class, args);
	}

}
