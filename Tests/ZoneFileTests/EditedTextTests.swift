import Foundation
import Testing

@testable import ZoneFile

/// An edited text hands out its bytes piece by piece (what a writer streams to disk) and as a prefix
/// (what a re-read's window holds); both must be the bytes of applying the edits to a copy, on every
/// corpus zone, with edits at the start, between entries, over entries and at the end.
@Suite struct EditedTextTests {
    /// The edits applied one by one to a copy, from the last offset back: the reference.
    static func appliedToACopy(_ edits: [SourceEdit], _ bytes: [UInt8]) -> [UInt8] {
        var copy = bytes
        // Insertions at one offset keep their given order: the later one goes in first, from the back.
        let fromTheBack = edits.enumerated().sorted {
            ($0.element.range.lowerBound, $0.element.range.isEmpty ? 0 : 1, $0.offset)
                > ($1.element.range.lowerBound, $1.element.range.isEmpty ? 0 : 1, $1.offset)
        }
        for edit in fromTheBack.map(\.element) { copy.replaceSubrange(edit.range, with: edit.replacement) }
        return copy
    }

    /// Edits of a text: an insertion at its start, two at one offset, a replacement and a removal of
    /// lines, an insertion at its end.
    static func edits(of bytes: [UInt8]) -> [SourceEdit] {
        let lines = bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
        var edits = [SourceEdit.insert("; first\n", at: 0), SourceEdit.insert("; end\n", at: bytes.count)]
        if lines.count >= 6 {
            edits.append(SourceEdit.insert("a TXT \"one\"\n", at: lines[1]))
            edits.append(SourceEdit.insert("b TXT \"two\"\n", at: lines[1]))
            edits.append(SourceEdit(range: lines[2]..<lines[3], replacement: "c 300 A 192.0.2.7\n"))
            edits.append(SourceEdit(range: lines[4]..<lines[5], replacement: []))
        }
        return edits.shuffled()
    }

    /// The corpus zones and the real zones (`Tests/MailZoneTests/Fixtures/RealZones`), by name and path.
    static func zoneFiles() throws -> [(file: String, path: String)] {
        let corpus = try ConformanceCorpus(root: ConformanceCorpus.defaultRoot())
        let realZones = TestPaths.packageRoot.appendingPathComponent("Tests/MailZoneTests/Fixtures/RealZones")
        let real =
            FileManager.default.enumerator(at: realZones, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath && $0.lastPathComponent != "README.md" } ?? []
        #expect(real.count > 50, "only \(real.count) real zone files")
        return corpus.cases.map { ($0.file, $0.path) } + real.map { ($0.path, $0.path) }
    }

    @Test("pieces and prefixes are the bytes of the edits applied to a copy, on every corpus and real zone")
    func zoneTexts() throws {
        for item in try Self.zoneFiles() {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: item.path)))
            let edits = Self.edits(of: bytes)
            let expected = Self.appliedToACopy(edits, bytes)
            let text = try EditedText(original: bytes, edits: edits)
            #expect(text.count == expected.count, "\(item.file)")
            #expect(text.bytes == expected, "\(item.file)")
            var streamed: [UInt8] = []
            text.forEachPiece { piece in
                #expect(!piece.isEmpty, "\(item.file): an empty piece")
                streamed.append(contentsOf: piece)
                return true
            }
            #expect(streamed == expected, "\(item.file)")
            for length in [0, 1, 7, expected.count / 2, expected.count - 1, expected.count, expected.count + 9] {
                #expect(text.prefix(length) == Array(expected.prefix(max(0, length))), "\(item.file), \(length)")
            }
        }
    }

    /// Edits already in order are taken as they are (`SourceEdit.isOrdered`): the order is the one sorting
    /// gives, for the edits of every corpus and real zone, shuffled, sorted, and as an edited text keeps them.
    @Test("ordered edits are kept as they are, in the order sorting gives, on every corpus and real zone")
    func orderedEditsAsSorted() throws {
        for item in try Self.zoneFiles() {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: item.path)))
            let shuffled = Self.edits(of: bytes)
            let sorted = SourceEdit.sorted(shuffled)
            let kept = try EditedText(original: bytes, edits: shuffled).edits
            for edits in [shuffled, sorted, kept, Array(sorted.reversed()), Array(sorted.prefix(2))] {
                #expect(SourceEdit.ordered(edits) == SourceEdit.sorted(edits), "\(item.file)")
                #expect(SourceEdit.isOrdered(edits) == (edits == SourceEdit.sorted(edits)), "\(item.file)")
            }
        }
    }

    @Test func piecesStopWhenAskedTo() throws {
        let text = try EditedText(
            original: Array("a\nb\nc\n".utf8), edits: [.insert("x\n", at: 2), .insert("y\n", at: 4)])
        var pieces: [String] = []
        text.forEachPiece { piece in
            pieces.append(String(decoding: piece, as: UTF8.self))
            return pieces.count < 2
        }
        #expect(pieces == ["a\n", "x\n"])
    }

    @Test func editsThatCannotApplyAreRefused() {
        let bytes = Array("a\nb\n".utf8)
        #expect(throws: SourceEditError.outOfBounds(3..<9, 4)) {
            try EditedText(original: bytes, edits: [SourceEdit(range: 3..<9, replacement: [])])
        }
        #expect(throws: SourceEditError.overlapping(0..<2, 1..<3)) {
            try EditedText(
                original: bytes,
                edits: [SourceEdit(range: 1..<3, replacement: []), SourceEdit(range: 0..<2, replacement: [])])
        }
    }
}
