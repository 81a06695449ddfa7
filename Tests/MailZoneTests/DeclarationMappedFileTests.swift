import Foundation
import TestSupport
import Testing
import ZoneFile

@testable import MailZone

/// A large mailzone.yaml is mapped, not copied, and its scalars are read from the mapping: it loads as
/// the same bytes read into memory do, and a file cut short by another program while it is read is
/// reported as such, whether the cut is met while parsing or while decoding.
@Suite struct DeclarationMappedFileTests {
    /// A declaration of `senders` senders with a DKIM key each: over the mapping threshold from ~2,500.
    static func largeDeclaration(senders: Int) -> String {
        var text = "version: 1\nzones:\n  - origin: example.net.\n    file: db.example.net\nsenders:\n"
        for index in 0..<senders {
            text += """
                  - domain: h\(index).example.net
                    services:
                      - preset: tencent-ses
                        dkim: { qcloud: "\(RealZoneCorpus.dkim)" }

                """
        }
        return text
    }

    /// A scratch mailzone.yaml holding `largeDeclaration(senders: 3000)`, and its bytes.
    private func write() throws -> (url: URL, bytes: [UInt8]) {
        let url = try ProcessScratch.directory(prefix: "mailzone-mapped").appendingPathComponent("mailzone.yaml")
        let bytes = Array(Self.largeDeclaration(senders: 3000).utf8)
        try Data(bytes).write(to: url)
        #expect(bytes.count > SourceFile.mappingThreshold)
        return (url, bytes)
    }

    @Test("a mapped declaration loads as the same bytes read into memory")
    func mappedLoadsAsInMemory() throws {
        let (url, bytes) = try write()
        #expect(try SourceFile.read(path: url.path).bytes.isMapped)
        let catalog = try DeclarationFixtures.builtInCatalog()
        let mapped = try DeclarationLoader.load(contentsOf: url, builtInPresets: catalog)
        let inMemory = try DeclarationLoader.load(data: Data(bytes), file: url, builtInPresets: catalog)
        #expect(mapped.senders.count == 3000)
        #expect(mapped == inMemory)
    }

    /// Where the tests cut the file: at a page's start, so that reading on meets a page past the end (a
    /// fault, which `SourceBytes.wasCut` records) rather than the zeros after the end in the cut page.
    static let cut: off_t = 24 * 4096

    @Test("a file cut short before it is parsed is reported as cut, not by what its zeros make")
    func cutBeforeParsing() throws {
        let (url, _) = try write()
        let source = try SourceFile.read(path: url.path)
        #expect(source.bytes.isMapped)
        #expect(truncate(url.path, Self.cut) == 0)
        source.bytes.releasePages(0..<source.bytes.count)
        #expect(throws: YAMLSource.changedWhileRead("mailzone.yaml")) {
            try YAMLSource.parse(source: source.bytes, file: "mailzone.yaml")
        }
    }

    @Test("a file cut within a page reads zeros after the cut, refused as NUL bytes, never a crash")
    func cutWithinAPage() throws {
        let (url, _) = try write()
        let source = try SourceFile.read(path: url.path)
        #expect(truncate(url.path, Self.cut + 100) == 0)
        source.bytes.releasePages(0..<source.bytes.count)
        #expect(throws: DeclarationError.self) { try YAMLSource.parse(source: source.bytes, file: "mailzone.yaml") }
    }

    @Test("a file cut short after it is parsed, while its scalars are decoded, is reported as cut")
    func cutWhileDecoding() throws {
        let (url, _) = try write()
        let source = try SourceFile.read(path: url.path)
        let root = try YAMLSource.parse(source: source.bytes, file: "mailzone.yaml")
        #expect(root?.wasCut == false)
        #expect(truncate(url.path, Self.cut) == 0)
        source.bytes.releasePages(0..<source.bytes.count)
        let catalog = try DeclarationFixtures.builtInCatalog()
        #expect(throws: DeclarationErrors([YAMLSource.changedWhileRead("mailzone.yaml")])) {
            try DeclarationLoader.load(file: url, displayPath: nil, builtInPresets: catalog) { _ in root }
        }
    }
}
