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
}
