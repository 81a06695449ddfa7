import Foundation
import TestSupport
import Testing

/// The apply tests' copies live under the process's scratch folder, which goes when the process does.
@Suite struct ProcessScratchTests {
    @Test func applyCopiesAreMadeInTheProcessScratchFolder() throws {
        let copy = try ApplySupport.copy(ExamplesTests.directory("alibaba-singapore"))
        #expect(copy.deletingLastPathComponent().deletingLastPathComponent().path == ProcessScratch.root.path)
        #expect(FileManager.default.fileExists(atPath: copy.appendingPathComponent("mailzone.yaml").path))
    }
}

/// No test makes folders or files straight under the temporary directory: those outlive a test
/// that fails or crashes before its `defer` runs, and thousands of them filled the disk.
@Suite struct TestScratchUseTests {
    /// Test sources allowed to name the temporary directory: the scratch helpers themselves, and
    /// the adopter's test target, which may import nothing but ZoneFile and removes its one folder.
    static let allowed: Set<String> = [
        "TestSupport/ProcessScratch.swift",
        "ZoneFileAPITests/ZoneFileAPITests.swift",
        "MailZoneTests/ProcessScratchTests.swift",
    ]

    @Test func testsMakeTheirFilesInTheProcessScratchFolder() throws {
        let tests = DeclarationFixtures.packageRoot.appendingPathComponent("Tests")
        let patterns = [
            "FileManager.default.temporaryDirectory", "manager.temporaryDirectory", "NSTemporaryDirectory(",
        ]
        var offenders: [String] = []
        let walker = FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let relative = String(url.path.dropFirst(tests.path.count + 1))
            guard !Self.allowed.contains(relative) else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where patterns.contains(where: { line.contains($0) }) {
                offenders.append("\(relative):\(number + 1)")
            }
        }
        #expect(offenders == [], "use ProcessScratch.directory(prefix:) from TestSupport")
    }

    /// A clone of the repository alone builds and passes: no source, test or script names a path of
    /// the machine it was written on (a home or work folder, a fixed temporary path, or the
    /// shared folder beside the checkout).
    @Test func sourcesNameNoPathOfTheMachine() throws {
        let root = DeclarationFixtures.packageRoot
        // Each a quote and a folder, written so that this line is not one of them.
        let patterns = ["tmp", "home", "work", "root"].map { "\u{22}/\($0)/" } + ["../" + "shared"]
        var offenders: [String] = []
        for folder in ["Sources", "Tests", "scripts", ".ci", "bench"] {
            let walker = FileManager.default.enumerator(
                at: root.appendingPathComponent(folder), includingPropertiesForKeys: [.isDirectoryKey])
            while let url = walker?.nextObject() as? URL {
                let name = url.lastPathComponent
                if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
                    // Generated inputs, build products and test data are not code.
                    if name == "out" || name == "Fixtures" || name.hasPrefix(".build") { walker?.skipDescendants() }
                    continue
                }
                let script = folder != "Sources" && folder != "Tests" && url.pathExtension.isEmpty
                guard ["swift", "sh", "py"].contains(url.pathExtension) || script,
                    let text = try? String(contentsOf: url, encoding: .utf8)
                else { continue }
                let relative = String(url.path.dropFirst(root.path.count + 1))
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where patterns.contains(where: { line.contains($0) }) {
                    offenders.append("\(relative):\(number + 1)")
                }
            }
        }
        #expect(offenders == [], "name a path under the package or ProcessScratch instead")
    }
}
