package fr.ccamhub.ledger.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LedgerEntryTest {

    private static final byte[] HASH = new byte[32];
    private static final Instant AT = Instant.parse("2026-11-21T10:15:30.123Z");

    @Test
    void namesTheResourceVersionItRecords() {
        LedgerEntry entry = new LedgerEntry("Procedure", "42", "2", HASH, LedgerAction.UPDATE, "Device/ccam-copilot", AT);

        assertThat(entry.versionedReference()).isEqualTo("Procedure/42/_history/2");
    }

    @Test
    void keepsTheTimeToTheMillisecond() {
        LedgerEntry entry = new LedgerEntry("Procedure", "42", "2", HASH, LedgerAction.UPDATE, "Device/ccam-copilot",
                Instant.parse("2026-11-21T10:15:30.123456789Z"));

        assertThat(entry.recordedAt()).isEqualTo(AT);
    }

    @Test
    void anActorWithSpacesIsRefusedSoNoNameCanSlipIn() {
        assertThatThrownBy(() -> new LedgerEntry("Procedure", "42", "2", HASH, LedgerAction.UPDATE, "Dr Marie Dupont", AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("actor (printable ASCII, no spaces, at most 256 characters)");
    }

    @Test
    void identifiersMustBeFhirIdentifiers() {
        assertThatThrownBy(() -> new LedgerEntry("procedure", "42", "2", HASH, LedgerAction.UPDATE, "a", AT))
                .hasMessageStartingWith("resourceType must match");
        assertThatThrownBy(() -> new LedgerEntry("Procedure", "42/x", "2", HASH, LedgerAction.UPDATE, "a", AT))
                .hasMessageStartingWith("resourceId must match");
        assertThatThrownBy(() -> new LedgerEntry("Procedure", "42", "", HASH, LedgerAction.UPDATE, "a", AT))
                .hasMessageStartingWith("versionId must match");
    }

    @Test
    void writesNeedAContentHashAndDeletesMustNotHaveOne() {
        assertThatThrownBy(() -> new LedgerEntry("Procedure", "42", "1", null, LedgerAction.CREATE, "a", AT))
                .hasMessage("a create needs a 32-byte resourceHash, got none");
        assertThatThrownBy(() -> new LedgerEntry("Procedure", "42", "3", HASH, LedgerAction.DELETE, "a", AT))
                .hasMessage("a delete has no content to hash: resourceHash must be absent");
    }

    @Test
    void theHashCannotBeChangedFromOutside() {
        byte[] hash = new byte[32];
        LedgerEntry entry = new LedgerEntry("Procedure", "42", "1", hash, LedgerAction.CREATE, "a", AT);
        hash[0] = 1;
        entry.resourceHash()[1] = 1;

        assertThat(entry.resourceHash()).containsOnly(0);
        assertThat(entry).isEqualTo(new LedgerEntry("Procedure", "42", "1", new byte[32], LedgerAction.CREATE, "a", AT));
    }

    @Test
    void timesOutsideWhatTheEncodingCanWriteAreRefused() {
        assertThatThrownBy(() -> new LedgerEntry("Procedure", "42", "1", HASH, LedgerAction.CREATE, "a",
                Instant.parse("1969-12-31T23:59:59Z")))
                .hasMessageStartingWith("recordedAt must be between 1970 and 9999");
    }
}
