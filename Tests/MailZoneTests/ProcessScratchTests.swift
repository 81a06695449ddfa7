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
