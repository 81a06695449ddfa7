/// A value kept out of line, behind a reference, for a large field that is rarely set: a sender's
/// `dmarc:` tags take some 300 bytes inline, and a hosting provider's declaration has thousands
/// of senders without them, each paying 8 bytes instead.
indirect enum Indirect<Value> {
    case value(Value)

    var value: Value {
        switch self {
        case .value(let value): return value
        }
    }
}

extension Indirect: Sendable where Value: Sendable {}
extension Indirect: Equatable where Value: Equatable {}
extension Indirect: Hashable where Value: Hashable {}
