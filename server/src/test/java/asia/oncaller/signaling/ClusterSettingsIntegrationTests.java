package asia.oncaller.signaling;

import asia.oncaller.OnCallerApplication;
import asia.oncaller.TestDatabaseConfig;
import asia.oncaller.testsupport.TestBroker;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A node given a broker but no resume secret refuses to start, saying why: each node would draw
 * a secret of its own, and a device could resume its calls only on the node it left
 * (docs/cluster.md).
 */
class ClusterSettingsIntegrationTests {

	@Test
	void aNodeOfAClusterNeedsTheSharedResumeSecret() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(OnCallerApplication.class, TestDatabaseConfig.class)
			.run("--server.port=0", "--oncaller.cluster.broker.host=127.0.0.1",
					"--oncaller.cluster.broker.virtual-host=" + TestBroker.VIRTUAL_HOST))
			.hasRootCauseMessage("oncaller.resume.secret must be set, the same on every node of a cluster");
	}

}
