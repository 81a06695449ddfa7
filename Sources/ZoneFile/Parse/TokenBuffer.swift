/// The tokens of the entry the loader is reading, in memory it keeps for the whole load.
///
/// The loader appends every token of every entry (five or so for a record), compacts them, clears them
/// and hands them to the readers of owners, TTLs, types and RDATA. A Swift array checks at each append
/// and each write that its storage is not shared, and handing it to a function while the loader
/// changes costs a retain: a few percent of a large zone's load. Here a token is stored through a
/// pointer, clearing sets the count to zero, and the readers get the tokens as an
/// `UnsafeBufferPointer`, which costs nothing to pass.
///
/// A copy shares the storage: the buffer is the loader's scratch, never copied, only swapped for a
/// fresh one while an included file is read.
struct TokenBuffer: TokenSink {
    /// Owns the memory; `base` is copied out of it so that reaching a token reads no class instance.
    private final class Storage {
        let base: UnsafeMutablePointer<Token>

        init(capacity: Int) { base = .allocate(capacity: capacity) }

        deinit { base.deallocate() }
    }

    private var storage: Storage
    private var base: UnsafeMutablePointer<Token>
    /// How many tokens fit before the memory is grown.
    private(set) var capacity: Int
    /// How many tokens are held.
    private(set) var count = 0

    init(capacity: Int = 64) {
        let capacity = max(capacity, 1)
        storage = Storage(capacity: capacity)
        base = storage.base
        self.capacity = capacity
    }

    /// The tokens held, valid until the next append (which may move them) and while the buffer lives.
    var tokens: UnsafeBufferPointer<Token> { UnsafeBufferPointer(start: base, count: count) }

    @inline(__always)
    mutating func append(_ token: Token) {
        if count == capacity { grow() }
        (base + count).initialize(to: token)
        count += 1
    }

    /// Forgets the tokens held, keeping the memory.
    @inline(__always)
    mutating func removeAll() { count = 0 }

    subscript(index: Int) -> Token {
        @inline(__always) get {
            precondition(index >= 0 && index < count, "token index out of range")
            return base[index]
        }
        @inline(__always) set {
            precondition(index >= 0 && index < count, "token index out of range")
            base[index] = newValue
        }
    }

    /// Twice the room, the tokens held moved over.
    private mutating func grow() {
        let larger = Storage(capacity: capacity * 2)
        larger.base.initialize(from: base, count: count)
        storage = larger
        base = larger.base
        capacity *= 2
    }
}

/// Where the entry scanner puts the tokens it finds: an array, or the loader's `TokenBuffer`.
protocol TokenSink {
    mutating func append(_ token: Token)
}

extension Array: TokenSink where Element == Token {}
