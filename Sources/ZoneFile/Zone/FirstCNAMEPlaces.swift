/// Where the first CNAME of each owner that has one was written, for the zone checks' CNAME
/// diagnostics (a second CNAME, CNAME and other data).
///
/// The places are only read when a zone breaks one of those rules, which most zones never do, while
/// every CNAME owner is noted: a dictionary probed and grown per CNAME was 2% of a million-record
/// check. So the places are appended to a list in the order met, and indexed by owner only when
/// first asked for; the index then follows the list as it grows, each place indexed once.
struct FirstCNAMEPlaces: Sendable {
    fileprivate struct Noted: Sendable {
        var owner: UInt32
        var place: ZoneChecks.Place
    }

    /// Each owner's first CNAME, in the order met.
    private var noted: [Noted] = []
    /// The places of `noted[0..<indexed]` by owner, built when a place is first asked for.
    private var index: [UInt32: ZoneChecks.Place] = [:]
    private var indexed = 0

    /// Notes the first CNAME of `owner` (one not noted before).
    mutating func append(owner: UInt32, place: ZoneChecks.Place) {
        noted.append(Noted(owner: owner, place: place))
    }

    /// Where the first CNAME of `owner` was written; nil when none was noted.
    mutating func place(of owner: UInt32) -> ZoneChecks.Place? {
        while indexed < noted.count {
            index[noted[indexed].owner] = noted[indexed].place
            indexed += 1
        }
        return index[owner]
    }
}

extension FirstCNAMEPlaces {
    /// The list of a finished load's places, its contents stale, for the next load (`LoaderScratch`).
    struct Room {
        fileprivate var noted: [Noted] = []

        /// About the octets the list holds.
        var octets: Int { noted.capacity * MemoryLayout<Noted>.stride }
    }

    /// Takes `room`'s list for these places, none noted yet: swapped in and emptied (`ZoneChecks.adopt(_:)`).
    mutating func adopt(_ room: inout Room) {
        swap(&noted, &room.noted)
        noted.removeAll(keepingCapacity: true)
    }

    /// The list's memory, for the next load.
    var room: Room { Room(noted: noted) }
}
