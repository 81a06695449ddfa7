/// Per-file reading position: what `$ORIGIN`, the previous owner and TTLs are at this point.
struct FileContext {
    var fileIndex: Int
    var origin: DomainName?
    var originID: UInt32
    var lastOwner: UInt32?
    /// Where the previous explicit owner was written, to skip re-reading an identical owner.
    var lastOwnerStart: Int = 0
    var lastOwnerLength: Int = -1
    var lastOwnerOrigin: UInt32 = UInt32.max
    /// The origin changed (`$ORIGIN`, `$INCLUDE` with an origin) since `lastOwner` was written:
    /// a blank owner now is easily misread as the new origin.
    var originChangedSinceOwner = false
}
