// Compiles the anchoring contract with solc-js (offline) and writes its ABI and bytecode.
// Usage: node compile.js <contract.sol> <out-dir>
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const [source, outDir] = process.argv.slice(2);
const name = path.basename(source, '.sol');
const input = {
  language: 'Solidity',
  sources: { [name + '.sol']: { content: fs.readFileSync(source, 'utf8') } },
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: 'paris',
    metadata: { bytecodeHash: 'none' },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
if (errors.length) {
  errors.forEach((e) => console.error(e.formattedMessage));
  process.exit(1);
}
const contract = output.contracts[name + '.sol'][name];
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, name + '.abi.json'), JSON.stringify(contract.abi, null, 2) + '\n');
fs.writeFileSync(path.join(outDir, name + '.bin'), contract.evm.bytecode.object + '\n');
console.log(`compiled ${name} with solc ${solc.version()}`);
