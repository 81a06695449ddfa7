import Foundation

@testable import ZoneFile

/// Locations the tests read from, all inside the repository: the package root, the fixtures and
/// the conformance corpus vendored among them (`Fixtures/corpus`, see its NOTICE.md).
enum TestPaths {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures: URL = packageRoot.appendingPathComponent("Tests/ZoneFileTests/Fixtures")

    static let corpus: URL = fixtures.appendingPathComponent("corpus")

    /// Every regular file under the corpus, relative paths, sorted.
    static func corpusFiles() -> [String] {
        guard
            let enumerator = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: [.isRegularFileKey])
        else {
            return []
        }
        var files: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(corpus.standardizedFileURL.path.count + 1))
            files.append(relative)
        }
        return files.sorted()
    }

    /// Every corpus file (`corpusFiles()`, by relative path) loaded as a zone at the root origin, as the
    /// tests that compare a reading of the records with another over the whole corpus load them.
    static func corpusZonesAtRoot() -> [(relative: String, zone: Zone)] {
        corpusFiles().map { relative in
            let path = corpus.appendingPathComponent(relative).path
            return (relative, ZoneLoader.load(path: path, options: LoadOptions(origin: .root)))
        }
    }

    /// Every corpus file and every file of the real-zone fixtures (`Tests/MailZoneTests/Fixtures/RealZones`,
    /// sources in each SOURCE file): the real text the byte-level readers are checked against.
    static func corpusAndRealZoneFiles() -> [URL] {
        var files = corpusFiles().map { corpus.appendingPathComponent($0) }
        let real = packageRoot.appendingPathComponent("Tests/MailZoneTests/Fixtures/RealZones")
        if let enumerator = FileManager.default.enumerator(at: real, includingPropertiesForKeys: nil) {
            for case let url as URL in enumerator where !url.hasDirectoryPath { files.append(url) }
        }
        return files
    }
}
