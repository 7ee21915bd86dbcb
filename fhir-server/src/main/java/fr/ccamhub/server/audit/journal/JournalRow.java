package fr.ccamhub.server.audit.journal;

import fr.ccamhub.ledger.entry.LedgerEntry;

/** One AuditEvent as the journal keeps it: its id, searched columns, JSON, and its ledger entry (null when not ledgered). */
public record JournalRow(String id, AuditEventColumns columns, String json, LedgerEntry ledgerEntry) {}
