package fr.ccamhub.interceptors.ins;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ccamhub.interceptors.ins.InsNumber.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InsNumberTest {

	@ParameterizedTest(name = "{0} {1} is valid")
	@CsvSource({
		// INS-NIR of the ANS PAM FR consent samples (test OID 1.2.250.1.213.1.4.10)
		"NIR, 279035121518989",
		// 97 - (1841276451089 mod 97) = 46
		"NIR, 184127645108946",
		// Corsica: 2A counts as 19, 97 - (2690519123456 mod 97) = 88
		"NIR, 269052A12345688",
		// Corsica: 2B counts as 18, 97 - (1550118001002 mod 97) = 51
		"NIR, 155012B00100251",
		// NIA: 97 - (7801299123456 mod 97) = 64
		"NIA, 780129912345664",
	})
	void acceptsMatriculesWithTheirRightKey(Kind kind, String value) {
		assertThat(InsNumber.problem(kind, value)).isEmpty();
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource({
		"NIR, 279035121518988, wrong key 88",
		"NIR, 269052A12345661, wrong key 61",
		"NIR, 27903512151898, 15 characters",
		"NIR, 2790351215189890, 15 characters",
		"NIR, 27903512X518989, made of digits",
		"NIR, 780129912345664, starts with 1 or 2",
		"NIA, 279035121518989, starts with 7 or 8",
		"NIR, '', empty",
	})
	void explainsWhatIsWrong(Kind kind, String value, String expected) {
		assertThat(InsNumber.problem(kind, value)).hasValueSatisfying(problem -> assertThat(problem).contains(expected));
	}
}
