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

    /// The errors `yaml`, read as the declaration at `path` with the built-in presets, is refused
    /// with; nil, with an issue recorded, when it loads.
    static func refusal(of yaml: String, path: String = "/t/mailzone.yaml") throws -> DeclarationErrors? {
        let catalog = try builtInCatalog()
        do {
            _ = try DeclarationLoader.load(
                data: Data(yaml.utf8), file: URL(fileURLWithPath: path), builtInPresets: catalog)
        } catch {
            return error
        }
        Issue.record("accepted")
        return nil
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
