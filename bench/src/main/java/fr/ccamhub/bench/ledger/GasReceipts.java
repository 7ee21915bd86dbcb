package fr.ccamhub.bench.ledger;

import java.io.IOException;
import java.math.BigInteger;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** Gas actually used by transactions, read from their receipts on the node. */
final class GasReceipts {

	private final Web3j web3j;

	GasReceipts(Web3j web3j) {
		this.web3j = web3j;
	}

	/** {@code gasUsed} of a mined transaction's receipt. */
	long gasUsed(String transactionHash) throws IOException {
		return receipt(transactionHash).getGasUsed().longValueExact();
	}

	/** {@code gasUsed} of the transaction that created {@code contractAddress}, searched from the newest block down. */
	long deploymentGas(String contractAddress) throws IOException {
		long newest = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
		for (long number = newest; number >= 0; number--) {
			EthBlock.Block block = web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), true)
					.send().getBlock();
			for (EthBlock.TransactionResult<?> result : block.getTransactions()) {
				EthBlock.TransactionObject transaction = (EthBlock.TransactionObject) result.get();
				if (transaction.getTo() == null) {
					TransactionReceipt receipt = receipt(transaction.getHash());
					if (contractAddress.equalsIgnoreCase(receipt.getContractAddress())) {
						return receipt.getGasUsed().longValueExact();
					}
				}
			}
		}
		throw new IllegalStateException("no transaction created " + contractAddress);
	}

	private TransactionReceipt receipt(String transactionHash) throws IOException {
		return web3j.ethGetTransactionReceipt(transactionHash).send().getTransactionReceipt()
				.orElseThrow(() -> new IllegalStateException("no receipt for " + transactionHash));
	}
}
