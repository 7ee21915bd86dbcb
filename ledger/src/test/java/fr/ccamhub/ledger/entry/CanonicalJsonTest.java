package fr.ccamhub.ledger.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8785 examples: §3.2.2 (sample), §3.2.3 (sorting), §3.2.4 (UTF-8 bytes), Appendix B (numbers). */
class CanonicalJsonTest {

    @Test
    void theRfcSampleCanonicalizesToThePublishedUtf8Bytes() {
        String sample = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }
                """;
        byte[] published = HexFormat.of().parseHex((""
                + "7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72"
                + "75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a"
                + "5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31"
                + "65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37"
                + "5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30"
                + "30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d").replace(" ", ""));

        assertThat(CanonicalJson.canonicalUtf8(sample)).isEqualTo(published);
    }

    @Test
    void membersAreSortedByUtf16CodeUnitsNotByCodePoints() {
        String sample = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }
                """;

        assertThat(CanonicalJson.canonicalize(sample)).isEqualTo("{"
                + "\"\\r\":\"Carriage Return\","
                + "\"1\":\"One\","
                + "\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
                + "\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @ParameterizedTest(name = "0x{0} -> {1}")
    @CsvSource({
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000",
        "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332",
        "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333",
        "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343",
        "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2",
    })
    void numbersArePrintedAsEcmaScriptPrintsTheDouble(String ieee754, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieee754, 16));

        assertThat(CanonicalJson.canonicalize("{\"n\":" + value + "}")).isEqualTo("{\"n\":" + expected + "}");
    }

    @Test
    void theSameDataSpelledDifferentlyHasOneCanonicalForm() {
        String compact = "{\"b\":[1,{\"d\":true,\"c\":null}],\"a\":\"\\u00e9\"}";
        String spaced = "{ \"a\" : \"é\",\n  \"b\" : [ 1.0E0 , { \"c\" : null , \"d\" : true } ] }";

        assertThat(CanonicalJson.canonicalize(spaced)).isEqualTo(CanonicalJson.canonicalize(compact))
                .isEqualTo("{\"a\":\"é\",\"b\":[1,{\"c\":null,\"d\":true}]}");
    }

    @Test
    void aRepeatedMemberNameIsRefused() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"a\":1,\"a\":2}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Duplicate property: a");
    }

    @Test
    void aNumberBeyondTheDoubleRangeIsRefused() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"n\":1e400}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN/Infinity are not permitted");
    }

    @Test
    void anUnpairedSurrogateIsRefusedRatherThanEncodedAsAQuestionMark() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"s\":\"\\ud800x\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unpaired surrogate U+D800 in a JSON string");
        assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"s\":\"\\udc00\"}"))
                .hasMessage("unpaired surrogate U+DC00 in a JSON string");
    }

    @Test
    void malformedUtf8IsRefusedRatherThanReplaced() {
        byte[] latin1 = "{\"s\":\"é\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> CanonicalJson.canonicalUtf8(latin1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("JSON is not valid UTF-8");
    }

    @Test
    void textThatIsNotJsonIsRefused() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"a\":}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not canonicalizable JSON");
    }
}
