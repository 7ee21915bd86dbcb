package fr.ccamhub.hl7.mllp;

/**
 * What the framing layer hands on: a whole message, or the head of one that exceeded the size limit.
 *
 * @param payload the bytes between the start block (0x0B) and the end block (0x1C 0x0D); for an
 *     oversized message, only its first bytes (enough for MSH)
 * @param size the message's size in bytes
 * @param oversized whether the message exceeded the limit (its tail was discarded)
 */
public record MllpFrame(byte[] payload, long size, boolean oversized) {}
