import Foundation
import Testing

@testable import ZoneFile

/// Printing the syntax gives back the input byte for byte, for every corpus file, broken ones included.
@Suite struct RoundTripTests {
    static let files = TestPaths.corpusFiles()

    @Test func corpusIsThere() {
        #expect(Self.files.count > 250, "the vendored corpus should be at \(TestPaths.corpus.path)")
    }

    @Test(arguments: files)
    func roundTrip(_ file: String) throws {
        let path = TestPaths.corpus.appendingPathComponent(file).path
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let zone = ZoneLoader.load(path: path, options: LoadOptions(origin: .root))
        let top = try #require(zone.files.first)
        #expect(top.bytes == original)
        // Entries partition the file: contiguous, non-empty, covering every byte.
        var cursor = 0
        for entry in top.entries {
            #expect(entry.range.lowerBound == cursor)
            #expect(!entry.range.isEmpty)
            cursor = entry.range.upperBound
        }
        #expect(cursor == original.count)
        // The lean load of `zone check` (records not kept) reports exactly the same problems and count.
        var lean = LoadOptions(origin: .root)
        lean.keepRecords = false
        let checked = ZoneLoader.load(path: path, options: lean)
        #expect(checked.diagnostics == zone.diagnostics)
        #expect(checked.recordCount == zone.recordCount)
        #expect(checked.records.isEmpty)
        // Read again as an edit of itself (apply's check), every record pairs with itself and the problems are the same.
        let reread = ZoneLoader.reread(path: path, options: LoadOptions(origin: .root), editedFrom: zone)
        #expect(reread.edited.diagnostics == zone.diagnostics)
        #expect(reread.onlyOld.isEmpty)
        #expect(reread.onlyNew.isEmpty)
        // The syntax-only parse splits the file exactly as the loader does.
        let (syntax, _) = ZoneFileSyntax.parse(top.source)
        #expect(syntax.bytes == original)
        #expect(syntax.entries.map(\.range) == top.entries.map(\.range))
        // Included files round-trip too.
        for included in zone.files.dropFirst() {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: included.source.path)))
            #expect(included.bytes == bytes)
        }
    }

    @Test func brokenTextIsKeptAsUnexpected() throws {
        let text =
            "$ORIGIN example.\n$TTL 1h\n@ SOA ns h 1 2 3 4 5\n@ NS ns\nbad 1x A 192.0.2.1 ; note\nns A 192.0.2.1\n"
        let zone = ZoneLoader.load(text: text, path: "db.example")
        let file = try #require(zone.files.first)
        #expect(String(decoding: file.bytes, as: UTF8.self) == text)
        #expect(file.entries.map(\.kind) == [.directive, .directive, .record, .record, .unexpected, .record])
        #expect(
            zone.diagnostics.map(\.description) == [
                "db.example:5:6: error: TTL '1x' has an unknown unit 'x'; use w, d, h, m or s"
            ])
    }
}
