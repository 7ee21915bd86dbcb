package fr.ccamhub.interceptors.ledger;

import fr.ccamhub.ledger.anchor.ChainAnchor;
import fr.ccamhub.ledger.audit.LedgerReceipt;
import fr.ccamhub.ledger.audit.LedgerReceipts.ReceiptLookup;
import fr.ccamhub.ledger.head.SignedTreeHead;
import java.math.BigDecimal;
import java.util.Date;
import java.util.Locale;
import org.hl7.fhir.r4.model.Base64BinaryType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * The {@value #URL} extension: everything an auditor needs to check offline that a Provenance's target version is in
 * the ledger. Numbers that may exceed 2^31 (leaf index, tree size, block number, chain id) are decimals, as R4 has no
 * 64-bit integer; hashes and signatures are base64.
 */
public final class LedgerReceiptExtension {

	public static final String URL = "https://fhir.ccamhub.fr/StructureDefinition/ledger-receipt";

	private LedgerReceiptExtension() {}

	public static Extension of(Reference target, ReceiptLookup lookup) {
		Extension receipt = new Extension(URL);
		// A string: HAPI serialises references without their version outside the paths told to keep it.
		receipt.addExtension("target", new StringType(target.getReference()));
		receipt.addExtension("status", new CodeType(lookup.status().name().toLowerCase(Locale.ROOT).replace('_', '-')));
		lookup.receipt().ifPresent(found -> describe(receipt, found));
		return receipt;
	}

	private static void describe(Extension receipt, LedgerReceipt found) {
		receipt.addExtension("leafIndex", integer(found.leafIndex()));
		receipt.addExtension("entry", new Base64BinaryType(found.entry().bytes()));
		for (byte[] hash : found.proof().auditPath()) {
			receipt.addExtension("auditPath", new Base64BinaryType(hash));
		}
		SignedTreeHead head = found.head().head();
		receipt.addExtension("treeSize", integer(head.treeSize()));
		receipt.addExtension("timestamp", new InstantType(new Date(head.timestampMillis())));
		receipt.addExtension("rootHash", new Base64BinaryType(head.rootHash()));
		receipt.addExtension("signature", new Base64BinaryType(head.signature()));
		receipt.addExtension("keyId", new StringType(head.keyId()));
		if (found.head().anchor().isPresent()) {
			ChainAnchor anchor = found.head().anchor().get();
			receipt.addExtension("chainId", integer(anchor.chainId()));
			receipt.addExtension("contract", new StringType(anchor.contractAddress()));
			receipt.addExtension("transactionHash", new StringType(anchor.transactionHash()));
			receipt.addExtension("blockNumber", integer(anchor.blockNumber()));
		}
	}

	private static DecimalType integer(long value) {
		return new DecimalType(BigDecimal.valueOf(value));
	}
}
