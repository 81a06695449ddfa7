import Foundation
import MailZone
import TestSupport
import Testing
import ZoneFile

/// `AtomicFileWriter.write(texts:)` writes an edited text piece by piece (its old stretches and its
/// edits) where apply once wrote a whole edited copy: the file written must be that copy byte for byte,
/// with the old file's mode kept, on every real zone, and a failed rename must leave the old file whole.
@Suite struct StreamedWriteTests {
    static let realZones = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/RealZones")

    /// Edits of a text: a line inserted at its start, the third line replaced, a line appended.
    static func edits(of bytes: [UInt8]) -> [SourceEdit] {
        let lines = bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
        var edits = [SourceEdit.insert("; mailzone\n", at: 0), SourceEdit.insert("end TXT \"x\"\n", at: bytes.count)]
        if lines.count >= 3 { edits.append(SourceEdit(range: lines[1]..<lines[2], replacement: "b A 192.0.2.2\n")) }
        return edits
    }

    @Test("the file written is the whole edited copy, on every real zone")
    func realZonesWrittenWhole() throws {
        let files =
            FileManager.default.enumerator(at: Self.realZones, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath && $0.lastPathComponent != "README.md" } ?? []
        #expect(files.count > 50, "only \(files.count) real zone files")
        let directory = try ProcessScratch.directory(prefix: "mailzone-streamed")
        var writes: [(path: String, text: EditedText)] = []
        var copies: [String: [UInt8]] = [:]
        for (index, file) in files.enumerated() {
            let bytes = try [UInt8](Data(contentsOf: file))
            let path = directory.appendingPathComponent("zone\(index)").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            chmod(path, 0o640)
            let edits = Self.edits(of: bytes)
            writes.append((path, try EditedText(original: bytes, edits: edits)))
            copies[path] = try SourceEdit.apply(edits, to: bytes)
        }
        try AtomicFileWriter().write(texts: writes)
        for (path, _) in writes {
            #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == copies[path], "\(path)")
            var status = stat()
            #expect(stat(path, &status) == 0 && status.st_mode & 0o7777 == 0o640, "\(path): mode")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).count == writes.count)
    }

    @Test func aFailedRenameLeavesTheOldTextWhole() throws {
        let directory = try TemporaryFiles.directory(["db": "@ SOA ns h 1 2 3 4 5\n@ NS ns\n"])
        let path = directory.appendingPathComponent("db").path
        let old = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let text = try EditedText(original: old, edits: [.insert("x A 192.0.2.1\n", at: old.count)])
        #expect(throws: AtomicFileWriter.Failure.self) {
            try AtomicFileWriter(failRename: { _ in true }).write(texts: [(path, text)])
        }
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == old)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["db"])
    }

    @Test("a mapped old text is written whole; one cut short by another program is refused, nothing replaced")
    func mappedOldText() throws {
        let directory = try ProcessScratch.directory(prefix: "mailzone-streamed")
        var bytes: [UInt8] = []
        var index = 0
        while bytes.count < 3 << 20 {
            bytes += Array("host\(index) 300 IN TXT \"v=spf1 -all\"\n".utf8)
            index += 1
        }
        let path = directory.appendingPathComponent("db").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let source = try SourceFile.read(path: path)
        #expect(source.bytes.isMapped)
        let edits = Self.edits(of: bytes)
        try AtomicFileWriter().write(texts: [(path, try EditedText(original: source.bytes, edits: edits))])
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == SourceEdit.apply(edits, to: bytes))
        // Mapped again, then truncated by another program before it is written.
        let again = try SourceFile.read(path: path)
        #expect(again.bytes.isMapped)
        let text = try EditedText(original: again.bytes, edits: edits)
        #expect(truncate(path, 1000) == 0)
        #expect(throws: AtomicFileWriter.Failure.self) { try AtomicFileWriter().write(texts: [(path, text)]) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == 1000)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["db"])
    }
}
