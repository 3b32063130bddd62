import Foundation

/// The command line; a bad option exits with status 2 and a usage line.
struct FuzzOptions {
    var targets = FuzzTarget.allCases
    var count = 100_000
    var seed: UInt64 = 1
    /// Under `.build-fuzz`, which `.gitignore`'s `.build*/` already keeps out of commits.
    var output = ".build-fuzz"
    var replay: String?

    init(arguments: [String]) {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            if flag == "--help" || flag == "-h" { Self.usage(nil) }
            guard let value = rest.popFirst() else { Self.usage("\(flag) needs a value") }
            switch flag {
            case "--parser":
                if value == "all" {
                    targets = FuzzTarget.allCases
                } else if let target = FuzzTarget(rawValue: value) {
                    targets = [target]
                } else {
                    Self.usage("--parser is tools, config, article or all, not \(value)")
                }
            case "--count":
                guard let number = Int(value), number > 0 else {
                    Self.usage("--count needs a positive whole number, not \(value)")
                }
                count = number
            case "--seed":
                guard let number = UInt64(value) else { Self.usage("--seed needs a whole number ≥ 0, not \(value)") }
                seed = number
            case "--output": output = value
            case "--replay": replay = value
            default: Self.usage("unknown option \(flag)")
            }
        }
    }

    private static func usage(_ problem: String?) -> Never {
        let text = """
            usage: helpdesk-fuzz [--parser tools|config|article|all] [--count N] [--seed S] [--output DIR] [--replay FILE]
              --count N      inputs per parser (default 100000)
              --seed S       the inputs are the same for the same seed (default 1)
              --output DIR   where the current, slowest and failing inputs go (default .build-fuzz)
              --replay FILE  run one saved input, e.g. DIR/current after a crash
            """
        if let problem {
            FileHandle.standardError.write(Data("helpdesk-fuzz: \(problem)\n\(text)\n".utf8))
            exit(2)
        }
        print(text)
        exit(0)
    }
}
