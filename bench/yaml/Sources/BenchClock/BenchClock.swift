import Foundation

/// What both benchmark executables share: the command line, the file's bytes and the timed runs.
///
/// Each executable is run as `NAME MODE FILE RUNS`; it reads the file once, runs MODE `RUNS`
/// times and prints one line `MODE <median seconds> <min seconds>`. The peak RSS comes from
/// `/usr/bin/time` around the whole process, so a mode that only reads the file (`bytes`) is the
/// baseline the others are compared with.
public struct BenchClock {
    public let mode: String
    public let bytes: Data
    public let runs: Int

    /// Parses `MODE FILE RUNS`; exits with a usage line when they are missing.
    public init(arguments: [String], modes: [String]) {
        let name = URL(fileURLWithPath: arguments.first ?? "bench").lastPathComponent
        guard arguments.count == 4, modes.contains(arguments[1]), let runs = Int(arguments[3]), runs > 0 else {
            FileHandle.standardError.write(Data("usage: \(name) \(modes.joined(separator: "|")) FILE RUNS\n".utf8))
            exit(2)
        }
        guard let bytes = FileManager.default.contents(atPath: arguments[2]) else {
            FileHandle.standardError.write(Data("\(name): cannot read \(arguments[2])\n".utf8))
            exit(1)
        }
        self.mode = arguments[1]
        self.bytes = bytes
        self.runs = runs
    }

    /// Runs `body` `runs` times and prints the median and fastest wall-clock seconds. `body`
    /// returns a count of what it built, printed too, so the work cannot be optimised away and
    /// the two parsers can be seen to read the same file.
    public func time(_ body: () throws -> Int) rethrows {
        var seconds: [Double] = []
        var built = 0
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            built = try body()
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        seconds.sort()
        let median = seconds[seconds.count / 2]
        print("\(mode) \(String(format: "%.4f", median)) \(String(format: "%.4f", seconds[0])) \(built)")
    }
}
