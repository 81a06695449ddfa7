import Foundation
import TestSupport
import Testing

@testable import MailZone

/// Temporary copies of example folders and small zones, for apply tests that write files.
enum ApplySupport {
    /// 2026-12-01 00:00:00 UTC: date serials in goldens become 2026120100.
    static let now = Date(timeIntervalSince1970: 1_796_083_200)
    static let examples = DeclarationFixtures.packageRoot.appendingPathComponent("examples")

    /// A fresh folder, removed with the others when the test process exits (`ProcessScratch`).
    static func temporaryDirectory() throws -> URL {
        try ProcessScratch.directory(prefix: "mailzone-apply")
    }

    /// Copies `folder` into a fresh temporary directory and returns the copy.
    static func copy(_ folder: URL) throws -> URL {
        let target = try temporaryDirectory().appendingPathComponent(folder.lastPathComponent)
        try FileManager.default.copyItem(at: folder, to: target)
        return target
    }

    static func declaration(in directory: URL) throws -> Declaration {
        try DeclarationSource.load(path: directory.appendingPathComponent("mailzone.yaml").path)
    }

    /// Applies the declaration in `directory` at the tests' fixed "now", approving the plan.
    @discardableResult
    static func apply(in directory: URL) async throws -> ApplyReport {
        try await Applier.apply(try declaration(in: directory), options: PlannerOptions(now: now)) { _ in true }
    }

    /// Starts a real `mailzone apply --auto-approve` in `directory` that holds `seconds` between writing
    /// its temporary files and renaming them (`MAILZONE_TEST_HOLD_BEFORE_RENAME`), so a test can act in
    /// that window; returns once a temporary file is in `zones` (or the process ended, or 30 s passed).
    static func startHeldApply(
        in directory: URL, holdSeconds: Int, zones: URL, standardError: Any = FileHandle.nullDevice
    ) throws -> Process {
        let binary = try #require(MailzoneBinary.url, "the mailzone binary is not built")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["apply", "--auto-approve"]
        process.currentDirectoryURL = directory
        process.environment = MailzoneBinary.environment.merging(
            ["MAILZONE_TEST_HOLD_BEFORE_RENAME": String(holdSeconds)]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = standardError
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while temporaryFiles(in: zones).isEmpty, process.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        return process
    }

    /// apply's temporary files (`.NAME.mailzone-XXXXXX`) in `directory`.
    static func temporaryFiles(in directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter {
            $0.contains(".mailzone-")
        }
    }

    static func read(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    /// Example folders that hold a mailzone.yaml.
    static func exampleNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(atPath: examples.appendingPathComponent("\($0)/mailzone.yaml").path)
        }.sorted()
    }

    /// Zone files under a folder's `zones/`, relative paths, sorted.
    static func zoneFiles(in folder: URL) -> [String] {
        let zones = folder.appendingPathComponent("zones")
        guard let enumerator = FileManager.default.enumerator(atPath: zones.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(
                atPath: zones.appendingPathComponent($0).path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.map { "zones/\($0)" }.sorted()
    }

    static var bindAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/named-checkzone")
            || FileManager.default.isExecutableFile(atPath: "/usr/sbin/named-checkzone")
    }

    static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Runs named-checkzone on a zone file; returns its exit status and output.
    static func namedCheckzone(origin: String, file: String) throws -> (Int32, String) {
        // BIND resolves $INCLUDE against its working directory; mailzone against the including file.
        let url = URL(fileURLWithPath: file)
        let result = try ToolProcess.run(
            "named-checkzone", ["-i", "local", origin, url.lastPathComponent],
            in: url.deletingLastPathComponent())
        return (result.status, result.output)
    }
}

/// A one-time signal that tasks await without holding a thread: the concurrent-apply tests order
/// two applies with it (a semaphore's wait would block a thread of the pool the applies need).
actor AsyncSignal {
    private var fired = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func fire() {
        fired = true
        for continuation in waiting { continuation.resume() }
        waiting.removeAll()
    }

    func wait() async {
        if fired { return }
        await withCheckedContinuation { waiting.append($0) }
    }
}
