// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// @title Anchors of a transparency log's signed tree heads.
/// @notice The ccamhub ledger records here the root hash of its Merkle log at a given size and time.
///         Only roots are recorded: never patient data. Tree sizes only grow, as the log is append-only,
///         so a head once anchored cannot be replaced.
contract TreeHeadAnchor {
    struct Anchor {
        bytes32 rootHash;
        uint64 timestamp;
        uint64 blockNumber;
    }

    /// @notice The account allowed to anchor: the one that deployed the contract.
    address public immutable owner;

    /// @notice The largest tree size anchored so far (0 before the first anchor).
    uint64 public latestTreeSize;

    mapping(uint64 => Anchor) private anchors;

    /// @notice A tree head was anchored. `timestamp` is the head's own time in milliseconds since the epoch.
    event TreeHeadAnchored(uint64 indexed treeSize, bytes32 rootHash, uint64 timestamp);

    error NotOwner(address caller);
    error TreeSizeNotIncreasing(uint64 latestTreeSize, uint64 treeSize);
    error EmptyRoot();

    constructor() {
        owner = msg.sender;
    }

    /// @notice Records the root hash of the log at `treeSize` entries, signed at `timestamp` (ms).
    function anchor(uint64 treeSize, bytes32 rootHash, uint64 timestamp) external {
        if (msg.sender != owner) {
            revert NotOwner(msg.sender);
        }
        if (treeSize <= latestTreeSize) {
            revert TreeSizeNotIncreasing(latestTreeSize, treeSize);
        }
        if (rootHash == bytes32(0)) {
            revert EmptyRoot();
        }
        anchors[treeSize] = Anchor(rootHash, timestamp, uint64(block.number));
        latestTreeSize = treeSize;
        emit TreeHeadAnchored(treeSize, rootHash, timestamp);
    }

    /// @notice The anchor of a tree size; all zero when that size was never anchored.
    function anchorOf(uint64 treeSize) external view returns (bytes32 rootHash, uint64 timestamp, uint64 blockNumber) {
        Anchor storage a = anchors[treeSize];
        return (a.rootHash, a.timestamp, a.blockNumber);
    }
}
