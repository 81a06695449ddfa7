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
    /// One owner read ahead: where its text starts (-1: none), its length, the file it is in, the origin
    /// it was completed with (its interned id), its wire form and `NameTable.hash` of it.
    private struct Owner {
        var start = -1
        var length = 0
        var fileIndex = 0
        var originID: UInt32 = 0
        /// Room for a name; the name read is `wire[0..<wireLength]`. It is written in place, never emptied
        /// or appended to (each costs a check that the array is not shared).
        var wire: [UInt8]
        var wireLength = 0
        var hash: UInt32 = 0
        /// Where the name table's suffix starts in `wire`, when the name is relative and its origin is that
        /// suffix (`NameTable.intern(_:hash:cut:)`).
        var cut: Int?

        /// An empty slot that writes names into `wire` (at least `OwnerLookahead.room` octets).
        init(wire: [UInt8]) { self.wire = wire }

        /// Whether this is the owner token `start..<end` of file `fileIndex` under origin `originID`.
        @inline(__always)
        func matches(start: Int, end: Int, fileIndex: Int, originID: UInt32) -> Bool {
            start == self.start && end - start == length && fileIndex == self.fileIndex && originID == self.originID
        }

        /// Reads the owner `text` of `buffer` under `origin` into this slot; false (the slot left empty) when
        /// it is not a plain name that fits, which the general reader then reads.
        @inline(__always)
        mutating func read(_ text: Range<Int>, of buffer: UnsafeBufferPointer<UInt8>, origin: DomainName) -> Bool {
            start = -1
            guard text.count + 1 + origin.wire.count <= OwnerLookahead.room else { return false }
            let length = wire.withUnsafeMutableBufferPointer { out -> Int? in
                guard let base = out.baseAddress else { return nil }
                return try? NameParser.write(UnsafeBufferPointer(rebasing: buffer[text]), origin: origin, to: base)
            }
            guard let length else { return false }
            wireLength = length
            hash = wire.withUnsafeBufferPointer { NameTable.hash(UnsafeBufferPointer(rebasing: $0[0..<length])) }
            return true
        }

        /// The interned id of the name in this slot, which is emptied.
        @inline(__always)
        mutating func take(into names: inout NameTable) -> UInt32 {
            start = -1
            return wire.withUnsafeBufferPointer { wire in
                names.intern(UnsafeBufferPointer(rebasing: wire[0..<wireLength]), hash: hash, cut: cut)
            }
        }
    }

    /// Octets an owner read ahead may take: its text, a length octet and an origin of at most 255.
    private static let room = 512

    /// The owner read last, and the one read before it. The loader reads the owner of entry N + 1 before
    /// it types entry N, whose owner was read one step earlier: a single slot would be overwritten just
    /// before its owner is asked for, leaving only the prefetch and reading every name twice.
    /// They are kept in place and `latestIsFirst` says which is which: swapping them would move their bytes.
    private var first: Owner
    private var second: Owner
    private var latestIsFirst = false

    /// Owners given from what was read ahead (`intern`), for the tests to see the reading ahead pays.
    private(set) var taken = 0

    /// The interned id of the last origin found to be the name table's suffix (`NameTable.isSuffix`).
    private var suffixOriginID = UInt32.max

    init() {
        self.init(room: Room())
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
            // Eight bytes at a time to the next byte that may end the word, as the scanner looks.
            index = ByteRuns.wordEnd(buffer, from: index)
            guard index < buffer.count else { break }
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
    /// `originID`) and starts loading its slot in `names`; keeps the owner read before this one, forgets
    /// any older. Returns the owner's text (`ownerText`), when the entry has one.
    @discardableResult
    mutating func read(
        _ buffer: UnsafeBufferPointer<UInt8>, at offset: Int, fileIndex: Int, origin: DomainName,
        originID: UInt32, names: NameTable
    ) -> Range<Int>? {
        latestIsFirst.toggle()
        if latestIsFirst {
            first.start = -1
        } else {
            second.start = -1
        }
        guard let text = OwnerLookahead.ownerText(buffer, at: offset) else { return nil }
        if originID != suffixOriginID, names.isSuffix(origin) { suffixOriginID = originID }
        // A relative name (no final dot; `@` is the origin itself) is its labels, then the origin.
        let relative =
            buffer[text.upperBound - 1] != UInt8(ascii: ".")
            && !(text.count == 1 && buffer[text.lowerBound] == UInt8(ascii: "@"))
        let cutsSuffix = relative && originID == suffixOriginID
        if latestIsFirst {
            OwnerLookahead.fill(&first, text, buffer, origin, fileIndex, originID, cutsSuffix, names)
        } else {
            OwnerLookahead.fill(&second, text, buffer, origin, fileIndex, originID, cutsSuffix, names)
        }
        return text
    }

    /// Reads the owner `text` into `owner` and starts loading its slot in `names`.
    @inline(__always)
    private static func fill(
        _ owner: inout Owner, _ text: Range<Int>, _ buffer: UnsafeBufferPointer<UInt8>, _ origin: DomainName,
        _ fileIndex: Int, _ originID: UInt32, _ cutsSuffix: Bool, _ names: NameTable
    ) {
        guard owner.read(text, of: buffer, origin: origin) else { return }
        owner.cut = cutsSuffix ? owner.wireLength - origin.wire.count : nil
        names.prefetch(hash: owner.hash)
        owner.start = text.lowerBound
        owner.length = text.count
        owner.fileIndex = fileIndex
        owner.originID = originID
    }

    /// The id of the owner token `start..<end` of file `fileIndex` under origin `originID`, interned in
    /// `names`, when it is one of the two names read ahead last; nil (nothing interned) when it is not.
    /// Each name read ahead is given once.
    mutating func intern(
        start: Int, end: Int, fileIndex: Int, originID: UInt32, into names: inout NameTable
    ) -> UInt32? {
        // At most one matches: the owners read ahead are at different places, or in different files.
        if first.matches(start: start, end: end, fileIndex: fileIndex, originID: originID) {
            taken += 1
            return first.take(into: &names)
        }
        if second.matches(start: start, end: end, fileIndex: fileIndex, originID: originID) {
            taken += 1
            return second.take(into: &names)
        }
        return nil
    }
}

extension OwnerLookahead {
    /// The memory of a finished load's owners read ahead (`LoaderScratch`): their rooms for a name, whose
    /// octets are written before they are read.
    struct Room {
        fileprivate var first = [UInt8](repeating: 0, count: OwnerLookahead.room)
        fileprivate var second = [UInt8](repeating: 0, count: OwnerLookahead.room)
    }

    /// Nothing read ahead yet, the names written into `room`.
    init(room: Room) {
        first = Owner(wire: room.first)
        second = Owner(wire: room.second)
    }

    /// The rooms for a name, for the next load.
    var room: Room {
        Room(first: first.wire, second: second.wire)
    }
}
