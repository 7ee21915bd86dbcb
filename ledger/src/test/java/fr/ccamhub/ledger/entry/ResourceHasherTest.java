package fr.ccamhub.ledger.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ResourceHasherTest {

    @Test
    void hashIsSha256OfTheCanonicalJson() {
        // printf '%s' '{"id":"1","resourceType":"Patient"}' | sha256sum
        assertThat(HexFormat.of().formatHex(ResourceHasher.hash("{ \"resourceType\": \"Patient\", \"id\": \"1\" }")))
                .isEqualTo("03448aa12215efbbb843c2a7315d910b6226ad29ef08aa5299b6e6d8de481b97");
    }

    @Test
    void twoSerializationsOfTheSameResourceHashAlike() {
        String hapiStyle = """
                {
                  "resourceType": "Observation",
                  "id": "bp-1",
                  "meta": { "versionId": "2" },
                  "status": "final",
                  "valueQuantity": { "value": 120.0, "unit": "mm[Hg]" }
                }""";
        String reordered = "{\"valueQuantity\":{\"unit\":\"mm[Hg]\",\"value\":120},\"status\":\"final\","
                + "\"meta\":{\"versionId\":\"2\"},\"id\":\"bp-1\",\"resourceType\":\"Observation\"}";

        assertThat(ResourceHasher.hash(hapiStyle)).isEqualTo(ResourceHasher.hash(reordered));
    }

    @Test
    void anyChangeOfContentChangesTheHash() {
        String original = "{\"resourceType\":\"Procedure\",\"id\":\"7\",\"code\":{\"coding\":[{\"code\":\"HBQK002\"}]}}";
        String changed = "{\"resourceType\":\"Procedure\",\"id\":\"7\",\"code\":{\"coding\":[{\"code\":\"HBQK001\"}]}}";

        assertThat(ResourceHasher.hash(original)).isNotEqualTo(ResourceHasher.hash(changed));
    }

    @Test
    void aFhirResourceHashLeavesOutMetaWhichFhirLetsChangeWithoutANewVersion() {
        String stored = """
                {"resourceType":"Procedure","id":"7","meta":{"versionId":"3","lastUpdated":"2026-11-21T10:00:00.000+01:00",
                 "source":"#a1b2","tag":[{"system":"https://fhir.ccamhub.fr/CodeSystem/statut-codage","code":"valide"}]},
                 "status":"completed"}""";
        String bare = "{\"resourceType\":\"Procedure\",\"id\":\"7\",\"status\":\"completed\"}";
        String changed = "{\"resourceType\":\"Procedure\",\"id\":\"7\",\"status\":\"entered-in-error\"}";

        assertThat(ResourceHasher.hashFhirResource(stored)).isEqualTo(ResourceHasher.hash(bare));
        assertThat(ResourceHasher.hashFhirResource(stored)).isNotEqualTo(ResourceHasher.hashFhirResource(changed));
    }

    @Test
    void aFhirResourceHashRefusesWhatIsNotAResource() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ResourceHasher.hashFhirResource("[1,2]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resourceType");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ResourceHasher.hashFhirResource("{\"resourceType\":"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
