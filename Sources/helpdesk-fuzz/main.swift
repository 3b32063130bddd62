import Foundation

// Fuzzes the three parsers that read files an admin writes — tools.json, config.json and
// knowledge articles — with generated inputs, deterministically from a seed.
//
//     swift run -c release helpdesk-fuzz [--parser tools|config|article|all] [--count N]
//         [--seed S] [--output DIR] [--replay FILE]

let options = FuzzOptions(arguments: Array(CommandLine.arguments.dropFirst()))
let fuzzer = Fuzzer(seed: options.seed, count: options.count, output: options.output) { line in
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

if let replay = options.replay {
    exit(FuzzCommand.replay(replay, targets: options.targets, output: options.output))
}
exit(FuzzCommand.run(fuzzer, targets: options.targets))
