import Foundation
import Testing

/// Whole outputs compared with files committed beside the tests ("golden files"), so a change
/// in what is printed shows as a diff in review. `MAILZONE_RECORD=1 swift test` writes what was
/// produced instead of comparing, for a change that is meant.
public enum GoldenFile {
    /// Whether this run re-records the golden files (`MAILZONE_RECORD=1`) instead of comparing.
    public static var recording: Bool { ProcessInfo.processInfo.environment["MAILZONE_RECORD"] == "1" }

    /// Compares `actual` with the golden file at `url`, or writes it there when recording.
    public static func assert(
        _ actual: String, at url: URL, what: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        assert(Data(actual.utf8), at: url, what: what, sourceLocation: sourceLocation)
    }

    /// Compares `actual` byte for byte with the golden file at `url`, or writes it there when
    /// recording; a difference is reported with the offset of its first byte and what was produced.
    public static func assert(
        _ actual: Data, at url: URL, what: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        if recording {
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: url)
            } catch {
                Issue.record("cannot record golden \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? Data(contentsOf: url) else {
            Issue.record(
                "missing golden \(url.path); run with MAILZONE_RECORD=1 to create it", sourceLocation: sourceLocation)
            return
        }
        guard actual != expected else { return }
        let firstDifference =
            zip(actual, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actual.count, expected.count)
        let message =
            "\(what.map { $0 + ": " } ?? "")output differs from golden \(url.lastPathComponent) at byte "
            + "\(firstDifference)\n--- got:\n\(String(decoding: actual, as: UTF8.self))"
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
}
