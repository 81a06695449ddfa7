import Synchronization

/// The loader's working memory that no zone keeps — the token and RDATA buffers, the owners read ahead,
/// the zone checks' tables — handed from one load to the next instead of made again for each.
///
/// A repository of thousands of small zones loads each twice (the plan's reading and the re-read of the
/// edited text): asking for these buffers and tables afresh was some 30 allocations a zone, each freed a
/// moment later, for a load of a few dozen records. A load takes a scratch from `pool` when it starts
/// (`LoaderState.init`) and gives it back when it ends (`LoaderState.recycle()`); a load that gives
/// none back (a test's) only costs its successor fresh buffers. What a scratch holds is stale: each part
/// is emptied, or written before it is read, when it is taken (`LoaderState.init`).
struct LoaderScratch: @unchecked Sendable {
    // @unchecked: `tokens` shares its memory with its copies. A scratch is used by one load at a time: it
    // is in the pool, or taken from it by the one load that uses it.

    var tokens: TokenBuffer
    var problems: [LexProblem]
    var fields: [RDataField]
    var fieldText: [UInt8]
    var wire: [UInt8]
    var generalWire: [UInt8]
    var nameScratch: [UInt8]
    var ownerLookahead: OwnerLookahead.Room
    var checks: ZoneChecks.Room

    init(
        tokens: TokenBuffer, problems: [LexProblem], fields: [RDataField], fieldText: [UInt8], wire: [UInt8],
        generalWire: [UInt8], nameScratch: [UInt8], ownerLookahead: OwnerLookahead.Room, checks: ZoneChecks.Room
    ) {
        self.tokens = tokens
        self.problems = problems
        self.fields = fields
        self.fieldText = fieldText
        self.wire = wire
        self.generalWire = generalWire
        self.nameScratch = nameScratch
        self.ownerLookahead = ownerLookahead
        self.checks = checks
    }

    /// Buffers of the sizes a load starts with.
    init() {
        tokens = TokenBuffer()
        problems = []
        fields = []
        fields.reserveCapacity(64)
        fieldText = []
        wire = []
        wire.reserveCapacity(1024)
        generalWire = []
        nameScratch = []
        nameScratch.reserveCapacity(256)
        ownerLookahead = OwnerLookahead.Room()
        checks = ZoneChecks.Room()
    }

    /// Scratches given back and not yet taken again: about one per thread loading at once.
    private static let pool = Mutex<[LoaderScratch]>([])

    /// Scratches kept at most; more are dropped (loads run one per thread, a few at once).
    static let poolLimit = 8

    /// Octets of tables a scratch may hold and still be kept: a large zone's are given back to the system
    /// rather than held for the rest of the run.
    static let keptOctets = 1 << 20

    /// A scratch given back by an earlier load, else a new one.
    static func take() -> LoaderScratch {
        pool.withLock { $0.popLast() } ?? LoaderScratch()
    }

    /// Keeps `scratch` for the next load, unless the pool is full or its tables grew large.
    static func giveBack(_ scratch: consuming LoaderScratch) {
        guard scratch.octets <= keptOctets else { return }
        let kept = consume scratch
        pool.withLock { pool in
            if pool.count < poolLimit { pool.append(kept) }
        }
    }

    /// About the octets the scratch's arrays and tables hold.
    var octets: Int {
        problems.capacity * MemoryLayout<LexProblem>.stride + fields.capacity * MemoryLayout<RDataField>.stride
            + fieldText.capacity + wire.capacity + generalWire.capacity + nameScratch.capacity + checks.octets
            + tokens.capacity * MemoryLayout<Token>.stride
    }
}
