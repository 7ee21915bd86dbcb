package fr.ccamhub.ledger.anchor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint64;

/**
 * The ABI of {@code ledger/src/main/solidity/TreeHeadAnchor.sol}: its functions and event encoded
 * with web3j, and its compiled bytecode (committed next to the ABI, checked against the source by
 * {@code CompiledContractMatchesSourceTest}).
 */
public final class TreeHeadAnchorContract {

	public static final String BYTECODE_RESOURCE = "fr/ccamhub/ledger/anchor/TreeHeadAnchor.bin";
	public static final String ABI_RESOURCE = "fr/ccamhub/ledger/anchor/TreeHeadAnchor.abi.json";

	/** {@code event TreeHeadAnchored(uint64 indexed treeSize, bytes32 rootHash, uint64 timestamp)}. */
	public static final Event TREE_HEAD_ANCHORED = new Event("TreeHeadAnchored", List.of(
			new TypeReference<Uint64>(true) {
			},
			new TypeReference<Bytes32>() {
			},
			new TypeReference<Uint64>() {
			}));

	private TreeHeadAnchorContract() {
	}

	public static String bytecode() {
		return "0x" + resource(BYTECODE_RESOURCE).strip();
	}

	public static String abiJson() {
		return resource(ABI_RESOURCE);
	}

	public static String anchorCall(long treeSize, byte[] rootHash, long timestamp) {
		return FunctionEncoder.encode(new Function("anchor",
				List.of(new Uint64(BigInteger.valueOf(treeSize)), new Bytes32(rootHash), new Uint64(BigInteger.valueOf(timestamp))),
				List.of()));
	}

	public static Function anchorOf(long treeSize) {
		return new Function("anchorOf", List.of(new Uint64(BigInteger.valueOf(treeSize))), List.of(
				new TypeReference<Bytes32>() {
				},
				new TypeReference<Uint64>() {
				},
				new TypeReference<Uint64>() {
				}));
	}

	public static Function latestTreeSize() {
		return new Function("latestTreeSize", List.of(), List.of(new TypeReference<Uint64>() {
		}));
	}

	public static String treeHeadAnchoredTopic() {
		return EventEncoder.encode(TREE_HEAD_ANCHORED);
	}

	private static String resource(String name) {
		try (InputStream in = TreeHeadAnchorContract.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("Missing resource " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + name, e);
		}
	}
}
