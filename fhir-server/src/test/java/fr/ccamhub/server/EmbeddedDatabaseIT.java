package fr.ccamhub.server;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class EmbeddedDatabaseIT extends ServerIT {

	@Autowired
	DataSource dataSource;

	@Test
	void theEmbeddedPostgresIsARealPostgres17ThatCommitsToDisk() {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		assertThat(jdbc.queryForObject("SHOW server_version", String.class)).startsWith("17.");
		assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
		assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
		assertThat(jdbc.queryForObject("SHOW listen_addresses", String.class)).isIn("localhost", "127.0.0.1");
	}
}
