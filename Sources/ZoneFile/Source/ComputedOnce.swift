import Synchronization

/// A value computed on first use and kept, safe to share between tasks: the first to ask computes
/// it under the mutex, and the others wait for it and read the same value rather than compute
/// their own. For tables a caller may never need (a file's line starts, a zone's owner index).
final class ComputedOnce<Value: Sendable>: Sendable {
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
