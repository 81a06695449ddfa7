import Foundation
import Testing

@testable import ZoneFile

/// The entry scanner skips runs of ordinary bytes eight at a time (`ByteRuns`). Each skip must stop at
/// exactly the first byte a byte-by-byte look would stop at: checked from every offset of every
/// corpus file and real zone, and of bytes made to put the stopping bytes at every place in a word.
@Suite struct ByteRunsTests {
    typealias Skip = @Sendable (UnsafeBufferPointer<UInt8>, Int) -> Int

    static let runs: [(name: String, skip: Skip, stops: @Sendable (UInt8) -> Bool)] = [
        ("quoted", { ByteRuns.quotedEnd($0, from: $1) }, { $0 == 0x22 || $0 == 0x5C || $0 == 0x0A || $0 == 0 }),
        ("comment", { ByteRuns.commentEnd($0, from: $1) }, { $0 == 0x0A || $0 == 0 }),
        (
            "word", { ByteRuns.wordEnd($0, from: $1) },
            { $0 <= 0x20 || $0 == 0x3B || $0 == 0x28 || $0 == 0x29 || $0 == 0x22 || $0 == 0x5C }
        ),
    ]

    /// Checks every run kind from each offset of `bytes`; returns the offsets checked.
    static func check(_ bytes: [UInt8], _ label: String) -> Int {
        var checked = 0
        bytes.withUnsafeBufferPointer { buffer in
            for run in runs {
                // Where a byte-by-byte look from each offset stops, from the end backwards.
                var expected = [Int](repeating: buffer.count, count: buffer.count + 1)
                for index in stride(from: buffer.count - 1, through: 0, by: -1) {
                    expected[index] = run.stops(buffer[index]) ? index : expected[index + 1]
                }
                for start in 0...buffer.count {
                    // Within the next 40 bytes (a line without a stop would make this quadratic), which also
                    // puts a buffer's end at every place of a word.
                    let end = min(buffer.count, start + 40)
                    let found = start + run.skip(UnsafeBufferPointer(rebasing: buffer[start..<end]), 0)
                    if found != min(expected[start], end) {
                        Issue.record("\(label): \(run.name) from \(start) stops at \(found), not \(expected[start])")
                        return
                    }
                    checked += 1
                }
            }
        }
        return checked
    }

    @Test("runs stop where a byte-by-byte look stops, on every corpus file and real zone")
    func corpusAndRealZones() throws {
        var checked = 0
        for url in TestPaths.corpusAndRealZoneFiles() {
            let bytes = Array(try Data(contentsOf: url))
            checked += Self.check(bytes, url.lastPathComponent)
        }
        #expect(checked > 3_000_000, "only \(checked) offsets checked")
    }

    @Test("every byte value stops or not at every place of an eight-byte word, and at the buffer's end")
    func everyByteEverywhere() {
        for value in 0...255 {
            for place in 0..<20 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 20)
                bytes[place] = UInt8(value)
                // Bytes above the flagged one that look like stops to a careless borrow: 0x01, 0x21, 0x80.
                if place + 1 < bytes.count { bytes[place + 1] = 0x01 }
                if place + 2 < bytes.count { bytes[place + 2] = 0x21 }
                if place + 3 < bytes.count { bytes[place + 3] = 0x80 }
                _ = Self.check(bytes, "byte \(value) at \(place)")
            }
        }
        _ = Self.check([], "empty")
    }
}
