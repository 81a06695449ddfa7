/// Where a run of ordinary bytes ends, found eight bytes at a time: the entry scanner spends most of
/// its time in the runs between the bytes that matter to it (long quoted TXT and DKIM strings,
/// comments, names), and looking at each of their bytes in turn was most of its cost.
///
/// Each function returns the first index at or after `start` whose byte may end the run, or the
/// buffer's count; the scanner then looks at that byte itself. A byte is found in a 64-bit word with
/// the borrow trick: subtracting 1 from every byte sets the high bit of the first zero byte and of no
/// byte before it, so the lowest flagged byte is exact.
enum ByteRuns {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of each byte of `word` below `limit` (at most 128) is set; the lowest is exact.
    @inline(__always)
    private static func below(_ limit: UInt8, in word: UInt64) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & highs
    }

    /// The high bit of each byte of `word` equal to `byte` is set; the lowest is exact.
    @inline(__always)
    private static func equal(_ byte: UInt8, in word: UInt64) -> UInt64 {
        below(1, in: word ^ (ones &* UInt64(byte)))
    }

    /// The first index from `start` where `stops` (given eight bytes, flags the bytes that stop) or, in the
    /// last bytes that make no whole word, `stopsAt` says a byte stops.
    @inline(__always)
    private static func firstStop(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ stops: (UInt64) -> UInt64,
        _ stopsAt: (UInt8) -> Bool
    ) -> Int {
        guard let base = bytes.baseAddress else { return start }
        var index = start
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            let found = stops(word)
            if found != 0 { return index + found.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < bytes.count, !stopsAt(bytes[index]) { index += 1 }
        return index
    }

    /// Inside a quoted string: the closing quote, a backslash, a newline or a NUL byte.
    @inline(__always)
    static func quotedEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        firstStop(
            bytes, from: start,
            { equal(0x22, in: $0) | equal(0x5C, in: $0) | equal(0x0A, in: $0) | below(1, in: $0) },
            { $0 == 0x22 || $0 == 0x5C || $0 == 0x0A || $0 == 0 })
    }

    /// Inside a comment: the newline that ends it, or a NUL byte.
    @inline(__always)
    static func commentEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        firstStop(bytes, from: start, { equal(0x0A, in: $0) | below(1, in: $0) }, { $0 == 0x0A || $0 == 0 })
    }

    /// Inside a word: a byte up to the space (blanks, newlines, NUL and other control bytes), `;`, `(`,
    /// `)`, `"` or a backslash. Control bytes other than blanks, newlines and NUL do not end a word; the
    /// scanner tells them apart.
    @inline(__always)
    static func wordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        firstStop(
            bytes, from: start,
            {
                below(0x21, in: $0) | equal(0x3B, in: $0) | equal(0x28, in: $0) | equal(0x29, in: $0)
                    | equal(0x22, in: $0) | equal(0x5C, in: $0)
            },
            { $0 <= 0x20 || $0 == 0x3B || $0 == 0x28 || $0 == 0x29 || $0 == 0x22 || $0 == 0x5C })
    }
}
