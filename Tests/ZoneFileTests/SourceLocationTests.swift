import Foundation
import Testing

@testable import ZoneFile

/// `SourceFile.location(of:)` counts newlines by blocks (`LineStarts`); it must give the line and
/// column that counting every byte before the offset gives, wherever the offset falls: at a newline,
/// on a line longer than a block, past the end, in a file without newlines, in an empty file.
@Suite struct SourceLocationTests {
    /// The line and column of `offset` counted byte by byte.
    static func counted(_ bytes: [UInt8], _ offset: Int) -> ZoneFile.SourceLocation {
        var line = 1
        var lineStart = 0
        for index in 0..<min(max(0, offset), bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return ZoneFile.SourceLocation(line: line, column: offset - lineStart + 1, offset: offset)
    }

    static func expectCounted(_ bytes: [UInt8], offsets: [Int], _ label: String) {
        let source = SourceFile(path: label, bytes: bytes)
        for offset in offsets {
            #expect(source.location(of: offset) == counted(bytes, offset), "\(label), offset \(offset)")
        }
    }

    @Test("every offset of texts with short lines, lines across blocks, and no newline at all")
    func syntheticTexts() {
        let block = LineStarts.blockSize
        let long = [UInt8](repeating: 0x61, count: 3 * block + 17)
        var texts: [(String, [UInt8])] = [
            ("empty", []),
            ("no newline", Array("@ A 192.0.2.1".utf8)),
            ("only newlines", [UInt8](repeating: 0x0A, count: block + 3)),
            ("long line first", long + [0x0A] + Array("b\nc\n".utf8)),
            ("long line last", Array("a\nb\n".utf8) + long),
            ("long line between", Array("a\n".utf8) + long + [0x0A] + long + Array("\nz".utf8)),
        ]
        var lines: [UInt8] = []
        for index in 0..<3000 { lines += Array("host\(index) IN A 10.0.\(index / 256).\(index % 256)\r\n".utf8) }
        texts.append(("many lines", lines))
        for (label, bytes) in texts {
            // Every offset near block edges and newlines, a spread of the rest, and some past the end.
            var offsets = Set(stride(from: 0, through: bytes.count, by: 97))
            for edge in stride(from: 0, through: bytes.count + block, by: block) {
                offsets.formUnion((edge - 2)...(edge + 2))
            }
            for (index, byte) in bytes.enumerated() where byte == 0x0A && index % 5 == 0 {
                offsets.formUnion([index - 1, index, index + 1])
            }
            offsets.formUnion([bytes.count, bytes.count + 1, bytes.count + 50])
            Self.expectCounted(bytes, offsets: offsets.filter { $0 >= 0 }.sorted(), label)
        }
    }

    @Test("every byte of the corpus zones")
    func corpusZones() throws {
        let corpus = try ConformanceCorpus(root: ConformanceCorpus.defaultRoot())
        for item in corpus.cases {
            let source = try SourceFile.read(path: item.path)
            // Counted in the same pass as the offsets are asked.
            var line = 1
            var lineStart = 0
            var differing = 0
            for offset in 0...source.bytes.count {
                let expected = ZoneFile.SourceLocation(line: line, column: offset - lineStart + 1, offset: offset)
                if source.location(of: offset) != expected { differing += 1 }
                if offset < source.bytes.count, source.bytes[offset] == 0x0A {
                    line += 1
                    lineStart = offset + 1
                }
            }
            #expect(differing == 0, "\(item.file): \(differing) offsets placed wrongly")
        }
    }

    @Test("newlines counted eight bytes at a time equal those counted one by one, at every alignment")
    func newlineCount() {
        let bytes = Array("a\nbb\n\n\nccc\u{0A}\u{8A}\u{0B}\u{09}\u{FF}\n".utf8) + [0x0A, 0x8A, 0x0A, 0x00, 0xFF, 0x0A]
        bytes.withUnsafeBufferPointer { buffer in
            for start in 0..<buffer.count {
                for end in start...buffer.count {
                    let slice = UnsafeBufferPointer(rebasing: buffer[start..<end])
                    #expect(LineStarts.newlines(in: slice) == buffer[start..<end].filter { $0 == 0x0A }.count)
                }
            }
        }
    }
}

/// A re-read's window on an edited text (`SourceFile.init(window:path:rest:shift:)`) holds the text up to
/// a little past the last edit; past it, positions and texts come from the old file. They must be those of
/// the whole edited text, at every offset.
@Suite struct SourceWindowTests {
    @Test("positions and texts past a window's end are the whole edited text's, on every corpus zone")
    func corpusTexts() throws {
        let corpus = try ConformanceCorpus(root: ConformanceCorpus.defaultRoot())
        for item in corpus.cases {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: item.path)))
            let lines = bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
            guard lines.count >= 4 else { continue }
            let old = SourceFile(path: item.file, bytes: bytes)
            // An edit before the window's end; the window ends at a line start, in a line, at a newline.
            let edits = [SourceEdit(range: lines[0]..<lines[1], replacement: "x TXT \"new\"\ny A 192.0.2.1\n")]
            let edited = try EditedText(original: bytes, edits: edits)
            let whole = SourceFile(path: item.file, bytes: edited.bytes)
            let shift = edited.count - bytes.count
            for oldEnd in [lines[2], lines[2] + 1, lines[3] - 1] where oldEnd < bytes.count {
                let window = SourceFile(
                    window: edited.prefix(oldEnd + shift), path: item.file, rest: old, shift: shift)
                #expect(window.length == whole.length)
                let differing = (0...edited.count).first { window.location(of: $0) != whole.location(of: $0) }
                #expect(differing == nil, "\(item.file), window to \(oldEnd), offset \(differing ?? 0)")
                for start in stride(from: 0, to: edited.count, by: max(1, edited.count / 40)) {
                    let range = start..<min(edited.count, start + 97)
                    #expect(window.text(range) == whole.text(range), "\(item.file), \(range)")
                }
            }
        }
    }
}
