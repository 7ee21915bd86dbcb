package fr.ccamhub.server.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointAllowListTest {

	@Test
	void emptyListAllowsNothing() {
		EndpointAllowList none = EndpointAllowList.of(List.of());
		assertThat(none.isEmpty()).isTrue();
		assertThat(none.allows("https://hooks.example.fr/ccamhub/")).isFalse();
	}

	@Test
	void matchesSchemeHostPortAndPathPrefix() {
		EndpointAllowList list = EndpointAllowList.of(List.of("https://hooks.example.fr/ccamhub/"));
		assertThat(list.allows("https://hooks.example.fr/ccamhub/observations")).isTrue();
		assertThat(list.allows("https://HOOKS.example.fr:443/ccamhub/x?y=1")).isTrue();
		assertThat(list.allows("http://hooks.example.fr/ccamhub/observations")).as("scheme").isFalse();
		assertThat(list.allows("https://hooks.example.fr:8443/ccamhub/x")).as("port").isFalse();
		assertThat(list.allows("https://hooks.example.fr/other/")).as("path").isFalse();
		assertThat(list.allows("https://hooks.example.fr.evil.example/ccamhub/")).as("host suffix").isFalse();
	}

	@Test
	void pathWithoutTrailingSlashMatchesWholeSegmentsOnly() {
		EndpointAllowList list = EndpointAllowList.of(List.of("https://hooks.example.fr/ccamhub"));
		assertThat(list.allows("https://hooks.example.fr/ccamhub")).isTrue();
		assertThat(list.allows("https://hooks.example.fr/ccamhub/x")).isTrue();
		assertThat(list.allows("https://hooks.example.fr/ccamhub-evil")).isFalse();
	}

	@Test
	void refusesUserInfoThatWouldSendTheCallElsewhere() {
		EndpointAllowList list = EndpointAllowList.of(List.of("http://127.0.0.1:*"));
		assertThat(list.allows("http://127.0.0.1:8080/hook")).isTrue();
		assertThat(list.allows("http://127.0.0.1:8080@evil.example/hook")).isFalse();
		assertThat(list.allows("http://user:secret@127.0.0.1:8080/hook")).isFalse();
	}

	@Test
	void refusesDotSegmentsEvenEncoded() {
		EndpointAllowList list = EndpointAllowList.of(List.of("https://hooks.example.fr/ccamhub/"));
		assertThat(list.allows("https://hooks.example.fr/ccamhub/../admin")).isFalse();
		assertThat(list.allows("https://hooks.example.fr/ccamhub/%2e%2e/admin")).isFalse();
	}

	@Test
	void wildcardHostMatchesSubdomainsOnly() {
		EndpointAllowList list = EndpointAllowList.of(List.of("https://*.example.fr/"));
		assertThat(list.allows("https://a.example.fr/hook")).isTrue();
		assertThat(list.allows("https://a.b.example.fr/hook")).isTrue();
		assertThat(list.allows("https://example.fr/hook")).isFalse();
		assertThat(list.allows("https://evilexample.fr/hook")).isFalse();
	}

	@Test
	void refusesOtherSchemesAndRelativeUrls() {
		EndpointAllowList list = EndpointAllowList.of(List.of("http://127.0.0.1:*"));
		assertThat(list.allows("ftp://127.0.0.1/hook")).isFalse();
		assertThat(list.allows("/hook")).isFalse();
		assertThat(list.allows("http://127.0.0.1:1/hook#x")).isFalse();
		assertThat(list.allows("not a url")).isFalse();
		assertThat(list.allows(null)).isFalse();
	}

	@Test
	void malformedEntryFailsWithTheKey() {
		assertThatThrownBy(() -> EndpointAllowList.of(List.of("127.0.0.1:8080")))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("ccamhub.subscriptions.allowed-endpoints")
				.hasMessageContaining("127.0.0.1:8080");
	}
}
