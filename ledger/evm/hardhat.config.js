// A local EVM node for the ledger's anchoring tests: `npx hardhat node` on loopback, chain id 31337.
module.exports = { networks: { hardhat: { chainId: 31337 } } };
