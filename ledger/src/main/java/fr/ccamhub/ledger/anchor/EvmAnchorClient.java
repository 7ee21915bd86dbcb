package fr.ccamhub.ledger.anchor;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * Anchors tree heads in the {@code TreeHeadAnchor} contract through a JSON-RPC node (web3j), and
 * reads them back. Anchoring is idempotent: a tree size already anchored with the same root is
 * found on chain instead of being sent again, so a retry after a lost answer costs nothing.
 * Transient node failures are retried (resilience4j); an anchor is returned only once its block has
 * the configured number of confirmations.
 */
public final class EvmAnchorClient implements AutoCloseable {

	private static final BigInteger DEPLOY_GAS_LIMIT = BigInteger.valueOf(1_000_000);

	private final AnchorSettings settings;
	private final Web3j web3j;
	private final Credentials credentials;
	private final RawTransactionManager transactions;
	private final PollingTransactionReceiptProcessor receipts;
	private final Retry nodeRetry;

	public EvmAnchorClient(AnchorSettings settings) {
		this.settings = settings;
		this.web3j = Web3j.build(new HttpService(settings.nodeUrl()));
		this.credentials = Credentials.create(settings.privateKey());
		long attempts = Math.max(1, settings.timeout().toMillis() / settings.pollInterval().toMillis());
		this.receipts = new PollingTransactionReceiptProcessor(web3j, settings.pollInterval().toMillis(), (int) attempts);
		this.transactions = new RawTransactionManager(web3j, credentials, settings.chainId(), receipts);
		this.nodeRetry = Retry.of("evm-node", RetryConfig.custom()
				.maxAttempts(3)
				.waitDuration(settings.pollInterval())
				.retryExceptions(IOException.class)
				.build());
	}

	/** The chain id the node reports; anchoring refuses to start when it differs from the settings. */
	public long verifyChainId() {
		long nodeChainId = call(() -> web3j.ethChainId().send().getChainId()).longValueExact();
		if (nodeChainId != settings.chainId()) {
			throw new AnchorException("The node at " + settings.nodeUrl() + " is on chain " + nodeChainId + ", not "
					+ settings.chainId() + " as configured");
		}
		return nodeChainId;
	}

	/** The account that sends anchors (and owns a contract this client deploys). */
	public String account() {
		return credentials.getAddress();
	}

	/** Deploys a new {@code TreeHeadAnchor} contract owned by this client's account; returns its address. */
	public String deployContract() {
		TransactionReceipt receipt = send(null, TreeHeadAnchorContract.bytecode(), DEPLOY_GAS_LIMIT, true);
		return receipt.getContractAddress();
	}

	/**
	 * Anchors a tree head and waits for its confirmations. When that size is already anchored with
	 * the same root, returns the existing anchor; with another root, fails.
	 */
	public ChainAnchor anchor(long treeSize, byte[] rootHash, long timestamp) {
		String contract = contract();
		Optional<AnchoredHead> existing = read(treeSize);
		if (existing.isPresent()) {
			if (!Arrays.equals(existing.get().rootHash(), rootHash)) {
				throw new AnchorException("Tree size " + treeSize + " is already anchored with another root: "
						+ Numeric.toHexString(existing.get().rootHash()));
			}
			return findAnchor(treeSize).orElseThrow(() -> new AnchorException(
					"Tree size " + treeSize + " is anchored but its TreeHeadAnchored event was not found"));
		}
		String data = TreeHeadAnchorContract.anchorCall(treeSize, rootHash, timestamp);
		BigInteger gas = estimateGas(contract, data);
		TransactionReceipt receipt = send(contract, data, gas, false);
		long block = receipt.getBlockNumber().longValueExact();
		awaitConfirmations(block);
		return new ChainAnchor(treeSize, rootHash, timestamp, settings.chainId(), contract, receipt.getTransactionHash(), block);
	}

	/** What the contract holds for a tree size, if it was anchored. */
	public Optional<AnchoredHead> read(long treeSize) {
		List<Type> values = callView(TreeHeadAnchorContract.anchorOf(treeSize));
		byte[] root = (byte[]) values.get(0).getValue();
		if (Arrays.equals(root, new byte[32])) {
			return Optional.empty();
		}
		return Optional.of(new AnchoredHead(treeSize, root, ((BigInteger) values.get(1).getValue()).longValueExact(),
				((BigInteger) values.get(2).getValue()).longValueExact()));
	}

	/** The largest tree size anchored in the contract, 0 before the first anchor. */
	public long latestTreeSize() {
		return ((BigInteger) callView(TreeHeadAnchorContract.latestTreeSize()).get(0).getValue()).longValueExact();
	}

	/** The anchoring transaction of a tree size, found through the contract's event log. */
	public Optional<ChainAnchor> findAnchor(long treeSize) {
		EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, contract());
		filter.addSingleTopic(TreeHeadAnchorContract.treeHeadAnchoredTopic());
		filter.addSingleTopic(Numeric.toHexStringWithPrefixZeroPadded(BigInteger.valueOf(treeSize), 64));
		EthLog logs = call(() -> web3j.ethGetLogs(filter).send());
		if (logs.hasError()) {
			throw new AnchorException("eth_getLogs failed: " + logs.getError().getMessage());
		}
		for (EthLog.LogResult<?> result : logs.getLogs()) {
			Log log = (Log) result.get();
			List<Type> data = FunctionReturnDecoder.decode(log.getData(), TreeHeadAnchorContract.TREE_HEAD_ANCHORED.getNonIndexedParameters());
			return Optional.of(new ChainAnchor(treeSize, (byte[]) data.get(0).getValue(),
					((BigInteger) data.get(1).getValue()).longValueExact(), settings.chainId(), contract(),
					log.getTransactionHash(), log.getBlockNumber().longValueExact()));
		}
		return Optional.empty();
	}

	private String contract() {
		if (settings.contractAddress() == null || settings.contractAddress().isBlank()) {
			throw new AnchorException("No anchoring contract address is configured");
		}
		return settings.contractAddress();
	}

	private List<Type> callView(Function function) {
		String data = FunctionEncoder.encode(function);
		EthCall result = call(() -> web3j.ethCall(Transaction.createEthCallTransaction(account(), contract(), data),
				DefaultBlockParameterName.LATEST).send());
		if (result.hasError() || result.isReverted()) {
			throw new AnchorException("Call to " + function.getName() + " failed: "
					+ (result.hasError() ? result.getError().getMessage() : result.getRevertReason()));
		}
		return FunctionReturnDecoder.decode(result.getValue(), function.getOutputParameters());
	}

	private BigInteger estimateGas(String to, String data) {
		var estimate = call(() -> web3j.ethEstimateGas(Transaction.createFunctionCallTransaction(account(), null, null, null, to, data)).send());
		if (estimate.hasError()) {
			throw new AnchorException("The node refuses the anchoring transaction: " + estimate.getError().getMessage());
		}
		// 20 % headroom over the estimate
		return estimate.getAmountUsed().multiply(BigInteger.valueOf(12)).divide(BigInteger.TEN);
	}

	private TransactionReceipt send(String to, String data, BigInteger gasLimit, boolean deploy) {
		BigInteger gasPrice = call(() -> web3j.ethGasPrice().send().getGasPrice());
		EthSendTransaction sent = call(() -> transactions.sendTransaction(gasPrice, gasLimit, to, data, BigInteger.ZERO, deploy));
		if (sent.hasError()) {
			throw new AnchorException("The node rejected the transaction: " + sent.getError().getMessage());
		}
		TransactionReceipt receipt;
		try {
			receipt = receipts.waitForTransactionReceipt(sent.getTransactionHash());
		} catch (IOException | TransactionException e) {
			throw new AnchorException("No receipt for transaction " + sent.getTransactionHash() + " within " + settings.timeout(), e);
		}
		if (!receipt.isStatusOK()) {
			throw new AnchorException("Transaction " + receipt.getTransactionHash() + " reverted"
					+ (receipt.getRevertReason() == null ? "" : ": " + receipt.getRevertReason()));
		}
		return receipt;
	}

	private void awaitConfirmations(long block) {
		long attempts = Math.max(1, settings.timeout().toMillis() / settings.pollInterval().toMillis());
		Retry confirmations = Retry.of("evm-confirmations", RetryConfig.<BigInteger>custom()
				.maxAttempts((int) Math.min(Integer.MAX_VALUE, attempts))
				.waitDuration(settings.pollInterval())
				.retryExceptions(IOException.class)
				.retryOnResult(head -> head.longValueExact() - block + 1 < settings.confirmations())
				.build());
		BigInteger head = retried(confirmations, () -> web3j.ethBlockNumber().send().getBlockNumber());
		if (head.longValueExact() - block + 1 < settings.confirmations()) {
			throw new AnchorException("Block " + block + " has " + (head.longValueExact() - block + 1) + " confirmations after "
					+ settings.timeout() + ", " + settings.confirmations() + " required");
		}
	}

	/** The current block number of the node. */
	public long blockNumber() {
		return call(() -> web3j.ethBlockNumber().send().getBlockNumber()).longValueExact();
	}

	private <T> T call(NodeCall<T> call) {
		return retried(nodeRetry, call);
	}

	private <T> T retried(Retry retry, NodeCall<T> call) {
		try {
			return Retry.decorateCheckedSupplier(retry, call::get).get();
		} catch (IOException e) {
			throw new AnchorException("The EVM node at " + settings.nodeUrl() + " cannot be reached: " + e.getMessage(), e);
		} catch (RuntimeException | Error e) {
			throw e;
		} catch (Throwable e) {
			throw new AnchorException("EVM node call failed: " + e.getMessage(), e);
		}
	}

	@Override
	public void close() {
		web3j.shutdown();
	}

	@FunctionalInterface
	private interface NodeCall<T> {
		T get() throws IOException;
	}
}
