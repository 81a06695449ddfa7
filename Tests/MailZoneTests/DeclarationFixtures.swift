import Foundation
import Testing

@testable import MailZone

/// Paths of the declaration fixtures, read from the source tree so that golden
/// files can be re-recorded in place (`MAILZONE_RECORD=1 swift test`).
enum DeclarationFixtures {
    /// `Tests/MailZoneTests`.
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// The package root (holds `schemas/` and `examples/`).
    static let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let root = testsDirectory.appendingPathComponent("Fixtures/declarations")
    static let schemas = packageRoot.appendingPathComponent("schemas")

    static var recording: Bool { ProcessInfo.processInfo.environment["MAILZONE_RECORD"] == "1" }

    /// The `.yaml` files of a fixture folder, sorted by name.
    static func yamlFiles(in folder: String) -> [String] {
        let directory = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    static func url(_ folder: String, _ name: String) -> URL {
        root.appendingPathComponent(folder).appendingPathComponent(name)
    }

    /// The fixture built-in presets (`Fixtures/declarations/presets`), standing in for MailAuth's files.
    static func builtInFiles() -> [(name: String, text: String)] {
        yamlFiles(in: "presets").map {
            (String($0.dropLast(".yaml".count)), (try? String(contentsOf: url("presets", $0), encoding: .utf8)) ?? "")
        }
    }

    static func builtInCatalog() throws -> PresetCatalog {
        try PresetCatalog.builtIn(files: builtInFiles())
    }

    /// Compares `actual` with the golden file at `url`, or writes it when recording.
    static func assertGolden(_ actual: String, at url: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        if recording {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "missing golden file \(url.lastPathComponent); run with MAILZONE_RECORD=1 to create it",
                sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "golden \(url.lastPathComponent) differs", sourceLocation: sourceLocation)
    }

    /// Loads a declaration fixture and returns its errors as printed (empty when it loads).
    static func errorOutput(_ folder: String, _ name: String) throws -> String {
        do {
            _ = try DeclarationLoader.load(
                contentsOf: url(folder, name), displayPath: name,
                builtInPresets: try builtInCatalog())
            return ""
        } catch let errors as DeclarationErrors {
            return errors.description
        }
    }
}
