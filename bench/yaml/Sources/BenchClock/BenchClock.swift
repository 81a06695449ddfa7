import Foundation

/// What both benchmark executables share: the command line, the file's bytes and the timed runs.
///
/// Each executable is run as `NAME MODE FILE RUNS`; it reads the file once, runs MODE `RUNS`
/// times and prints one line `MODE <median CPU seconds> <min CPU seconds> <median wall seconds> <count>`. The peak RSS comes from
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

    /// Runs `body` `runs` times and prints the median and fastest CPU seconds of the process
    /// (user and system, the measure that a machine loaded by other jobs disturbs least) and
    /// the median wall-clock seconds. `body` returns a count of what it built, printed too, so
    /// the work cannot be optimised away and the two parsers can be seen to read the same file.
    public func time(_ body: () throws -> Int) rethrows {
        var cpu: [Double] = []
        var wall: [Double] = []
        var built = 0
        for _ in 0..<runs {
            let start = (cpu: Self.cpuSeconds(), wall: DispatchTime.now().uptimeNanoseconds)
            built = try body()
            cpu.append(Self.cpuSeconds() - start.cpu)
            wall.append(Double(DispatchTime.now().uptimeNanoseconds - start.wall) / 1e9)
        }
        cpu.sort()
        wall.sort()
        let format = { (seconds: Double) in String(format: "%.4f", seconds) }
        print("\(mode) \(format(cpu[cpu.count / 2])) \(format(cpu[0])) \(format(wall[wall.count / 2])) \(built)")
    }

    /// CPU time of this process so far (all threads, user and system).
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
