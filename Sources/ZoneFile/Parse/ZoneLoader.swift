import Foundation

/// Reads a zone: the top file and every file it `$INCLUDE`s, into lossless
/// syntax per file, a compact record table, and diagnostics.
///
/// All problems are collected — a broken line is reported and kept as an
/// `unexpected` entry, and reading goes on with the next line — so one run shows
/// every error in the file, like a compiler.
public enum ZoneLoader {
    /// Loads a zone from a file on disk.
    public static func load(path: String, options: LoadOptions = LoadOptions()) -> Zone {
        var state = LoaderState(options: options, zonePath: path)
        let start = ContinuousClock.now
        state.loadTop(path: path, source: nil)
        let parsed = ContinuousClock.now
        var zone = state.finish()
        zone.timings = LoadTimings(
            read: state.readDuration, parse: parsed - start - state.readDuration,
            checks: ContinuousClock.now - parsed, bytes: zone.files.reduce(0) { $0 + $1.source.bytes.count })
        state.recycle()
        return zone
    }

    /// Loads a zone from bytes in memory (`path` names it in diagnostics and anchors relative `$INCLUDE`s).
    public static func load(bytes: [UInt8], path: String, options: LoadOptions = LoadOptions()) -> Zone {
        var state = LoaderState(options: options, zonePath: path)
        state.loadTop(path: path, source: SourceFile(path: path, bytes: bytes))
        let zone = state.finish()
        state.recycle()
        return zone
    }

    /// Loads a zone from text in memory.
    public static func load(text: String, path: String = "<input>", options: LoadOptions = LoadOptions()) -> Zone {
        load(bytes: Array(text.utf8), path: path, options: options)
    }
}

/// Where the time of a load went: reading the file, parsing it into syntax and records, zone-level checks.
package struct LoadTimings: Sendable, Hashable {
    package var read: Duration
    package var parse: Duration
    package var checks: Duration
    /// Bytes read, all files together.
    package var bytes: Int

    package init(read: Duration = .zero, parse: Duration = .zero, checks: Duration = .zero, bytes: Int = 0) {
        self.read = read
        self.parse = parse
        self.checks = checks
        self.bytes = bytes
    }

    /// Parse throughput in MB/s (10^6 bytes a second).
    package var parseMegabytesPerSecond: Double {
        let seconds = Double(parse.components.seconds) + Double(parse.components.attoseconds) / 1e18
        return seconds > 0 ? Double(bytes) / 1e6 / seconds : 0
    }
}
