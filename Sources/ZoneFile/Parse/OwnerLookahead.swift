import Foundation

/// The owner of the next entry, read one entry early so that its name-table slot is on its way into
/// the cache while the current entry is read.
///
/// Most owners of a large zone are new names: interning each one probes a table of megabytes at a
/// place its hash picks, a cache miss every time, and waiting for it was most of interning's time.
/// Reading the next owner (its text ends at the first blank, as the entry scanner reads a word) and
/// asking for its slot before the current entry is typed overlaps that wait with useful work. The name
/// read ahead is used only when the next entry's owner token is that very text under the same origin in
/// the same file; anything else (an escape, a quote, a changed `$ORIGIN`) is read the general way.
struct OwnerLookahead {
    /// Where the owner text starts, and the file it is in (-1: nothing read ahead).
    private var start = -1
    private var length = 0
    private var fileIndex = 0
    /// The origin it was completed with (its interned id).
    private var originID: UInt32 = 0
    /// Its wire form and `NameTable.hash` of it.
    private var wire: [UInt8] = []
    private var hash: UInt32 = 0

    init() {
        wire.reserveCapacity(256)
    }

    /// The owner text of the entry starting at `offset`: from there to the first byte that ends a word,
    /// as the entry scanner ends it. Nil when the entry has no owner of its own (it starts blank), is a
    /// comment, a directive or blank, or when its owner has an escape or runs to the end of the buffer
    /// (the general reader reads those).
    static func ownerText(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) -> Range<Int>? {
        guard offset < buffer.count, !endsWord(buffer[offset]), buffer[offset] != UInt8(ascii: "$") else {
            return nil
        }
        var index = offset + 1
        while index < buffer.count {
            let byte = buffer[index]
            if endsWord(byte) {
                return byte == 0x5C ? nil : offset..<index
            }
            index += 1
        }
        return nil
    }

    /// The bytes below 64 that end a word (blank, CR, LF, `;`, `(`, `)`, `"`, NUL), one bit each.
    private static let wordEnds: UInt64 =
        1 << 0x20 | 1 << 0x09 | 1 << 0x0A | 1 << 0x0D | 1 << 0x3B | 1 << 0x28 | 1 << 0x29 | 1 << 0x22 | 1 << 0

    /// Whether `byte` ends a word (`wordEnds`) or stops reading ahead (a backslash: an escape).
    @inline(__always)
    private static func endsWord(_ byte: UInt8) -> Bool {
        byte < 64 ? wordEnds >> UInt64(byte) & 1 != 0 : byte == 0x5C
    }

    /// Reads ahead the owner of the entry at `offset` of file `fileIndex` under `origin` (interned as
    /// `originID`) and starts loading its slot in `names`; forgets what was read ahead before.
    mutating func read(
        _ buffer: UnsafeBufferPointer<UInt8>, at offset: Int, fileIndex: Int, origin: DomainName,
        originID: UInt32, names: NameTable
    ) {
        start = -1
        guard let text = OwnerLookahead.ownerText(buffer, at: offset) else { return }
        wire.removeAll(keepingCapacity: true)
        do {
            try NameParser.append(UnsafeBufferPointer(rebasing: buffer[text]), origin: origin, to: &wire)
        } catch {
            return
        }
        hash = wire.withUnsafeBufferPointer { NameTable.hash($0) }
        names.prefetch(hash: hash)
        start = text.lowerBound
        length = text.count
        self.fileIndex = fileIndex
        self.originID = originID
    }

    /// The id of the owner token `start..<end` of file `fileIndex` under origin `originID`, interned in
    /// `names`, when it is the name read ahead; nil (nothing interned) when it is not.
    mutating func intern(
        start: Int, end: Int, fileIndex: Int, originID: UInt32, into names: inout NameTable
    ) -> UInt32? {
        guard start == self.start, end - start == length, fileIndex == self.fileIndex, originID == self.originID
        else { return nil }
        self.start = -1
        return wire.withUnsafeBufferPointer { names.intern($0, hash: hash) }
    }
}
