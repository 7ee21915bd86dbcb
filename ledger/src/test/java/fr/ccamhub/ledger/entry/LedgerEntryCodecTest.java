package fr.ccamhub.ledger.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ccamhub.ledger.merkle.MerkleHashing;
import fr.ccamhub.ledger.verify.LedgerVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class LedgerEntryCodecTest {

    private static final byte[] RESOURCE_HASH =
            HexFormat.of().parseHex("03448aa12215efbbb843c2a7315d910b6226ad29ef08aa5299b6e6d8de481b97");

    private static final LedgerEntry UPDATE = new LedgerEntry("Procedure", "42", "2", RESOURCE_HASH,
            LedgerAction.UPDATE, "Practitioner/123", Instant.parse("2026-11-21T10:15:30.123Z"));

    private static final String UPDATE_JSON = "{\"action\":\"update\",\"actor\":\"Practitioner/123\",\"format\":1,"
            + "\"recordedAt\":\"2026-11-21T10:15:30.123Z\","
            + "\"resourceHash\":\"03448aa12215efbbb843c2a7315d910b6226ad29ef08aa5299b6e6d8de481b97\","
            + "\"resourceId\":\"42\",\"resourceType\":\"Procedure\",\"versionId\":\"2\"}";

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void encodesAsTheDocumentedCanonicalJson() {
        assertThat(new String(LedgerEntryCodec.encode(UPDATE), StandardCharsets.UTF_8)).isEqualTo(UPDATE_JSON);
    }

    @Test
    void aDeleteHasNoResourceHashMember() {
        LedgerEntry delete = new LedgerEntry("Procedure", "42", "3", null, LedgerAction.DELETE, "Practitioner/123",
                Instant.parse("2026-11-21T10:16:00Z"));

        assertThat(new String(LedgerEntryCodec.encode(delete), StandardCharsets.UTF_8)).isEqualTo(
                "{\"action\":\"delete\",\"actor\":\"Practitioner/123\",\"format\":1,"
                        + "\"recordedAt\":\"2026-11-21T10:16:00.000Z\",\"resourceId\":\"42\","
                        + "\"resourceType\":\"Procedure\",\"versionId\":\"3\"}");
        assertThat(LedgerEntryCodec.decode(LedgerEntryCodec.encode(delete))).isEqualTo(delete);
    }

    @Test
    void decodingTheEncodingGivesTheEntryBack() {
        assertThat(LedgerEntryCodec.decode(utf8(UPDATE_JSON))).isEqualTo(UPDATE);
    }

    @Test
    void theLeafHashIsTheRfc9162LeafHashOfTheCanonicalBytes() {
        byte[] bytes = LedgerEntryCodec.encode(UPDATE);

        assertThat(LedgerEntryCodec.leafHash(UPDATE))
                .isEqualTo(MerkleHashing.leafHash(bytes))
                .isEqualTo(LedgerVerifier.leafHash(utf8(UPDATE_JSON)));
    }

    @Test
    void otherSpellingsOfTheSameEntryAreRefusedSoEachEntryHasOneLeafHash() {
        String spaced = UPDATE_JSON.replace(",", ", ");
        String reordered = "{\"format\":1," + UPDATE_JSON.substring(1).replace(",\"format\":1", "");
        String upperHex = UPDATE_JSON.replace("03448aa1", "03448AA1");
        String noMillis = UPDATE_JSON.replace(".123Z", "Z");

        for (String variant : new String[] {spaced, reordered, upperHex}) {
            assertThatThrownBy(() -> LedgerEntryCodec.decode(utf8(variant)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("ledger entry is valid but not in canonical form");
        }
        assertThatThrownBy(() -> LedgerEntryCodec.decode(utf8(noMillis)))
                .hasMessageStartingWith("recordedAt must look like 2026-11-21T10:15:30.123Z");
    }

    @Test
    void unknownMissingOrRepeatedMembersAreRefused() {
        assertThatThrownBy(() -> LedgerEntryCodec.decode(utf8(UPDATE_JSON.replace("}", ",\"patientName\":\"Dupont\"}"))))
                .hasMessage("ledger entry has unknown members [patientName]");
        assertThatThrownBy(() -> LedgerEntryCodec.decode(utf8(UPDATE_JSON.replace("\"actor\":\"Practitioner/123\",", ""))))
                .hasMessage("ledger entry lacks 'actor'");
        assertThatThrownBy(() -> LedgerEntryCodec.decode(utf8(UPDATE_JSON.replace("{", "{\"actor\":\"x\","))))
                .hasMessageContaining("Duplicate field 'actor'");
    }

    @Test
    void anotherFormatVersionIsRefused() {
        assertThatThrownBy(() -> LedgerEntryCodec.decode(utf8(UPDATE_JSON.replace("\"format\":1", "\"format\":2"))))
                .hasMessage("ledger entry format must be 1, got 2");
    }

    @Test
    void anEntryWhoseFieldsBreakTheRulesIsRefused() {
        assertThatThrownBy(() -> LedgerEntryCodec.decode(utf8(UPDATE_JSON.replace("\"action\":\"update\"", "\"action\":\"read\""))))
                .hasMessage("unknown ledger action 'read'");
        assertThatThrownBy(() -> LedgerEntryCodec.decode(utf8(UPDATE_JSON.replace("03448aa1", "03448a"))))
                .hasMessageContaining("needs a 32-byte resourceHash, got 31 bytes");
        assertThatThrownBy(() -> LedgerEntryCodec.decode(utf8("[1,2]")))
                .hasMessage("ledger entry must be a JSON object");
    }
}
