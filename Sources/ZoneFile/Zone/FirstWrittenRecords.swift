/// Where each distinct record was first written, by the hash of its owner, type and canonical RDATA,
/// so the zone checks can name both lines of an exact duplicate (RFC 2181 §5).
///
/// Records are found through their owner: each owner keeps a list of its records, linked back from
/// its latest one, in arrays that grow in file order. A zone is written mostly owner by owner, so the
/// list the next record walks was written a moment ago and is still in the cache, where a table
/// probed by hash alone reads a random line of tens of megabytes for every record (that was a fifth
/// of a million-record load, and 32 bytes a record). An owner with more than `listLimit` records (a
/// round-robin name, a busy apex) has them moved to a shared open-addressing table probed by hash,
/// so no list is ever walked far.
///
/// A record costs 16 bytes until the load ends: its hash, its link and its entry's offset (the file is
/// the same for long runs of records, so it is kept once a run, `fileRuns`). A load that keeps every
/// record's key for a later re-read (`keepKeys()`) holds the hash there once: a distinct record then
/// costs 12 bytes here, the index of its key instead of a copy.
struct FirstWrittenRecords: Sendable {
    /// Records an owner's list holds before they move to the shared table.
    static let listLimit = 32

    /// By owner id: 0 when the owner has no record yet, `FirstWrittenRecords.shared` when its records are
    /// in `table`, else the index of its latest record plus one.
    private var latest: [UInt32] = []
    private static let shared = UInt32.max
    /// Every record's key in the order shown (`appendKey(_:)`; 0 for an SOA), when `keepsKeys`.
    private(set) var keys: [UInt64] = []
    private(set) var keepsKeys = false
    /// Per record, in the order first written: its hash (`ordinals`, the index of its key in `keys`, when
    /// those are kept), the owner's record before it (index plus one, 0 for none) and its entry's offset
    /// in its file.
    private var hashes: [UInt64] = []
    private var ordinals: [UInt32] = []
    private var previous: [UInt32] = []
    private var offsets: [UInt32] = []
    /// The records' files: from each run's first record index on, records are in `file` (`placeOfRecord(_:)`).
    private var fileRuns: [(first: UInt32, file: UInt16)] = []

    private struct Entry: Sendable {
        /// The record hash; 0 marks an empty entry (a hash of 0 is stored as 1).
        var hash: UInt64
        var place: ZoneChecks.Place
    }

    /// The shared table of the owners with many records: at most three quarters full.
    private var table: [Entry] = []
    private var tableCount = 0

    /// Reserves room for about `records` records; untouched capacity costs no memory, while growing copies.
    mutating func reserve(records: Int) {
        if keepsKeys {
            keys.reserveCapacity(records)
            ordinals.reserveCapacity(records)
        } else {
            hashes.reserveCapacity(records)
        }
        previous.reserveCapacity(records)
        offsets.reserveCapacity(records)
    }

    /// Reserves room for about `owners` owners.
    mutating func reserve(owners: Int) {
        latest.reserveCapacity(owners)
    }

    /// Keeps every record's key from now on (`appendKey(_:)`), before any is shown.
    mutating func keepKeys() { keepsKeys = true }

    /// Notes the key of the record being shown, when keys are kept: before `firstPlace` for it.
    @inline(__always)
    mutating func appendKey(_ key: UInt64) {
        if keepsKeys { keys.append(key) }
    }

    /// The hash of record `index` (in the order first written) as `firstPlace` compares it.
    @inline(__always)
    private func hashOfRecord(_ index: Int) -> UInt64 {
        guard keepsKeys else { return hashes[index] }
        let key = keys[Int(ordinals[index])]
        return key == 0 ? 1 : key
    }

    /// Where record `index` (in the order first written) was written.
    private func placeOfRecord(_ index: Int) -> ZoneChecks.Place {
        // The last run that starts at or before the record.
        var low = 0
        var high = fileRuns.count
        while low < high {
            let middle = (low + high) / 2
            if Int(fileRuns[middle].first) <= index { low = middle + 1 } else { high = middle }
        }
        return ZoneChecks.Place(file: low > 0 ? fileRuns[low - 1].file : 0, offset: offsets[index])
    }

    /// The place first recorded for `hash` (which covers the owner too) at `owner`; when there is none,
    /// records `place` for it and returns nil.
    mutating func firstPlace(of hash: Int, owner: UInt32, else place: ZoneChecks.Place) -> ZoneChecks.Place? {
        let key = hash == 0 ? 1 : UInt64(bitPattern: Int64(hash))
        let ownerIndex = Int(owner)
        // Owners are met mostly in id order, one new owner at a time.
        while ownerIndex >= latest.count { latest.append(0) }
        let head = latest[ownerIndex]
        if head == FirstWrittenRecords.shared { return sharedPlace(of: key, else: place) }
        var link = head
        var walked = 0
        while link != 0 {
            let index = Int(link) - 1
            if hashOfRecord(index) == key { return placeOfRecord(index) }
            link = previous[index]
            walked += 1
        }
        if walked >= FirstWrittenRecords.listLimit {
            // Move the owner's records to the shared table, then add this one there.
            var link = head
            while link != 0 {
                let index = Int(link) - 1
                _ = sharedPlace(of: hashOfRecord(index), else: placeOfRecord(index))
                link = previous[index]
            }
            latest[ownerIndex] = FirstWrittenRecords.shared
            return sharedPlace(of: key, else: place)
        }
        if fileRuns.last?.file != place.file {
            fileRuns.append((UInt32(truncatingIfNeeded: previous.count), place.file))
        }
        if keepsKeys {
            ordinals.append(UInt32(truncatingIfNeeded: keys.count - 1))
        } else {
            hashes.append(key)
        }
        previous.append(head)
        offsets.append(place.offset)
        latest[ownerIndex] = UInt32(truncatingIfNeeded: previous.count)
        return nil
    }

    /// The place in the shared table for `key`; when there is none, records `place` and returns nil.
    private mutating func sharedPlace(of key: UInt64, else place: ZoneChecks.Place) -> ZoneChecks.Place? {
        if (tableCount + 1) * 4 > table.count * 3 { grow() }
        let found = table.withUnsafeMutableBufferPointer { table -> ZoneChecks.Place? in
            let mask = table.count - 1
            var slot = Int(truncatingIfNeeded: key) & mask
            while table[slot].hash != 0 {
                if table[slot].hash == key { return table[slot].place }
                slot = (slot + 1) & mask
            }
            table[slot] = Entry(hash: key, place: place)
            return nil
        }
        if found == nil { tableCount += 1 }
        return found
    }

    private mutating func grow() {
        let size = max(256, table.count * 2)
        var larger = [Entry](repeating: Entry(hash: 0, place: ZoneChecks.Place(file: 0, offset: 0)), count: size)
        larger.withUnsafeMutableBufferPointer { larger in
            let mask = size - 1
            for entry in table where entry.hash != 0 {
                var slot = Int(truncatingIfNeeded: entry.hash) & mask
                while larger[slot].hash != 0 { slot = (slot + 1) & mask }
                larger[slot] = entry
            }
        }
        table = larger
    }
}

extension FirstWrittenRecords {
    /// The per-owner and per-record tables of a finished load, their contents stale, for the next load
    /// (`LoaderScratch`). The keys, which a load hands to its zone, and the shared table, which only an
    /// owner of many records fills, are not among them.
    struct Room {
        fileprivate var latest: [UInt32] = []
        fileprivate var hashes: [UInt64] = []
        fileprivate var ordinals: [UInt32] = []
        fileprivate var previous: [UInt32] = []
        fileprivate var offsets: [UInt32] = []
        fileprivate var fileRuns: [(first: UInt32, file: UInt16)] = []

        /// About the octets the tables hold.
        var octets: Int {
            (latest.capacity + ordinals.capacity + previous.capacity + offsets.capacity) * 4 + hashes.capacity * 8
                + fileRuns.capacity * MemoryLayout<(first: UInt32, file: UInt16)>.stride
        }
    }

    /// Takes `room`'s tables for these records, none seen yet: swapped in and emptied (`ZoneChecks.adopt(_:)`).
    mutating func adopt(_ room: inout Room) {
        swap(&latest, &room.latest)
        swap(&hashes, &room.hashes)
        swap(&ordinals, &room.ordinals)
        swap(&previous, &room.previous)
        swap(&offsets, &room.offsets)
        swap(&fileRuns, &room.fileRuns)
        latest.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
        ordinals.removeAll(keepingCapacity: true)
        previous.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
        fileRuns.removeAll(keepingCapacity: true)
    }

    /// The tables' memory, for the next load.
    var room: Room {
        Room(
            latest: latest, hashes: hashes, ordinals: ordinals, previous: previous, offsets: offsets,
            fileRuns: fileRuns)
    }
}
