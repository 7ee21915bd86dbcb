package fr.ccamhub.ledger.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed ABI and bytecode are what solc-js (installed by the build in ledger/evm) makes of
 * src/main/solidity/TreeHeadAnchor.sol: nobody can ship bytecode the source does not say.
 */
class CompiledContractMatchesSourceTest {

	@Test
	void committedArtifactsAreTheCompiledSource(@TempDir Path out) throws Exception {
		Path evm = HardhatNode.evmDirectory(null);
		Process compile = new ProcessBuilder("node", "compile.js",
				Path.of("src/main/solidity/TreeHeadAnchor.sol").toAbsolutePath().toString(), out.toString())
				.directory(evm.toFile())
				.redirectErrorStream(true)
				.start();
		String output = new String(compile.getInputStream().readAllBytes());
		assertThat(compile.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(compile.exitValue()).as(output).isZero();

		assertThat(Files.readString(out.resolve("TreeHeadAnchor.bin")).strip())
				.isEqualTo(TreeHeadAnchorContract.bytecode().substring(2));
		assertThat(Files.readString(out.resolve("TreeHeadAnchor.abi.json")))
				.isEqualTo(TreeHeadAnchorContract.abiJson());
	}
}
