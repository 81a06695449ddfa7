/// A record as the loader stores it: 20 bytes of ids and offsets, no heap
/// objects. The RDATA stays in the source text (or the `$GENERATE` arena) and is
/// decoded again when a caller asks for it; what few records need more (a long
/// RDATA text, the origin in force, the `$GENERATE` line) lives in side tables.
struct RecordSlot: Sendable {
    /// Interned owner name.
    var owner: UInt32
    var ttl: UInt32
    /// Start of the RDATA text: in the file's bytes, or in the generated-text arena when `generated`.
    var rdataStart: UInt32
    /// Length of the RDATA text; `UInt16.max` means "see the long-RDATA table".
    var rdataLength: UInt16
    var type: UInt16
    /// Index of the file in the load's file list.
    var file: UInt16
    var flags: Flags

    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        static let generated = Flags(rawValue: 1)
        static let explicitTTL = Flags(rawValue: 2)
        /// Out of the zone (ignored, as BIND ignores it).
        static let outOfZone = Flags(rawValue: 4)
    }
}

/// The records of a load with the side tables that complete them.
struct RecordStore: Sendable {
    private(set) var slots: [RecordSlot] = []
    /// The interned origin in force at the first record, and the later runs of records sharing the origin
    /// in force (first record index and interned origin): most zones have one origin, so no list is made.
    private var firstOrigin: UInt32?
    private var laterOrigins: [(first: UInt32, id: UInt32)] = []
    /// `$GENERATE` directives: index of their first record and the directive's entry start.
    private var generateFirst: [UInt32] = []
    private var generateEntry: [UInt32] = []
    private var longRData: [UInt32: UInt32] = [:]

    var count: Int { slots.count }

    mutating func reserve(_ capacity: Int) { slots.reserveCapacity(capacity) }

    mutating func beginGenerate(entryStart: Int) {
        generateFirst.append(UInt32(slots.count))
        generateEntry.append(UInt32(truncatingIfNeeded: entryStart))
    }

    mutating func append(_ slot: RecordSlot, rdataLength: Int, origin: UInt32) {
        var slot = slot
        let index = UInt32(slots.count)
        if rdataLength >= Int(UInt16.max) {
            slot.rdataLength = UInt16.max
            longRData[index] = UInt32(rdataLength)
        } else {
            slot.rdataLength = UInt16(rdataLength)
        }
        if let last = laterOrigins.last?.id ?? firstOrigin {
            if last != origin { laterOrigins.append((index, origin)) }
        } else {
            firstOrigin = origin
        }
        slots.append(slot)
    }

    subscript(index: Int) -> RecordSlot { slots[index] }

    /// The last run whose first index is at or before `index`.
    private static func run(_ firsts: [UInt32], _ index: Int) -> Int? {
        var low = 0
        var high = firsts.count - 1
        var found: Int? = nil
        while low <= high {
            let middle = (low + high) / 2
            if Int(firsts[middle]) <= index {
                found = middle
                low = middle + 1
            } else {
                high = middle - 1
            }
        }
        return found
    }

    func origin(of index: Int) -> UInt32 {
        // The last later run that starts at or before the record, else the first origin.
        var low = 0
        var high = laterOrigins.count
        while low < high {
            let middle = (low + high) / 2
            if Int(laterOrigins[middle].first) <= index { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? laterOrigins[low - 1].id : firstOrigin ?? 0
    }

    func rdataRange(of index: Int) -> Range<Int> {
        let slot = slots[index]
        let length = slot.rdataLength == UInt16.max ? Int(longRData[UInt32(index)] ?? 0) : Int(slot.rdataLength)
        return Int(slot.rdataStart)..<(Int(slot.rdataStart) + length)
    }

    /// The entry that wrote the record (for `$GENERATE`d records, the directive's): its position in
    /// its file's entries and where it starts.
    func entry(of index: Int, files: [ZoneFileSyntax]) -> (index: Int, start: Int) {
        let slot = slots[index]
        let file = files[Int(slot.file)]
        if slot.flags.contains(.generated) {
            let start = RecordStore.run(generateFirst, index).map { Int(generateEntry[$0]) } ?? 0
            return (file.entryIndex(containing: start) ?? 0, start)
        }
        guard let entry = file.entryIndex(containing: Int(slot.rdataStart) - (slot.rdataLength == 0 ? 1 : 0)) else {
            return (0, 0)
        }
        return (entry, file.entries[entry].range.lowerBound)
    }
}
