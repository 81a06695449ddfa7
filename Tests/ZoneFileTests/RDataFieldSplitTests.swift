import Foundation
import Testing

@testable import ZoneFile

/// `RDataField.split`, which takes the lexer's fields straight into the array it returns, gives what the
/// lexer's tokens filtered to words and quoted strings give: the same octets, at the same offsets, quoted or
/// not, for every entry of the conformance corpus and of the real zones.
@Suite struct RDataFieldSplitTests {
    @Test func theFieldsOfEveryEntryAreTheLexersWordsAndQuotedStrings() throws {
        var fields = 0
        for url in TestPaths.corpusAndRealZoneFiles() {
            let bytes = [UInt8](try Data(contentsOf: url))
            let zone = ZoneLoader.load(
                bytes: bytes, path: url.lastPathComponent,
                options: LoadOptions(origin: try DomainName(parsing: "example.")))
            guard let file = zone.files.first else { continue }
            for entry in file.entries {
                let expected = ZoneFileSyntax.tokens(in: bytes, range: entry.range).filter(\.isField)
                let split = RDataField.split(bytes, range: entry.range)
                #expect(
                    split.map { $0.bytes.indices } == expected.map(\.range), "\(url.lastPathComponent) \(entry.range)")
                #expect(split.map(\.quoted) == expected.map { $0.kind == .quoted }, "\(url.lastPathComponent)")
                #expect(split.map { Array($0.bytes) } == expected.map { Array(bytes[$0.range]) })
                fields += split.count
            }
        }
        #expect(fields > 1000, "only \(fields) fields read")
    }
}
