import Foundation

/// A folder under the temporary directory for the whole test process, removed when it exits.
///
/// Tests that copy examples and zones to apply them (megabytes each, hundreds a run) left their
/// copies behind: a day of runs filled a 250 GB disk with 15,000 of them. Folders made here go
/// with the process, whichever test made them and however it ended.
public enum ProcessScratch {
    /// `mailzone-tests-PID-UUID` under the temporary directory, made on first use; removed at exit.
    public static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "mailzone-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: ProcessScratch.root) }
        return url
    }()

    /// A new, empty folder `PREFIX-UUID` under `root`.
    public static func directory(prefix: String) throws -> URL {
        let url = root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
