import Synchronization

/// A value computed on first use and kept, safe to share between tasks: the first to ask computes
/// it under the mutex, and the others wait for it and read the same value rather than compute
/// their own. For tables a caller may never need (a zone's owner index).
///
/// Not a class of its own but held inside its owner (`ZoneContents`), whose concrete type then frees
/// it: a generic class is an allocation more and looks up its type's metadata when freed, which cost
/// a plan of 10,000 small zones about 0.7% of its time, two of them per zone read.
struct ComputedOnce<Value: Sendable>: ~Copyable, Sendable {
    private let value = Mutex<Value?>(nil)

    init() {}

    /// The value, computed by `compute` the first time it is asked for.
    func value(_ compute: () -> Value) -> Value {
        value.withLock { kept in
            if let kept { return kept }
            let computed = compute()
            kept = computed
            return computed
        }
    }
}
