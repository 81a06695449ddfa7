import Foundation
import Synchronization

/// What a pure function gave for its last few inputs, shared by every zone and sender of a run: most wanted
/// values come from presets, so thousands of senders ask for the same MX value, DMARC record or SPF
/// include list, and one sender's DKIM key is often pasted for others. Reading, checking and encoding such a
/// value once, not once per sender, was a large part of planning a zone with thousands of senders.
///
/// Only for functions whose result depends on the key alone (and so may be shared between tasks and
/// plans): a hit gives what calling the function again would. At most `limit` results are kept; when the
/// table is full it starts again empty, so a run of distinct values (every sender's own DKIM key) costs a
/// lookup each and holds little memory.
final class ValueMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let table = Mutex<[Key: Value]>([:])
    let limit: Int
    /// The function whose results are kept.
    let compute: @Sendable (Key) -> Value

    init(limit: Int, _ compute: @escaping @Sendable (Key) -> Value) {
        self.limit = limit
        self.compute = compute
    }

    /// `compute(key)`, or what it gave when last asked with this key. Computed outside the lock: two tasks
    /// asking at once may both compute it, and both get the same value.
    func value(for key: Key) -> Value {
        if let known = table.withLock({ $0[key] }) { return known }
        let computed = compute(key)
        table.withLock { table in
            if table.count >= limit { table.removeAll(keepingCapacity: true) }
            table[key] = computed
        }
        return computed
    }
}

/// Text as a memo's key, equal only to the same octets: `String`'s own equality holds canonically
/// equivalent texts equal (`é` as one scalar or as `e` and an accent), which are different records.
struct ExactText: Hashable, Sendable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    static func == (lhs: ExactText, rhs: ExactText) -> Bool {
        var left = lhs.text
        var right = rhs.text
        return left.withUTF8 { left in
            right.withUTF8 { right in
                guard left.count == right.count, let leftBase = left.baseAddress, let rightBase = right.baseAddress
                else { return left.count == right.count }
                return memcmp(leftBase, rightBase, left.count) == 0
            }
        }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
